#!/bin/bash
# test-crash.sh: kill -9 at random points of import, init --demo and export
#
# 21 trials (7 of each), each killed after a random delay within the time the
# command takes. After each: the ledger passes PRAGMA integrity_check and holds
# all of the import or none of it; a killed init leaves no ledger or a whole
# one; a killed export leaves the old file or a whole new one; and after the
# next run to the same target no temporary file (.NAME.XXXXXX) is left.
# usage: test-crash.sh PATH/TO/sanitation-ledger
set -u

EXE=${1:?usage: test-crash.sh SANITATION_LEDGER}
PY=/usr/bin/python3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/test-crash-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export LC_ALL=C.UTF-8 XDG_DATA_HOME="$WORK/xdg"
unset DISPLAY WAYLAND_DISPLAY

if ! "$PY" -c 'import sqlite3, zipfile' 2>/dev/null; then
  echo "1..0 # SKIP $PY with sqlite3 is needed to check the ledgers"
  exit 77
fi

n_tests=0
n_failed=0
check () {
  local what=$1
  shift
  n_tests=$((n_tests + 1))
  if "$@"; then echo "ok $n_tests - $what"; else echo "not ok $n_tests - $what"; n_failed=$((n_failed + 1)); fi
}

# ledger_state FILE: "ok FARMS TOWNSHIPS" or the first problem
ledger_state () {
  "$PY" - "$1" <<'PY'
import sqlite3, sys
try:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
    farms = db.execute("SELECT count(*) FROM farms").fetchone()[0]
    towns = db.execute("SELECT count(*) FROM regions WHERE kind = 'township'").fetchone()[0]
    print(verdict, farms, towns)
except Exception as e:
    print("error", e)
PY
}

no_leftovers () { [ -z "$(find . -maxdepth 1 -name '.*.??????*' -print -quit)" ]; }

# the time a command takes here, in ms (the kill lands within it)
duration_ms () {
  local start end
  start=$(date +%s%N)
  "$EXE" "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 + 1 ))
}

# run_killed MS COMMAND...: starts it, kills it with SIGKILL after MS ms
run_killed () {
  local ms=$1
  shift
  "$EXE" "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(printf '0.%03d' "$ms")" 2>/dev/null || sleep 1
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}

"$PY" -c '
print("name,village_code,species,stock,year")
for i in range(5000): print(f"F{i},512022101213,pig,{i % 500 + 1},2024")' > farms.csv
"$EXE" --db base.db init --demo >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
read -r _ base_farms towns <<<"$(ledger_state base.db)"
cp base.db timing.db
import_ms=$(duration_ms --db timing.db import farms farms.csv)
read -r _ full_farms _ <<<"$(ledger_state timing.db)"
init_ms=$(duration_ms --db timing-init.db init --demo)
export_ms=$(duration_ms --db base.db export --output timing.xlsx)
"$EXE" --db base.db export --output reference.xlsx >/dev/null 2>&1
echo "# import ${import_ms} ms, init --demo ${init_ms} ms, export ${export_ms} ms"
clamp () { local ms=$(( $1 > 999 ? 999 : $1 )); echo $(( RANDOM % (ms + 1) )); }

for _ in $(seq 1 7); do
  # import: all or nothing
  cp base.db imp.db
  ms=$(clamp "$import_ms")
  run_killed "$ms" --db imp.db import farms farms.csv
  read -r verdict farms_now _ <<<"$(ledger_state imp.db)"
  check "import killed at ${ms} ms: intact, all or nothing ($farms_now farms)" \
    test "$verdict" = ok -a \( "$farms_now" = "$base_farms" -o "$farms_now" = "$full_farms" \)
  rm -f imp.db imp.db-wal imp.db-shm

  # init --demo: no ledger or a whole one, and nothing else
  ms=$(clamp "$init_ms")
  run_killed "$ms" --db new.db init --demo
  if [ -e new.db ]; then
    read -r verdict farms_now towns_now <<<"$(ledger_state new.db)"
    check "init killed at ${ms} ms: a whole ledger" \
      test "$verdict" = ok -a "$farms_now" = "$base_farms" -a "$towns_now" = "$towns"
  else
    check "init killed at ${ms} ms: no ledger" true
    "$EXE" --db new.db init --demo >/dev/null 2>&1
  fi
  check "init killed at ${ms} ms: no leftover after the next init" no_leftovers
  rm -f new.db new.db-wal new.db-shm

  # export: the old file or a whole new one
  cp reference.xlsx out.xlsx
  ms=$(clamp "$export_ms")
  run_killed "$ms" --db base.db export --output out.xlsx
  check "export killed at ${ms} ms: a whole workbook" "$PY" -c '
import sys, zipfile
z = zipfile.ZipFile("out.xlsx")
sys.exit(z.testzip() is not None or "xl/workbook.xml" not in z.namelist())'
  "$EXE" --db base.db export --output out.xlsx >/dev/null 2>&1
  check "export killed at ${ms} ms: no leftover after the next export" no_leftovers
done

echo "1..$n_tests"
echo "# $((n_tests - n_failed)) passed, $n_failed failed"
[ "$n_failed" -eq 0 ]
