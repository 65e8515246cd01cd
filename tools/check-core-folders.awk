# The folders of src/core against tools/core-layers.txt (run by tools/check-layers.sh folders):
#   awk -v table=tools/core-layers.txt -f check-core-folders.awk src/core/FOLDER/FILE...
# Prints each refused line as FILE:LINE: error: … and exits 1 if there is one.
function folder_of(path,   n, p) { n = split(path, p, "/"); return n > 1 ? p[n - 1] : "" }
function base_of(path,   n, p) { n = split(path, p, "/"); return p[n] }
function refuse(msg) {
  printf "%s:%d: error: %s (docs/ARCHITECTURE.md, tools/core-layers.txt)\n", FILENAME, FNR, msg > "/dev/stderr"
  bad = 1
}
BEGIN {
  while ((getline line < table) > 0) {
    sub(/#.*/, "", line)
    n = split(line, w, /[ \t]+/)
    if (n == 0 || (n == 1 && w[1] == "")) continue
    if (w[1] == "") { for (i = 1; i < n; i++) w[i] = w[i + 1]; n-- }
    if (w[1] == "include") { except_inc[w[2] " " w[3]] = 1; continue }
    if (w[1] == "sql") { except_sql[w[2]] = 1; continue }
    known[w[1]] = 1; n_known++; sql_ok[w[1]] = (w[n] == "yes")
    for (i = 2; i < n; i++) if (w[i] != "-") allowed[w[1] " " w[i]] = 1
  }
  if (n_known == 0) { print "error: no folders in " table > "/dev/stderr"; exit 2 }
  for (i = 1; i < ARGC; i++) if (ARGV[i] ~ /\.h$/) home[base_of(ARGV[i])] = folder_of(ARGV[i])
}
FNR == 1 {
  folder = folder_of(FILENAME); rel = folder "/" base_of(FILENAME)
  if (!(folder in known)) refuse("src/core/" folder "/ is not a folder of the table: add it, with what it may include")
}
/^[ \t]*#[ \t]*include[ \t]*</ && /<sqlite3\.h>/ && !sql_ok[folder] && !(rel in except_sql) {
  refuse("core/" folder " has no SQL: it must not include <sqlite3.h>")
}
/^[ \t]*#[ \t]*include[ \t]*"/ {
  match($0, /"[^"]+"/); header = substr($0, RSTART + 1, RLENGTH - 2)
  if (!(header in home) || home[header] == folder) next
  to = home[header]; key = rel " " header
  if (key in except_inc) { used_inc[key] = 1; next }
  if (header == "ledger-db-private.h") {
    if (!sql_ok[folder] && !(rel in except_sql)) refuse("core/" folder " has no SQL: it must not include " header)
    next
  }
  if (header ~ /-private/) refuse(header " belongs to core/" to ": core/" folder " must call its public header instead")
  else if (!((folder " " to) in allowed)) refuse("core/" folder " must not include " header " (core/" to ")")
}
/(^|[^A-Za-z0-9_])(sqlite3_[a-z0-9_]+|ledger_db_(prepare|exec|get_handle|has_row|set_sqlite_error))[ \t]*\(/ {
  if (!sql_ok[folder]) {
    if (rel in except_sql) used_sql[rel] = 1
    else refuse("core/" folder " has no SQL: call a function of core/store or core/db instead")
  }
}
END {
  for (k in except_inc) if (!(k in used_inc)) { split(k, e, " "); print table ": error: the exception \"" k "\" no longer happens: remove its line" > "/dev/stderr"; bad = 1 }
  for (k in except_sql) if (!(k in used_sql)) { print table ": error: the SQL exception \"" k "\" no longer happens: remove its line" > "/dev/stderr"; bad = 1 }
  exit bad
}
