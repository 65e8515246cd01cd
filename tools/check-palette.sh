#!/bin/sh
# One home for the status colours (docs/ARCHITECTURE.md, "Marks and the palette"), checked on
# every build:  check-palette.sh PALETTE OUT DIR...
# PALETTE is src/core/marks/ledger-marks.c. Every other C, header, CSS and .ui file below DIR... is
# refused when it
#   - writes a colour of the palette: #RRGGBB or 0xRRGGBB, or as KML's "aaBBGGRR" (any case; the
#     KML form only for a colour with a letter in it, as "10000000" may well be a number);
#   - (CSS, .ui) styles a mark's class (.mark-good …) or defines @ledger_mark_… : the app makes
#     those from the palette;
#   - (C) keeps a table by mark of strings ([LEDGER_MARK_GOOD] = "…": a second palette or legend),
#     a table of marks (const LedgerMark x[]) or returns a mark (a second status → mark).
# It does not see a palette colour written another way (rgb(), GdkRGBA's floats) or a new colour
# given to a status without naming a mark.
palette=$1; out=$2; shift 2
colours=$(sed -nE 's/.*\{ *"[a-z-]+", *"#([0-9A-Fa-f]{6})".*/\1/p' "$palette" | sort -u)
keys=$(sed -nE 's/.*\{ *"([a-z-]+)", *"#[0-9A-Fa-f]{6}".*/\1/p' "$palette" | paste -sd '|' -)
[ -n "$colours" ] && [ -n "$keys" ] || { echo "check-palette: no palette in $palette" >&2; exit 2; }
hex=''
for c in $colours; do
  hex="$hex|(#|0x)$c([^0-9A-Fa-f]|\$)"
  case $c in *[A-Fa-f]*) hex="$hex|[\">][0-9A-Fa-f]{2}$(echo "$c" | sed -E 's/(..)(..)(..)/\3\2\1/')[\"<]" ;; esac
done
hex=${hex#|}
css="\\.mark-($keys)([^a-z-]|\$)|@define-color[[:space:]]+ledger_mark_"
c_code='\[LEDGER_MARK_[A-Z_]+\][[:space:]]*=[[:space:]]*(N_[[:space:]]*\()?"|const[[:space:]]+LedgerMark[[:space:]]+[A-Za-z_]+[[:space:]]*\[|return[[:space:]]+LEDGER_MARK_'
status=0
for f in $(find "$@" -type f \( -name '*.c' -o -name '*.h' -o -name '*.css' -o -name '*.ui' \) | sort); do
  [ "$f" -ef "$palette" ] && continue
  case $f in *.css|*.ui) code=$css ;; *) code=$c_code ;; esac
  grep -nHiE "$hex" "$f" && status=1
  grep -nHE "$code" "$f" && status=1
done
if [ $status -ne 0 ]; then
  echo "error: a status mark or colour outside src/core/marks/ledger-marks.c: take it from ledger_mark_style() or ledger_mark_for_*() (docs/ARCHITECTURE.md)" >&2
  exit 1
fi
touch "$out"
