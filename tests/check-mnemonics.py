#!/usr/bin/env python3
"""check-mnemonics.py: no two items of one menu share a mnemonic letter,
in English (the .ui files) nor in zh_CN (po/zh_CN.po).

Usage: check-mnemonics.py SOURCE_ROOT
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET


def translations(po_path):
    text = po_path.read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "(.*)"\nmsgstr "(.*)"$', text, re.M)
    return dict(pairs)


def mnemonic(label):
    m = re.search(r"_(\w)", label)
    return m.group(1).lower() if m else None


def items_of(menu):
    """labels of one menu level: its items, through sections, not into submenus"""
    labels = []
    for child in menu:
        if child.tag == "section":
            labels += items_of(child)
        elif child.tag == "item":
            for attr in child.findall("attribute"):
                if attr.get("name") == "label":
                    labels.append(attr.text)
    return labels


def main(root):
    root = pathlib.Path(root)
    zh = translations(root / "po" / "zh_CN.po")
    failures = []
    for ui in sorted((root / "ui").glob("*.ui")):
        tree = ET.parse(ui)
        for menu in list(tree.iter("menu")) + list(tree.iter("submenu")):
            labels = items_of(menu)
            for language, texts in (("en", labels), ("zh_CN", [zh.get(l, l) for l in labels])):
                seen = {}
                for text in texts:
                    key = mnemonic(text)
                    if key is None:
                        continue
                    if key in seen:
                        failures.append(f"{ui.name} {menu.get('id')} ({language}): “{seen[key]}” and “{text}” share _{key}")
                    seen[key] = text
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
