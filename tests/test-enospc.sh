#!/bin/bash
# test-enospc.sh: a full disk, on a small tmpfs
#
# An import into a ledger on a full disk says the disk is full (not "cannot
# be opened") with exit 3, and leaves the ledger whole and unchanged; an
# export there says so with exit 1 and leaves no file, whole or partial.
# Mounting needs root (or CAP_SYS_ADMIN): elsewhere the test is skipped, and
# says so.
# usage: test-enospc.sh PATH/TO/sanitation-ledger
set -u

EXE=${1:?usage: test-enospc.sh SANITATION_LEDGER}
PY=/usr/bin/python3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/test-enospc-XXXXXX")
MNT="$WORK/small"
mkdir "$MNT"
trap 'umount "$MNT" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export LC_ALL=C.UTF-8 XDG_DATA_HOME="$WORK/xdg"
unset DISPLAY WAYLAND_DISPLAY

if ! mount -t tmpfs -o size=4m tmpfs "$MNT" 2>/dev/null; then
  echo "# SKIP: cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN): the full-disk run did not happen"
  exit 77
fi

n_tests=0
n_failed=0
check () {
  local what=$1
  shift
  n_tests=$((n_tests + 1))
  if "$@"; then echo "ok $n_tests - $what"; else
    echo "not ok $n_tests - $what"; sed 's/^/#   /' err.txt 2>/dev/null | head -5; n_failed=$((n_failed + 1)); fi
}

# anything on the small disk besides the ledger (and its journal) and the filler
others () { find "$MNT" -mindepth 1 -maxdepth 1 ! -name 'l.db*' ! -name filler -print; }

ledger_state () {
  "$PY" - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print(db.execute("PRAGMA integrity_check").fetchone()[0], db.execute("SELECT count(*) FROM farms").fetchone()[0])
PY
}

"$EXE" --db "$MNT/l.db" init --demo >/dev/null 2>err.txt
check "a demo ledger on the small disk" test -s "$MNT/l.db"
before=$(ledger_state "$MNT/l.db")
"$PY" -c '
print("name,village_code,species,stock,year")
for i in range(20000): print(f"F{i},512022101213,pig,{i % 500 + 1},2024,")' > farms.csv
# fill the disk to the last block
dd if=/dev/zero of="$MNT/filler" bs=4k >/dev/null 2>&1
sync

"$EXE" --db "$MNT/l.db" import farms farms.csv >out.txt 2>err.txt
status=$?
check "import on a full disk: exit 3 (got $status)" test "$status" -eq 3
check "it says the disk is full" grep -q 'disk.*full' err.txt
check "it does not say the ledger cannot be opened" test -z "$(grep 'cannot be opened' err.txt)"
rm -f "$MNT/l.db-wal" "$MNT/l.db-shm" 2>/dev/null
check "the ledger is whole and unchanged ($before)" test "$(ledger_state "$MNT/l.db")" = "$before"

# the ledger readable from elsewhere, the export onto the full disk
cp "$MNT/l.db" copy.db
for output in out.xlsx out.csv; do
  kind=; [ "$output" = out.csv ] && kind="--kind farms"
  # shellcheck disable=SC2086
  "$EXE" --db copy.db export $kind --output "$MNT/$output" >out.txt 2>err.txt
  status=$?
  check "$output onto a full disk: exit 1 (got $status)" test "$status" -eq 1
  check "$output: it says the disk is full" grep -q 'disk is full' err.txt
  check "$output: no file, whole or partial" test -z "$(others)"
done

"$EXE" --db "$MNT/new.db" init --demo >out.txt 2>err.txt
status=$?
check "init on a full disk: exit 3 (got $status)" test "$status" -eq 3
check "no new ledger, no leftover" test -z "$(others)"

echo "1..$n_tests"
echo "# $((n_tests - n_failed)) passed, $n_failed failed"
[ "$n_failed" -eq 0 ]
