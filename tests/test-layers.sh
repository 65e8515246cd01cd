#!/bin/bash
# The layer check (tools/check-layers.sh) really fails: a front-end file that includes
# <sqlite3.h>, the private SQL header or calls a SQL entry point is refused, a core file
# that includes GTK is refused, a core folder reaching a folder above it, another folder's
# private header or SQL it may not use is refused, and the project's own sources pass.
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
for f in "$src"/src/app/*/*.c "$src"/src/cli/*.c; do expect 0 front "$f"; done
for f in "$src"/src/core/*/*.c "$src"/src/core/*/*.h; do expect 0 core "$f"; done

# core's folders (tools/core-layers.txt): a small table and tree of our own, then the real one
mkdir -p "$tmp/core/kinds" "$tmp/core/rules" "$tmp/core/io"
printf 'kinds - no\nrules kinds yes\nio kinds rules no\n' > "$tmp/table"
printf '\n' > "$tmp/core/kinds/ledger-kinds.h"; printf '\n' > "$tmp/core/io/ledger-io.h"
printf '\n' > "$tmp/core/rules/ledger-rules-private.h"
folders () { # folders 0|1 TABLE FILE...: the check over FILE and the three headers
  want=$1; table=$2; shift 2
  "$check" folders "$tmp/out" "$table" "$@" "$tmp"/core/*/*.h >/dev/null 2>&1; got=$?
  [ "$got" -ne 0 ] && got=1
  if [ "$got" -ne "$want" ]; then echo "FAIL: folders $* exited $got, expected $want"; fail=1; fi
}
printf '#include "ledger-io.h"\n' > "$tmp/core/rules/up.c";        folders 1 "$tmp/table" "$tmp/core/rules/up.c"
printf '#include "ledger-kinds.h"\n' > "$tmp/core/rules/down.c";   folders 0 "$tmp/table" "$tmp/core/rules/down.c"
printf '#include "ledger-rules-private.h"\n' > "$tmp/core/io/priv.c"; folders 1 "$tmp/table" "$tmp/core/io/priv.c"
printf '#include <sqlite3.h>\n' > "$tmp/core/io/sql.c";           folders 1 "$tmp/table" "$tmp/core/io/sql.c"
printf 'void f (void) { sqlite3_step (s); }\n' > "$tmp/core/io/call.c"; folders 1 "$tmp/table" "$tmp/core/io/call.c"
printf 'void f (void) { sqlite3_step (s); }\n' > "$tmp/core/rules/call.c"; folders 0 "$tmp/table" "$tmp/core/rules/call.c"
mkdir -p "$tmp/core/web"; printf '\n' > "$tmp/core/web/x.c";        folders 1 "$tmp/table" "$tmp/core/web/x.c"
{ cat "$tmp/table"; printf 'include rules/down.c ledger-io.h # gone\n'; } > "$tmp/stale"
folders 1 "$tmp/stale" "$tmp/core/rules/down.c"
{ cat "$tmp/table"; printf 'include rules/up.c ledger-io.h # named debt\n'; } > "$tmp/debt"
folders 0 "$tmp/debt" "$tmp/core/rules/up.c"
"$check" folders "$tmp/out" "$src/tools/core-layers.txt" "$src/src/core" >/dev/null 2>&1 \
  || { echo "FAIL: src/core against tools/core-layers.txt"; fail=1; }
[ $fail -eq 0 ] && echo "layer check: refuses SQL in app/cli, GTK in core and a folder reaching up or into SQL; the sources pass"
exit $fail
