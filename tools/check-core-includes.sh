#!/bin/sh
# Fails the build when a file of src/core includes a GTK, libadwaita or libshumate header.
out=$1; shift
if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|gsk|adwaita|adw|shumate)[/.]' "$@"; then
  echo "error: src/core must not include GTK, libadwaita or libshumate headers (DESIGN.md §2)" >&2
  exit 1
fi
if grep -nE 'sqlite3_(prepare|exec)' "$@" >/dev/null 2>&1; then :; fi
touch "$out"
