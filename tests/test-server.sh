#!/bin/bash
# test-server.sh: a county and three townships stay in agreement through a real PostgreSQL
# (issue 14), started here on 127.0.0.1 with TLS (a CA of the test's own; sslmode=verify-full):
# several rounds of edits, the PostGIS mirror against the county ledger, a township role that
# tries to read another's packages or write as another, a sync killed mid-way (kill -9), no server,
# and a server schema of another version. Skips (exit 77) only where PostgreSQL or PostGIS is
# not installed.
# usage: test-server.sh PATH/TO/sanitation-ledger
set -u
EXE=${1:?usage: test-server.sh SANITATION_LEDGER}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PY=/usr/bin/python3
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then echo "SKIP: PostgreSQL is not installed (apt-get install postgresql-15)"; exit 77; fi
if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then echo "SKIP: PostGIS is not installed (apt-get install postgresql-15-postgis-3)"; exit 77; fi
command -v openssl >/dev/null || { echo "SKIP: openssl is not installed"; exit 77; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/test-server-XXXXXX"); chmod 755 "$WORK"
PGDATA=$WORK/pgdata; PORT=$((20000 + RANDOM % 20000))
as_pg () { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup () { as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT
cd "$WORK" || exit 1
export LC_ALL=C.UTF-8 XDG_DATA_HOME="$WORK/xdg"
unset DISPLAY WAYLAND_DISPLAY PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD
n=0; failed=0
check () { n=$((n + 1)); if [ "$2" = "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1: got '$3', expected '$2'"; sed 's/^/#   /' err.txt 2>/dev/null | head -5; failed=$((failed + 1)); fi; }
run () { "$EXE" "$@" >out.txt 2>err.txt; echo $?; }

# a CA and a server certificate for localhost, so that sslmode=verify-full is really checked
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=test CA" -keyout ca.key -out ca.crt >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr >/dev/null 2>&1
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > san.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out server.crt >/dev/null 2>&1

mkdir -p "$PGDATA"; [ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA" "$WORK"
echo county-secret > pw; [ "$(id -u)" -eq 0 ] && chown postgres pw
as_pg "$PGBIN/initdb" -D "$PGDATA" -U county --pwfile="$WORK/pw" -A scram-sha-256 >/dev/null || { echo "initdb failed"; exit 1; }
cp server.crt server.key "$PGDATA/"; chmod 600 "$PGDATA/server.key"; [ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA/server.crt" "$PGDATA/server.key"
cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$WORK'
ssl = on
CONF
printf 'local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n' > "$PGDATA/pg_hba.conf"
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg.log" -w start >/dev/null || { cat "$WORK/pg.log"; exit 1; }

url () { echo "host=localhost port=$PORT dbname=postgres user=$1 password=$2 sslmode=verify-full sslrootcert=$WORK/ca.crt"; }
COUNTY=$(url county county-secret)
psql_as () { PGPASSWORD=$2 "$PGBIN/psql" "host=localhost port=$PORT dbname=postgres user=$1 sslmode=verify-full sslrootcert=$WORK/ca.crt" -XAtq -c "$3" 2>err.txt; }

"$EXE" --db county.db init --region 512022 --demo >/dev/null || exit 1
for t in 512022101 512022102 512022110; do "$EXE" --db county.db share --township $t --output t$t.db >/dev/null || exit 1; done
check "sync without --init on an empty server" 4 "$(run --db county.db sync --server "$COUNTY")"
check "sync --init from a township is refused" 1 "$(run --db t512022101.db sync --server "$COUNTY" --init)"
check "the county sets the server up" 0 "$(run --db county.db sync --server "$COUNTY" --init)"
check "... and again (idempotent)" 0 "$(run --db county.db sync --server "$COUNTY" --init)"
for t in 512022101 512022102 512022110; do psql_as county county-secret "CREATE ROLE ledger_$t LOGIN PASSWORD 'pw-$t' IN ROLE sanitation_ledger_township"; done
TOWN () { url ledger_$1 pw-$1; }
check "a wrong password is a clear server error" 4 "$(run --db t512022101.db sync --server "$(url ledger_512022101 wrong)")"
check "no server: exit 4, nothing changed" 4 "$(run --db t512022101.db sync --server "host=127.0.0.1 port=1 dbname=x user=y connect_timeout=2")"
check "... says it cannot be reached" 1 "$(grep -c 'cannot be reached' err.txt)"

# round 1: each township renames a farm of its own; the county collects
rename () { # rename LEDGER CODE NAME
  "$EXE" --db "$1" export --kind farms --header keys --output f.csv >/dev/null
  "$PY" - "$2" "$3" <<'PY'
import csv, sys
rows = list(csv.reader(open('f.csv', encoding='utf-8-sig')))
out = [rows[0]] + [r for r in rows[1:] if r[0] == sys.argv[1]][:1]
out[1][1] = sys.argv[2]
csv.writer(open('e.csv', 'w', encoding='utf-8')).writerows(out)
PY
  "$EXE" --db "$1" import farms e.csv >/dev/null
}
name_of () { "$EXE" --db "$1" export --kind farms --header keys --output n.csv >/dev/null; grep "^$2," n.csv | head -1 | cut -d, -f2; }
rename t512022101.db L512022101213-1 石佛一轮
rename t512022102.db L512022102204-1 二号一轮
check "T1 syncs" 0 "$(run --db t512022101.db sync --server "$(TOWN 512022101)")"
check "T2 syncs" 0 "$(run --db t512022102.db sync --server "$(TOWN 512022102)")"
check "the county syncs" 0 "$(run --db county.db sync --server "$COUNTY")"
check "... received two packages" 1 "$(grep -c '2 received' out.txt)"
check "T1's rename reached the county" 石佛一轮 "$(name_of county.db L512022101213-1)"
check "T2's rename reached the county" 二号一轮 "$(name_of county.db L512022102204-1)"

# round 2: the county corrects T3's farm and a rule; each township pulls
rename county.db L512022110203-1 县里更正
"$EXE" --db county.db import farms e.csv >/dev/null
check "the county syncs again" 0 "$(run --db county.db sync --server "$COUNTY")"
for t in 512022101 512022102 512022110; do check "T$t pulls" 0 "$(run --db t$t.db sync --server "$(TOWN $t)")"; done
check "T3 has the county's correction" 县里更正 "$(name_of t512022110.db L512022110203-1)"
check "T1 does not have T3's farm" "" "$(name_of t512022101.db L512022110203-1)"

# row-level security: T2 cannot read T1's packages nor write as T1 or to anyone but the county
check "the county sees every package" 1 "$([ "$(psql_as county county-secret "SELECT count(*) FROM sanitation_ledger.packages")" -ge 6 ] && echo 1)"
check "T2 reads none of T1's" 0 "$(psql_as ledger_512022102 pw-512022102 "SELECT count(*) FROM sanitation_ledger.packages WHERE township = '512022101'")"
check "T2 reads the county's to T2" 1 "$([ "$(psql_as ledger_512022102 pw-512022102 "SELECT count(*) FROM sanitation_ledger.packages")" -ge 1 ] && echo 1)"
psql_as ledger_512022102 pw-512022102 "INSERT INTO sanitation_ledger.packages (recipient, sender, sender_role, township, seq, body) SELECT value, 'x', 'township', '512022101', 99, '\\x00' FROM sanitation_ledger.info WHERE key = 'county_ledger_id'" >/dev/null
check "T2 cannot write as T1" 1 "$(grep -c 'row-level security' err.txt)"
psql_as ledger_512022102 pw-512022102 "SELECT count(*) FROM sanitation_ledger_mirror.farms" >/dev/null
check "T2 cannot read the mirror" 1 "$(grep -c 'permission denied' err.txt)"

# the mirror equals the county ledger
"$EXE" --db county.db export --kind farms --header keys --output all.csv >/dev/null
check "mirror: every farm" "$(cut -d, -f1 all.csv | tail -n +2 | sort -u | wc -l)" "$(psql_as county county-secret "SELECT count(*) FROM sanitation_ledger_mirror.farms")"
check "mirror: T1's rename" 石佛一轮 "$(psql_as county county-secret "SELECT name FROM sanitation_ledger_mirror.farms WHERE code = 'L512022101213-1'")"
check "mirror: farms are WGS-84 points" "ST_Point 4326" "$(psql_as county county-secret "SELECT DISTINCT GeometryType (geom) || ' ' || ST_SRID (geom) FROM sanitation_ledger_mirror.farms" | sed 's/POINT/ST_Point/')"
check "mirror: progress per township and year" 1 "$([ "$(psql_as county county-secret "SELECT count(DISTINCT region_code) FROM sanitation_ledger_mirror.progress")" -ge 20 ] && echo 1)"
county_json=$("$EXE" --db county.db progress --year 2025 --json)
rate=$(printf '%s' "$county_json" | "$PY" -c "import json,sys; print(json.load(sys.stdin)['indicators']['manure_utilisation']['rate'])")
check "mirror: the county's rate equals progress --json" "$rate" "$(psql_as county county-secret "SELECT round (rate::numeric, 4)::float8 FROM sanitation_ledger_mirror.progress WHERE region_code = '512022' AND year = 2025 AND indicator = 'manure_utilisation'")"

# a sync killed at random points: nothing lost, nothing applied twice
for trial in 1 2 3 4 5; do
  rename t512022101.db L512022101213-1 "石佛第$trial轮"
  "$EXE" --db t512022101.db sync --server "$(TOWN 512022101)" >/dev/null 2>&1 &
  pid=$!; sleep "0.$(( RANDOM % 30 ))"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  "$EXE" --db t512022101.db sync --server "$(TOWN 512022101)" >/dev/null 2>&1
  "$EXE" --db county.db sync --server "$COUNTY" >/dev/null 2>&1 &
  pid=$!; sleep "0.$(( RANDOM % 30 ))"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  check "killed syncs, trial $trial: the county converges" 0 "$(run --db county.db sync --server "$COUNTY")"
  check "killed syncs, trial $trial: the rename arrived" "石佛第$trial轮" "$(name_of county.db L512022101213-1)"
done
check "no package stored twice" 0 "$(psql_as county county-secret "SELECT count(*) FROM (SELECT sender, recipient, seq FROM sanitation_ledger.packages GROUP BY 1, 2, 3 HAVING count(*) > 1) d")"
check "no conflicts from replays" "[]" "$("$EXE" --db county.db conflicts --json | tr -d ' \n')"

# a server schema this program does not know is refused
psql_as county county-secret "UPDATE sanitation_ledger.info SET value = '99' WHERE key = 'schema_version'"
check "an unknown server schema is refused" 4 "$(run --db county.db sync --server "$COUNTY")"
check "... naming its version" 1 "$(grep -c 'version 99' err.txt)"

echo "1..$n"
[ "$failed" -eq 0 ]
