#!/bin/sh
# Rewrites officer-farms.{xlsx,xls,ods} and plain-farms.{xls,ods} beside this
# script: openpyxl lays the workbooks out (make-reader-fixtures.py), LibreOffice
# writes the bytes that are committed and read by test-table-formats.c. Needs
# python3-openpyxl and libreoffice-calc.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/openpyxl"
/usr/bin/python3 "$here/make-reader-fixtures.py" "$work/openpyxl"
convert() {   # NAME FORMAT
  mkdir -p "$work/$2"
  soffice -env:UserInstallation="file://$work/profile" --headless --calc \
    --convert-to "$2" --outdir "$work/$2" "$work/openpyxl/$1.xlsx" >/dev/null
  cp "$work/$2/$1.$2" "$here/$1.$2"
}
for format in xls ods xlsx; do convert officer-farms "$format"; done
for format in xls ods; do convert plain-farms "$format"; done
