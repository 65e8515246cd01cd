#!/usr/bin/env bash
# screenshots.sh: the README's and the metainfo's screenshots, in Chinese.
# Builds the program (build dir: $BUILDDIR, default ./build), makes a Lezhi demo
# ledger, and renders the map, ledger and progress views and the editor at
# 1280×800 under Xvfb with LANG=zh_CN.UTF-8 into data/screenshots/*.png.
# One command, no manual steps: tools/screenshots.sh
# Needs what the UI tests need (xvfb, xauth, dbus, fonts-noto-cjk, the zh_CN.UTF-8 locale).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILDDIR:-$src/build}
out=$src/data/screenshots

[ -d "$build" ] || meson setup "$build" "$src"
ninja -C "$build" src/sanitation-ledger tests/screenshot-helper data/gschemas.compiled >/dev/null
locale -a | grep -i '^zh_CN.utf8$' >/dev/null || { echo "screenshots: generate the zh_CN.UTF-8 locale first (locale-gen)" >&2; exit 1; }

tmp=$(mktemp -d /tmp/ledger-screenshots-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$build/src/sanitation-ledger" --db "$tmp/lezhi.db" init --region 512022 --demo >/dev/null
mkdir -p "$out"

env LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN \
    GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1 \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" HOME="$tmp" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1200x24" \
    "$build/tests/screenshot-helper" "$tmp/lezhi.db" "$out"
echo "screenshots: written to $out"
