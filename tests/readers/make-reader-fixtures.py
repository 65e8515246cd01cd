#!/usr/bin/env python3
"""Lays out the workbook the .xls and .ods readers are tested on, the way a
township officer keeps a farm ledger: a 填报说明 sheet first, then 养殖场 with a
merged title, a 填报单位/填报日期 line, a two-row header with merged group cells,
a code shown in scientific notation, a percentage formula, a date, two
identical rows, a blank row, a 合计
row of =SUM formulas and a footer line.

It also writes plain-farms.xlsx: the columns of README.md and ledger-kinds.c in row 1,
two farms, one with a village code that is a number shown as 5.12E+11 and
no manure produced (estimated), so that a plain `import farms` of the .xls and .ods
made from it lands exactly these two farms.

make-reader-fixtures.sh runs this (openpyxl, /usr/bin/python3) and then
LibreOffice (soffice --headless --convert-to xls|ods|xlsx), so the committed
bytes are a real spreadsheet program's."""
import datetime
import os
import sys

import openpyxl
from openpyxl.styles import Alignment

book = openpyxl.Workbook()
notes = book.active
notes.title = "填报说明"
notes.append(["填报说明"])
notes.append(["1. 每个养殖场填一行；存栏量按畜种填入对应列。"])
notes.append(["2. 经纬度用十进制度（WGS-84）。"])

sheet = book.create_sheet("养殖场")
sheet.append(["乐至县2025年畜禽规模养殖场粪污资源化利用台账"])
sheet.merge_cells("A1:O1")
sheet["A1"].alignment = Alignment(horizontal="center")
sheet.append(["填报单位（盖章）：佛星镇人民政府"] + [None] * 9 + ["填报日期：2025年12月1日"])
sheet.append(["序号", "编号", "养殖场名称", "所在位置", None, "存栏量（头/只）", None, None, None,
              "粪污", None, "利用率", "地理坐标", None, "建档日期"])
sheet.append([None, None, None, "所在乡镇", "所在村", "生猪", "奶牛", "肉牛", "羊",
              "产生量（吨/年）", "利用量（吨/年）", None, "经度", "纬度", None])
for cells in ("A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:I3", "J3:K3", "L3:L4", "M3:N3", "O3:O4"):
    sheet.merge_cells(cells)

rows = [
    [1, 512022112225, "佛星镇永兴生猪养殖场", "佛星镇", "保境村", 1200, None, None, None,
     2400.5, 2300, None, 105.0123, 30.2345, datetime.date(2019, 3, 15)],
    [None, None, "佛星镇  菩萨  湾合作社", "佛星镇", "菩萨湾村", None, None, 60, None,
     660, 640, None, 105.1, 30.3, datetime.date(2020, 1, 2)],
    [None, None, "佛星镇  菩萨  湾合作社", "佛星镇", "菩萨湾村", None, None, 60, None,
     660, 640, None, 105.1, 30.3, datetime.date(2020, 1, 2)],
    [3, "512022112226", "回澜镇羊场", "回澜镇", "互助村", None, None, None, 350,
     332.5, 300, None, 105.2, 30.1, datetime.date(2021, 12, 31)],
]
for values in rows:
    sheet.append(values)
for r in (5, 8):   # rows 6 and 7 stay identical
    sheet.cell(r, 12).value = f"=K{r}/J{r}"
for r in range(5, 9):
    sheet.cell(r, 12).number_format = "0.0%"
    sheet.cell(r, 15).number_format = "yyyy-mm-dd"
sheet["B5"].number_format = "0.00E+00"
sheet.append([])
sheet.append(["合计", None, None, None, None, "=SUM(F5:F8)", "=SUM(G5:G8)", "=SUM(H5:H8)",
              "=SUM(I5:I8)", "=SUM(J5:J8)", "=SUM(K5:K8)"])
sheet.append(["填表人：张三        审核人：李四        联系电话：0832-1234567"])
book.active = 1
book.save(os.path.join(sys.argv[1], "officer-farms.xlsx"))

plain = openpyxl.Workbook()
farms = plain.active
farms.title = "养殖场"
farms.append(["编号", "名称", "经营主体", "行政村代码", "畜种", "经度", "纬度", "统计年度", "存栏",
              "年出栏", "粪污处理设施配套", "粪污产生量(吨/年)", "粪污利用量(吨/年)", "利用方式"])
farms.append(["YC-001", "保境村生猪场", "李四", "512022112203", "生猪", 105.0123, 30.2345, 2025, 1200,
              2400, "是", 2280.5, 2200, "还田"])
farms.append(["YC-002", "菩萨湾羊场", "王五", 512022112200, "羊", 105.1, 30.3, 2025, 350,
              500, "否", None, 300, "有机肥"])
farms["D3"].number_format = "0.00E+00"
plain.save(os.path.join(sys.argv[1], "plain-farms.xlsx"))
