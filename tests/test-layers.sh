#!/bin/bash
# The layer check (tools/check-layers.sh) really fails: a front-end file that includes
# <sqlite3.h>, the private SQL header or calls a SQL entry point is refused, a core file
# that includes GTK is refused, and the project's own sources pass.
set -u
check=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
expect () { # expect 0|1 LAYER FILE
  "$check" "$2" "$tmp/out" "$3" >/dev/null 2>&1; got=$?
  [ "$got" -ne 0 ] && got=1
  if [ "$got" -ne "$1" ]; then echo "FAIL: $2 $(basename "$3") exited $got, expected $1"; fail=1; fi
}
printf '#include <sqlite3.h>\n' > "$tmp/inc.c";                     expect 1 front "$tmp/inc.c"
printf '#include "ledger-db-private.h"\n' > "$tmp/priv.c";          expect 1 front "$tmp/priv.c"
printf 'void f (void) { ledger_db_exec (db, "x", NULL); }\n' > "$tmp/call.c"; expect 1 front "$tmp/call.c"
printf 'void f (void) { sqlite3_exec (h, "x", 0, 0, 0); }\n' > "$tmp/raw.c";  expect 1 front "$tmp/raw.c"
printf '#include <gtk/gtk.h>\n' > "$tmp/gtk.c";                     expect 1 core "$tmp/gtk.c"
printf '#include "ledger-db.h"\nvoid f (void) { ledger_db_open (p, 0, NULL); }\n' > "$tmp/ok.c"; expect 0 front "$tmp/ok.c"
for f in "$src"/src/app/*.c "$src"/src/cli/*.c; do expect 0 front "$f"; done
for f in "$src"/src/core/*/*.c "$src"/src/core/*/*.h; do expect 0 core "$f"; done
[ $fail -eq 0 ] && echo "layer check: refuses SQL in app/cli and GTK in core; the sources pass"
exit $fail
