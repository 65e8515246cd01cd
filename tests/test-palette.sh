#!/bin/bash
# The palette check (tools/check-palette.sh) really fails: a palette colour, a mark's CSS, a second
# table of marks or a second status → mark outside src/core/marks/ledger-marks.c is refused; what only
# uses the palette passes, and so do the project's own sources.
set -u
check=$1; src=$2
palette=$src/src/core/marks/ledger-marks.c
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
expect () { # expect 0|1 NAME TEXT
  mkdir -p "$tmp/$2"; base=${2%%-*}; ext=${2##*.}
  printf '%s\n' "$3" > "$tmp/$2/$base.$ext"
  "$check" "$palette" "$tmp/out" "$tmp/$2" >/dev/null 2>&1; got=$?
  [ "$got" -ne 0 ] && got=1
  if [ "$got" -ne "$1" ]; then echo "FAIL: $2 exited $got, expected $1"; fail=1; fi
}
expect 1 hex.c           'static const char *c = "#d55e00";'
expect 1 hex0x.c         'format_set_bg_color (f, 0x009E73);'
expect 1 kml.c           'static const char *k = "ff739e00";'
expect 1 black.css       'label { color: #000000; }'
expect 1 class.css       '.mark-bad { color: red; }'
expect 1 swatch.css      '.mark-swatch.mark-good { background-color: red; }'
expect 1 define.css      '@define-color ledger_mark_pending orange;'
expect 1 legend.c        '[LEDGER_MARK_BAD] = N_("Faulty"),'
expect 1 table.c         'static const LedgerMark marks[] = { LEDGER_MARK_GOOD };'
expect 1 return.c        'return LEDGER_MARK_GOOD;'
expect 0 use.c           'ledger_mark_color (ledger_mark_for_facility (status), &rgba);'
expect 0 severity.c      '[LEDGER_MARK_GOOD] = 0,'
expect 0 number.c        'OK (FACILITIES, "capacity_m3d", "10000000", "10000000"),'
expect 0 base.css        '.mark-swatch { min-width: 14px; } .mark-dot { color: inherit; }'
"$check" "$palette" "$tmp/out" "$src/src" "$src/ui" || { echo "FAIL: the project's sources"; fail=1; }
[ $fail -eq 0 ] && echo "palette check: refuses a status colour or mark outside ledger-marks.c; the sources pass"
exit $fail
