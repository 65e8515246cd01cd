#!/usr/bin/env python3
"""The import template as a spreadsheet program sees it (openpyxl): the
kind's sheet first with its headers, text-formatted code columns, drop-down
lists of the enumerations and range checks of the numbers, then 填报说明.
Usage: check-template.py PROGRAM"""
import os
import subprocess
import sys
import tempfile

import openpyxl

program = sys.argv[1]
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "养殖场模板.xlsx")
    done = subprocess.run([program, "--db", os.path.join(folder, "none.db"), "template", "farms",
                           "--output", path], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["养殖场", "填报说明"], book.sheetnames
    sheet = book["养殖场"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:5] == ["编号", "名称", "经营主体", "行政村代码", "畜种"], headers
    assert sheet.max_row == 1, sheet.max_row
    assert sheet.freeze_panes == "A2"
    lists = {}
    ranges = {}
    for validation in sheet.data_validations.dataValidation:
        column = str(validation.sqref).split(":")[0].rstrip("0123456789")
        if validation.type == "list":
            lists[column] = validation.formula1
        elif validation.type in ("whole", "decimal"):
            ranges[column] = (validation.type, validation.formula1, validation.formula2)
        assert validation.errorStyle == "warning", validation.errorStyle
    assert lists["E"] == '"生猪,奶牛,肉牛,羊,蛋鸡,肉鸡,其他家禽"', lists
    assert lists["K"] == '"是,否"', lists
    assert ranges["H"] == ("whole", "1949", "2100"), ranges
    assert ranges["F"][0] == "decimal", ranges
    assert sheet.column_dimensions["D"].number_format == "@"
    # a kind the program does not know is a usage error
    done = subprocess.run([program, "template", "pigs", "--output", path], capture_output=True, text=True)
    assert done.returncode == 2, done.returncode
print("check-template: ok")
