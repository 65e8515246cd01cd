#!/usr/bin/env python3
"""Extract a fresh template from the sources listed in po/POTFILES (the same keywords as
meson's glib preset), merge po/LANG.po against it and fail on any untranslated or fuzzy
message, naming each one. Usage: check-translations.py SRCROOT [LANG...]"""
import pathlib
import subprocess
import sys
import tempfile

KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3',
            'g_dpgettext2:2c,3', 'ngettext:1,2']


def extract_template(root, pot):
    args = ['xgettext', '--from-code=UTF-8', '--add-comments', '--package-name=sanitation-ledger',
            f'--directory={root}', f'--files-from={root / "po" / "POTFILES"}', f'--output={pot}']
    args += [f'--keyword={k}' for k in KEYWORDS]
    subprocess.run(args, check=True)


def messages(po, option):
    out = subprocess.run(['msgattrib', option, '--no-wrap', '--no-location', po],
                         check=True, capture_output=True, text=True).stdout
    # a msgid with a newline in it is written as msgid "" and continuation
    # lines even with --no-wrap; the header is the one msgid that stays ""
    ids = []
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith('msgid "'):
            continue
        text = line[len('msgid '):]
        for following in lines[i + 1:]:
            if not following.startswith('"'):
                break
            text = text[:-1] + following[1:]
        if text != '""':
            ids.append(text)
    return ids


def check_language(root, lang, pot, tmp):
    merged = pathlib.Path(tmp) / f'{lang}.po'
    subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file', str(merged),
                    str(root / 'po' / f'{lang}.po'), str(pot)], check=True)
    problems = [f'{lang}: untranslated: {m}' for m in messages(merged, '--untranslated')]
    problems += [f'{lang}: fuzzy: {m}' for m in messages(merged, '--only-fuzzy')]
    return problems


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    langs = sys.argv[2:] or (root / 'po' / 'LINGUAS').read_text().split()
    with tempfile.TemporaryDirectory() as tmp:
        pot = pathlib.Path(tmp) / 'template.pot'
        extract_template(root, pot)
        problems = []
        for lang in langs:
            problems += check_language(root, lang, pot, tmp)
    for problem in problems:
        print(problem)
    print(f'{len(langs)} languages, {len(problems)} untranslated or fuzzy messages')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
