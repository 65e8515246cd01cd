#!/usr/bin/env bash
# check-install.sh: build into a fresh prefix, `meson install`, delete the build
# tree (so nothing can fall back to it) and run the installed program: --version,
# init and progress in zh_CN (the installed catalogue must be found), and the
# window for a few seconds under Xvfb (the installed schema must be found).
# Usage: tools/check-install.sh [WORKDIR]   (default: a new temporary directory)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d /tmp/ledger-install-XXXXXX)}
prefix=$work/prefix
app_id=org.ruralsanitation.Ledger
fail() { echo "check-install: FAIL: $*" >&2; exit 1; }

rm -rf "$work/build" "$prefix"
mkdir -p "$work"
meson setup "$work/build" "$src" --prefix "$prefix" -Dui_tests=false >"$work/setup.log" || fail "meson setup (see $work/setup.log)"
ninja -C "$work/build" >"$work/build.log" || fail "build (see $work/build.log)"
meson install -C "$work/build" >"$work/install.log" || fail "meson install (see $work/install.log)"
rm -rf "$work/build"

share=$prefix/share
for f in bin/sanitation-ledger \
         share/applications/$app_id.desktop \
         share/metainfo/$app_id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$app_id.svg \
         share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
         share/glib-2.0/schemas/$app_id.gschema.xml \
         share/glib-2.0/schemas/gschemas.compiled \
         share/locale/zh_CN/LC_MESSAGES/sanitation-ledger.mo; do
  [ -e "$prefix/$f" ] || fail "$f was not installed"
done
echo "check-install: every file is installed under $prefix"

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$share/applications/$app_id.desktop" || fail "the installed desktop file is not valid"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml" >/dev/null || fail "the installed metainfo is not valid"
fi

exe=$prefix/bin/sanitation-ledger
"$exe" --version >"$work/version.out" || fail "--version"
grep -q "0\.[0-9]" "$work/version.out" || fail "--version"
db=$work/lezhi.db
rm -f "$db"
"$exe" --db "$db" init --demo >"$work/init.out" || fail "init --demo"
if locale -a | grep -i '^zh_CN.utf8$' >/dev/null; then
  LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$exe" --db "$db" progress >"$work/progress.out" || fail "progress"
  grep -q "行政村" "$work/progress.out" || fail "progress is not in Chinese: the installed catalogue was not found"
  # through a file: with pipefail, grep -q closing the pipe early would fail the writer (SIGPIPE)
  LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$exe" --help >"$work/help.out" || fail "--help"
  grep -q "用法" "$work/help.out" || fail "--help is not in Chinese"
else
  fail "the zh_CN.UTF-8 locale is not generated (locale-gen), so the Chinese interface cannot be checked"
fi
echo "check-install: the installed command line runs, in Chinese"

if command -v xvfb-run >/dev/null; then
  set +e
  # the program under `timeout` inside xvfb-run, so that the X server ends cleanly
  env -u GSETTINGS_SCHEMA_DIR XDG_DATA_DIRS="$share:/usr/share" GSETTINGS_BACKEND=memory \
    GSK_RENDERER=cairo GDK_BACKEND=x11 GTK_A11Y=none LANG=zh_CN.UTF-8 \
    xvfb-run -a -s "-screen 0 1280x800x24" timeout 8 "$exe" --db "$db" >"$work/window.log" 2>&1
  status=$?
  set -e
  # still running when the timeout ends it: it started, found its schema and stayed up
  [ $status -eq 124 ] || fail "the installed window exited with status $status (see $work/window.log)"
  if grep -E "CRITICAL|ERROR|not installed" "$work/window.log"; then fail "the installed window logged errors"; fi
  echo "check-install: the installed window starts and stays up"
fi
echo "check-install: OK"
