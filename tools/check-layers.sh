#!/bin/sh
# The dependency rule of docs/ARCHITECTURE.md, checked on every build:
#   check-layers.sh core OUT FILES...   src/core includes no GTK, libadwaita or libshumate header
#   check-layers.sh front OUT FILES...  src/app and src/cli include neither <sqlite3.h> nor the
#                                       core-private SQL header, and call no SQL entry point
#   check-layers.sh folders OUT TABLE FILES...|COREDIR
#                                       each file of src/core/FOLDER/ includes only headers of its
#                                       own folder and of the folders TABLE (tools/core-layers.txt)
#                                       allows it, no other folder's "-private" header, and no SQL
#                                       where TABLE says "no"; TABLE's exceptions must still happen
# (app and cli are also compiled without LEDGER_COMPILATION, so ledger_db_prepare and friends
# are undeclared there and -Werror=implicit-function-declaration stops a call.)
layer=$1; out=$2; shift 2
case $layer in
  core)
    if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|gsk|adwaita|adw|shumate)[/.]' "$@"; then
      echo "error: src/core must not include GTK, libadwaita or libshumate headers (docs/ARCHITECTURE.md)" >&2
      exit 1
    fi ;;
  front)
    if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](sqlite3\.h|ledger-db-private\.h|[a-z-]*-private-sql\.h)' "$@" ||
       grep -nE '\b(sqlite3_[a-z_]+|ledger_db_(prepare|exec|get_handle|has_row|set_sqlite_error))[[:space:]]*\(' "$@"; then
      echo "error: src/app and src/cli must not see SQL: call a core function instead (docs/ARCHITECTURE.md)" >&2
      exit 1
    fi ;;
  folders)
    table=$1; shift
    # a single directory stands for every file of its folders (src/core/*/*.[ch])
    if [ $# -eq 1 ] && [ -d "$1" ]; then set -- "$1"/*/*.[ch]; fi
    awk -v table="$table" -f "$(dirname "$0")/check-core-folders.awk" "$@" || exit 1 ;;
  *) echo "usage: check-layers.sh core|front|folders OUT [TABLE] FILES..." >&2; exit 2 ;;
esac
touch "$out"
