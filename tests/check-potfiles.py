#!/usr/bin/env python3
"""Fail when a source file with translatable strings is missing from po/POTFILES
(or when POTFILES names a file that does not exist). Usage: check-potfiles.py SRCROOT"""
import pathlib
import re
import sys

C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(\s*"')
UI_MARKER = re.compile(r'translatable="yes"')


def has_strings(path):
    text = path.read_text(encoding='utf-8')
    if path.suffix in ('.c', '.h'):
        return C_MARKERS.search(text) is not None
    if path.suffix == '.ui':
        return UI_MARKER.search(text) is not None
    return path.name.endswith(('.desktop.in', '.metainfo.xml.in'))


def candidates(root):
    for pattern in ('src/**/*.c', 'src/**/*.h', 'ui/*.ui', 'data/*.desktop.in', 'data/*.metainfo.xml.in'):
        yield from sorted(root.glob(pattern))


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    listed = set()
    for line in (root / 'po' / 'POTFILES').read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            listed.add(line)
    failures = []
    for name in sorted(listed):
        if not (root / name).is_file():
            failures.append(f'po/POTFILES: {name}: listed but the file does not exist')
    for path in candidates(root):
        rel = path.relative_to(root).as_posix()
        if rel not in listed and has_strings(path):
            failures.append(f'{rel}: has translatable strings but is missing from po/POTFILES')
    for failure in failures:
        print(failure)
    print(f'{len(listed)} files listed, {len(failures)} problems')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
