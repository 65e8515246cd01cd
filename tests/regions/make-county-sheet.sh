#!/bin/bash
# Lays out 石佛镇名单.csv — 石佛镇's own list as a township office keeps it, with three changes
# against the shipped list (庆云庵村 renamed 庆云村 by its code, 磨盘村 merged into 高屋基村, a new
# 石佛新村 without a code) — and has LibreOffice write it as 石佛镇名单.xlsx, the bytes test-cli.sh
# imports. Usage: tests/regions/make-county-sheet.sh (from the repository root; needs soffice).
set -eu
cd "$(dirname "$0")"
{
  echo "石佛镇村（社区）名单（2024年）,,,,"
  echo "乡镇（街道）,代码,村（社区）名称,类型,合并自"
  zcat ../../data/divisions.tsv.gz | grep '^512022101...	' | while IFS=$'\t' read -r code name; do
    case $name in
      磨盘村) continue ;;
      庆云庵村) name=庆云村 ;;
    esac
    kind=村; [ "${code:9:1}" = 0 ] && kind=社区
    from=; [ "$name" = 高屋基村 ] && from=磨盘村
    # a township office writes codes only where it knows them
    [ "$name" = 庆云村 ] || [ $((10#${code:9:3} % 2)) = 0 ] || code=
    echo "石佛镇,$code,$name,$kind,$from"
  done
  echo "石佛镇,,石佛新村,村,"
  echo "合计,,,,"
} > 石佛镇名单.csv
# 44,34,76: comma-separated, double quotes, UTF-8 (LibreOffice guesses a legacy encoding otherwise)
soffice --headless --infilter=CSV:44,34,76,1 --convert-to xlsx 石佛镇名单.csv >/dev/null
rm 石佛镇名单.csv
