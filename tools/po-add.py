#!/usr/bin/env python3
"""Appends translations to po/zh_CN.po, skipping msgids already there.
Usage: tools/po-add.py FILE.json   (a JSON object {msgid: msgstr})"""
import json, re, sys

po_path = 'po/zh_CN.po'
pairs = json.load(open(sys.argv[1], encoding='utf-8'))
text = open(po_path, encoding='utf-8').read()

def unquote_all(block):
    return ''.join(json.loads('"' + s + '"') for s in re.findall(r'"((?:[^"\\]|\\.)*)"', block))

existing = set()
for m in re.finditer(r'^msgid ((?:".*"\n?)+)', text, re.M):
    existing.add(unquote_all(m.group(1)))

def quote(s):
    return json.dumps(s, ensure_ascii=False)

out = []
for msgid, msgstr in pairs.items():
    if msgid in existing:
        continue
    flag = '#, c-format\n' if re.search(r'%[-0-9.]*l?[sdgfu]|%[0-9]+\$', msgid) else ''
    out.append(f'\n{flag}msgid {quote(msgid)}\nmsgstr {quote(msgstr)}\n')
    existing.add(msgid)
with open(po_path, 'a', encoding='utf-8') as f:
    f.write(''.join(out))
print(f'added {len(out)}')
