#!/bin/bash
# test-exchange-cli.sh: share, send, receive and conflicts on the command line (issue 13):
# exit statuses, a replayed and a tampered package, and receive killed (kill -9) at random
# points while it applies a big package: the ledger is as before or fully updated, never half.
# usage: test-exchange-cli.sh PATH/TO/sanitation-ledger
set -u
EXE=${1:?usage: test-exchange-cli.sh SANITATION_LEDGER}
PY=/usr/bin/python3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/test-exchange-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export LC_ALL=C.UTF-8 XDG_DATA_HOME="$WORK/xdg"
unset DISPLAY WAYLAND_DISPLAY
n=0; failed=0

check () { # check DESCRIPTION WANT GOT
  n=$((n + 1))
  if [ "$2" = "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1: got '$3', expected '$2'"; sed 's/^/#   /' err.txt | head -5; failed=$((failed + 1)); fi
}
run () { "$EXE" "$@" >out.txt 2>err.txt; echo $?; }
farms () { "$EXE" --db "$1" export --kind farms --header keys --output "$WORK/count.csv" >/dev/null 2>&1 && cut -d, -f1 "$WORK/count.csv" | sort -u | wc -l; }
integrity () { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$1"; }
sum () { "$PY" -c "import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())" "$1"; }

"$EXE" --db county.db init --region 512022 --demo >/dev/null || exit 1
check "share a township ledger" 0 "$(run --db county.db share --township 512022101 --output t1.db)"
check "share it again" 1 "$(run --db county.db share --township 512022101 --output t1b.db)"
check "share an unknown township" 1 "$(run --db county.db share --township 512022999 --output t9.db)"
check "share needs its options" 2 "$(run --db county.db share --township 512022101)"
check "send from a county needs --to" 1 "$(run --db county.db send --output x.pkg)"
check "send from a missing ledger" 3 "$(run --db nowhere.db send --output x.pkg)"
check "receive a missing package" 1 "$(run --db county.db receive nowhere.pkg)"
check "receive needs a package" 2 "$(run --db county.db receive)"

# 3,000 new farms in the township, one import, one package
"$PY" - <<'PY'
import random
random.seed(7)
with open('farms.csv', 'w', encoding='utf-8') as f:
    f.write('code,name,village_code,species,year,stock,annual_output,facilities_matched,manure_produced_t,manure_utilised_t\n')
    for i in range(3000):
        f.write(f'X{i},猪场{i},512022101213,pig,2025,{random.randint(100,900)},{random.randint(200,1800)},1,1000,900\n')
PY
check "import into the township" 0 "$(run --db t1.db import farms farms.csv)"
check "send from the township" 0 "$(run --db t1.db send --output big.pkg)"
before=$(farms county.db)
cp county.db pristine.db
for trial in 1 2 3 4 5 6 7 8; do
  cp pristine.db trial.db; rm -f trial.db-wal trial.db-shm
  "$EXE" --db trial.db receive big.pkg >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(( RANDOM % 40 ))"
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  got=$(farms trial.db)
  if [ "$got" = "$before" ] || [ "$got" = "$((before + 3000))" ]; then all_or_nothing=yes; else all_or_nothing="no ($got farms)"; fi
  check "receive killed, trial $trial: all or nothing" yes "$all_or_nothing"
  check "receive killed, trial $trial: integrity" ok "$(integrity trial.db)"
done
check "receive the package" 0 "$(run --db county.db receive big.pkg)"
check "every farm arrived" "$((before + 3000))" "$(farms county.db)"
"$EXE" --db county.db progress --json > /dev/null
check "receive it again" 0 "$(run --db county.db receive big.pkg)"
check "... says nothing to do" 1 "$(grep -c 'nothing to do' out.txt)"

# a tampered package: refused, the ledger byte for byte as before
"$EXE" --db t1.db import farms farms.csv >/dev/null 2>&1
sed -i 's/猪场1/猪场9/' farms.csv; "$EXE" --db t1.db import farms farms.csv >/dev/null 2>&1
"$EXE" --db t1.db send --output next.pkg >/dev/null
"$PY" -c "import sys; b=bytearray(open('next.pkg','rb').read()); b[-20]^=0x41; open('bad.pkg','wb').write(b)"
"$PY" -c "import sqlite3; c=sqlite3.connect('county.db'); c.execute('PRAGMA wal_checkpoint(TRUNCATE)')"
hash=$(sum county.db)
check "receive a tampered package" 1 "$(run --db county.db receive bad.pkg)"
check "... names the checksum" 1 "$(grep -c 'checksum' err.txt)"
check "... the ledger unchanged" "$hash" "$(sum county.db)"
check "receive a package of another format" 1 "$(echo hello > junk.pkg; run --db county.db receive junk.pkg)"
check "conflicts as JSON" 0 "$(run --db county.db conflicts --json)"
check "... none" "[]" "$(tr -d '\n' < out.txt)"

echo "1..$n"
[ "$failed" -eq 0 ]
