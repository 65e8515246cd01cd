#!/bin/bash
# test-cli-robustness.sh: the trials of issue 15 on the command line
#   exit 1 for every input file that cannot be read (missing, a folder, a
#   link loop, a FIFO, a device, empty, too large) — it never hangs; exit 3
#   for a ledger that cannot be opened or written (empty, damaged); an export
#   never overwrites the ledger, syncs before it renames, and cleans the
#   leftovers of a killed one; values that hide or grow are refused briefly.
# usage: test-cli-robustness.sh PATH/TO/sanitation-ledger
set -u

EXE=${1:?usage: test-cli-robustness.sh SANITATION_LEDGER}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/test-cli-robustness-XXXXXX")
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
chmod 755 "$WORK"
export LC_ALL=C.UTF-8 XDG_DATA_HOME="$WORK/xdg"
unset DISPLAY WAYLAND_DISPLAY

n_tests=0
n_failed=0

fail () {
  echo "not ok $n_tests - $*"
  echo "# stdout:"; sed 's/^/#   /' out.txt | head -10
  echo "# stderr:"; sed 's/^/#   /' err.txt | cut -c1-300 | head -10
  n_failed=$((n_failed + 1))
}

# expect STATUS DESCRIPTION -- COMMAND...: within 20 s (a hang is a failure)
expect () {
  local want=$1 what=$2
  shift 3
  n_tests=$((n_tests + 1))
  timeout 20 "$EXE" "$@" >out.txt 2>err.txt
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$what: exit $got, expected $want"
    return 1
  fi
  echo "ok $n_tests - $what (exit $got)"
}

check () {
  local what=$1
  shift
  n_tests=$((n_tests + 1))
  if "$@"; then echo "ok $n_tests - $what"; else fail "$what"; fi
}

sha () { sha256sum "$1" | cut -d' ' -f1; }

expect 0 "a demo ledger" -- --db l.db init --demo
printf 'name,village_code,species,stock,year\nA,512022101213,pig,10,2024\n' > good.csv

# ---- input files: exit 1, never a hang ----
expect 1 "a missing input file" -- --db l.db import farms missing.csv
check "it says there is no such file" grep -q 'no such file' err.txt
mkdir folder.csv
expect 1 "a folder as input" -- --db l.db import farms folder.csv
ln -s loop.csv loop.csv
expect 1 "a symlink loop as input" -- --db l.db import farms loop.csv
mkfifo fifo.csv
expect 1 "a FIFO as input (it blocked forever)" -- --db l.db import farms fifo.csv
check "it says it is not an ordinary file" grep -q 'not an ordinary file' err.txt
expect 1 "/dev/zero as input (it ate memory until killed)" -- --db l.db import farms /dev/zero
expect 1 "/dev/zero as outline" -- --db l.db set-outline /dev/zero
expect 1 "a FIFO as outline" -- --db l.db set-outline fifo.csv
: > empty.csv
expect 1 "an empty CSV (it printed an error and exited 0)" -- --db l.db import farms empty.csv
printf '\n' > blank.csv
expect 1 "a CSV of one blank line" -- --db l.db import farms blank.csv
check "no 'Imported 0 rows' beside the error" test ! -s out.txt
truncate -s 600M huge.csv
expect 1 "a 600 MB input" -- --db l.db import farms huge.csv
check "it names the limit" grep -q '512 MiB' err.txt
rm -f huge.csv

# ---- 1: an outline nested 100,000 deep (a stack overflow) ----
python3 -c 'print("{\"type\":\"Polygon\",\"coordinates\":" + "[" * 100000 + "]" * 100000 + "}")' > deep.geojson
expect 1 "set-outline of 100,000 nested arrays" -- --db l.db set-outline deep.geojson
check "it says nested" grep -q 'nested' err.txt
expect 1 "init --outline of 100,000 nested arrays" -- --db deep.db init --outline deep.geojson
check "no ledger left by it" test ! -e deep.db

# ---- 5: a 0-byte file is no ledger ----
: > zero.db
expect 3 "remove-demo on a 0-byte file" -- --db zero.db remove-demo
check "it says empty" grep -q 'empty' err.txt
expect 3 "import into a 0-byte file" -- --db zero.db import farms good.csv
expect 3 "set-outline --clear on a 0-byte file" -- --db zero.db set-outline --clear
check "the file is still 0 bytes, alone" test ! -s zero.db -a ! -e zero.db-wal -a ! -e zero.db-journal

expect 3 "a FIFO as the ledger" -- --db fifo.csv progress
expect 3 "/dev/zero as the ledger" -- --db /dev/zero remove-demo

# ---- 4: a damaged ledger takes no import ----
expect 0 "a ledger to damage" -- --db dmg.db init --demo
size=$(stat -c %s dmg.db)
python3 - "$size" <<'PY'
import sys
n = int(sys.argv[1])
with open("dmg.db", "r+b") as f:
    for at in range(8192, n - 8192, n // 8):
        f.seek(at)
        f.write(b"\xa5" * 64)
PY
before=$(sha dmg.db)
expect 3 "import into a damaged ledger" -- --db dmg.db import farms good.csv
check "it says damaged and to open a backup" grep -q 'damaged.*backup' err.txt
check "the damaged file is unchanged" test "$(sha dmg.db)" = "$before"

# ---- 10: the ledger is never the export ----
cp l.db x.csv
before=$(sha x.csv)
expect 2 "export over the ledger itself" -- --db x.csv export --kind farms --output x.csv
expect 2 "export over the ledger by another name" -- --db x.csv export --kind farms --output ./../"$(basename "$WORK")"/x.csv
check "the ledger is unchanged" test "$(sha x.csv)" = "$before"

# ---- 8: leftovers of a killed export ----
echo 'PK half' > .out.xlsx.Qw3rT7
echo 'half' > .out.csv.Zx9Yu1
expect 0 "an XLSX export" -- --db l.db export --output out.xlsx
check "the killed export's temporary file is gone" test ! -e .out.xlsx.Qw3rT7
expect 0 "a CSV export" -- --db l.db export --kind farms --output out.csv
check "the killed CSV export's temporary file is gone" test ! -e .out.csv.Zx9Yu1
check "no temporary file is left" test -z "$(find . -maxdepth 1 -name '.?*' ! -name . -print)"

# ---- 9: fsync before every rename ----
if command -v strace >/dev/null; then
  for output in sync.xlsx sync.csv sync.geojson; do
    kind=; [ "$output" = sync.csv ] && kind="--kind farms"
    # shellcheck disable=SC2086
    strace -f -qq -e trace=fsync,fdatasync,rename,renameat,renameat2 -o trace.txt \
      "$EXE" --db l.db export $kind --output "$output" >/dev/null 2>&1
    check "$output: synced before the rename" awk '
      /fsync|fdatasync/ && !/= -1/ { synced = 1 }
      /rename/ && /'"$output"'/ { renamed = 1; ok = synced }
      END { exit !(renamed && ok) }' trace.txt
  done
  strace -f -qq -e trace=fsync,fdatasync,rename,renameat,renameat2 -o trace.txt \
    "$EXE" --db synced.db init >/dev/null 2>&1
  check "init: synced before the rename" awk '
    /fsync|fdatasync/ && !/= -1/ { synced = 1 }
    /rename/ && /synced.db/ { renamed = 1; ok = synced }
    END { exit !(renamed && ok) }' trace.txt
else
  echo "# skipped the fsync order: strace is not installed"
fi

# ---- 7: a ledger in a read-only folder still shows progress ----
mkdir ro && "$EXE" --db ro/r.db init --demo >/dev/null 2>&1
chmod 555 ro
as_other=
if [ "$(id -u)" -eq 0 ]; then
  command -v setpriv >/dev/null && as_other="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_other" ]; then
  n_tests=$((n_tests + 1))
  if $as_other timeout 20 "$EXE" --db ro/r.db progress >out.txt 2>err.txt; then
    echo "ok $n_tests - progress of a ledger in a read-only folder"
  else
    fail "progress of a ledger in a read-only folder"
  fi
  n_tests=$((n_tests + 1))
  $as_other timeout 20 "$EXE" --db ro/r.db remove-demo >out.txt 2>err.txt
  if [ $? -eq 3 ] && grep -q 'read-only' err.txt; then
    echo "ok $n_tests - a change there is exit 3, read-only"
  else
    fail "a change in a read-only folder"
  fi
else
  echo "# skipped the read-only folder: running as root without setpriv"
fi
chmod 755 ro

# ---- 11: values that hide or grow ----
printf 'name,village_code,species,stock,year,lon,lat\nA,512022101213,pig,10,2024,1e308,30.4\n' > big.csv
expect 1 "a 1e308 longitude" -- --db l.db import farms big.csv
# shellcheck disable=SC2016
check "the message shows it briefly" awk 'length($0) > 300 { exit 1 }' err.txt
check "the message says 1e+308" grep -q '1e+308' err.txt
printf 'name,village_code,species,stock,year\nA\xe2\x80\xaegpj.exe,512022101213,pig,10,2024\n' > bidi.csv
expect 1 "a right-to-left override in a name" -- --db l.db import farms bidi.csv
check "row, field and reason" grep -q 'bidi.csv:2:1: .*direction mark (U+202E)' err.txt
printf 'name,village_code,species,stock,year,operator\n-1e5,512022101213,pig,10,2024,-3.5\n' > minus.csv
expect 0 "a name that reads like a number" -- --db l.db import farms minus.csv
expect 0 "export it" -- --db l.db export --kind farms --output minus-out.csv
check "-1e5 gets the formula prefix" grep -q "'-1e5," minus-out.csv
check "-3.5 keeps its text" grep -q ',-3.5,' minus-out.csv

echo "1..$n_tests"
echo "# $((n_tests - n_failed)) passed, $n_failed failed"
[ "$n_failed" -eq 0 ]
