#!/usr/bin/python3
"""Lays out ledgers the way township officers keep them (issue 10), for
test-officer-sheets.c and test-cli.sh. Run once with Debian's python3-openpyxl;
then LibreOffice re-saves every workbook, and writes the CSV ones in GB18030,
so that the committed bytes are a real spreadsheet program's:

    /usr/bin/python3 tests/officers/make-officer-sheets.py /tmp/officers-src
    cd /tmp/officers-src && for f in *.xlsx; do
      soffice --headless --convert-to xlsx --outdir /tmp/officers-lo "$f"; done
    # 85 = RTL_TEXTENCODING_GB_18030 (LibreOffice takes the number, not the name)
    soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,85,1' \
      --outdir /tmp/officers-lo /tmp/officers-src/csv-source/*.xlsx /tmp/officers-src/污水处理设施运行情况.xlsx
    cp /tmp/officers-lo/* tests/officers/

What occurs in them (all together, as in real sheets): a merged title row
with the year, a 填报单位（盖章）/填报日期 line, two-row headers with merged
group cells (存栏量（头/只） over 生猪/奶牛/肉牛/羊, 粪污 over 产生量/利用量,
地理坐标 over 经度/纬度, 所在位置 over 乡镇/村), one stock column per species,
villages by township and name (full and short) and no codes, 序号, 合计/小计
rows with =SUM formulas, blank rows, footer lines (填表人：… 审核人：…
联系电话：…, 注：…), the data on the second sheet after 填报说明, officers'
words (集中式, 分散式, 正常, 还田利用, 纳管 …), and codes shown in scientific
notation saved "as shown" to CSV.
"""
import os
import sys

import openpyxl
from openpyxl.styles import Alignment, Font

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(os.path.join(out, "csv-source"), exist_ok=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def title(sheet, text, last_col):
    sheet.append([text])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=last_col)
    sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=16)
    sheet.cell(sheet.max_row, 1).alignment = CENTER


def merged(sheet, cells):
    """cells: (row, col, end_row, end_col, text)"""
    for row, col, end_row, end_col, text in cells:
        sheet.cell(row, col, text).alignment = CENTER
        if (row, col) != (end_row, end_col):
            sheet.merge_cells(start_row=row, start_column=col, end_row=end_row, end_column=end_col)


def footer(sheet, lines, last_col):
    for text in lines:
        sheet.append([text])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=last_col)


def farms_workbook():
    """Farms: data on sheet 2 after 填报说明; two-row merged header; one stock
    column per species; villages by name; year only in the title."""
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "填报说明"
    for text in ["填报说明", "1. 本表由各乡镇（街道）农业服务中心填报，每年1月10日前报县农业农村局。",
                 "2. 存栏量按年末数填写，粪污产生量、利用量单位为吨/年。",
                 "3. 利用方式填写：还田利用、有机肥、沼气、第三方处理、其他。"]:
        notes.append([text])
    sheet = book.create_sheet("养殖场台账")
    title(sheet, "乐至县2025年畜禽规模养殖场粪污资源化利用台账", 16)
    sheet.append(["填报单位（盖章）：乐至县农业农村局"] + [None] * 9 + ["填报日期：2026年1月8日"])
    merged(sheet, [
        (3, 1, 4, 1, "序号"), (3, 2, 4, 2, "养殖场名称"), (3, 3, 4, 3, "法定代表人"),
        (3, 4, 3, 5, "所在位置"), (4, 4, 4, 4, "乡镇（街道）"), (4, 5, 4, 5, "村（社区）"),
        (3, 6, 3, 9, "存栏量（头/只）"), (4, 6, 4, 6, "生猪"), (4, 7, 4, 7, "奶牛"), (4, 8, 4, 8, "肉牛"), (4, 9, 4, 9, "羊"),
        (3, 10, 4, 10, "年出栏量（头/只）"),
        (3, 11, 3, 12, "粪污"), (4, 11, 4, 11, "产生量（吨/年）"), (4, 12, 4, 12, "利用量（吨/年）"),
        (3, 13, 4, 13, "利用方式"), (3, 14, 4, 14, "粪污处理设施是否配套"),
        (3, 15, 3, 16, "地理坐标"), (4, 15, 4, 15, "经度"), (4, 16, 4, 16, "纬度"),
    ])
    rows = [
        [1, "乐至县宏发生猪养殖场", "王建国", "石佛镇", "庆云庵村", 1200, None, None, None, 2300, 2280, 2200, "还田利用", "是", 105.03, 30.28],
        [2, "天池街道黄岭铺肉牛场", "李明", "天池街道", "黄岭铺", None, None, 85, None, 60, 930, 900, "有机肥", "是", 105.04, 30.29],
        None,
        [3, "佛星镇三元桥黑山羊合作社", "张华", "佛星", "三元桥村", None, None, None, 650, 900, 600, 560, "种养结合", "否", 105.12, 30.18],
        [4, "中天镇万安奶牛场", "刘强", "中天镇", "万安", None, 120, None, None, None, 1970, 1900, "沼气工程", "是", None, None],
    ]
    for row in rows:
        sheet.append(row if row is not None else [])
    first, last = 5, sheet.max_row
    sheet.append(["合计", None, None, None, None] + ["=SUM(%s%d:%s%d)" % (c, first, c, last) for c in "FGHIJKL"])
    sheet.append([])
    footer(sheet, ["填表人：赵六        审核人：钱七        联系电话：0832-3312345",
                   "注：粪污产生量未填的，按存栏量和排泄系数估算。"], 16)
    book.save(os.path.join(out, "乐至县2025年规模养殖场台账.xlsx"))


def facilities_workbook():
    """Facilities: title, one header row, 序号, villages by name, 小计 per
    township, officers' words, a blank row and a footer; no codes, no year."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "污水处理设施"
    title(sheet, "乐至县农村生活污水处理设施运行情况统计表", 9)
    sheet.append(["填报单位：乐至县生态环境局", None, None, None, None, None, "填报时间：2025年6月30日"])
    sheet.append(["序号", "设施名称", "乡镇（街道）", "村（社区）", "设施类型", "处理工艺", "设计规模（吨/日）", "运行状态", "运维单位"])
    sheet.append([1, "庆云庵村污水处理站", "石佛镇", "庆云庵村", "集中式", "A/O+人工湿地", 50, "正常", "乐至县水务公司"])
    sheet.append([2, "磨盘村分散式处理设施", "石佛镇", "磨盘", "分散式", "三格化粪池+湿地", 5, "停用", None])
    sheet.append(["石佛镇小计", None, None, None, None, None, "=SUM(G4:G5)"])
    sheet.append([3, "三元桥村污水处理站", "佛星镇", "三元桥", "集中式", "一体化设备", 30, "运行正常", "四川某环保公司"])
    sheet.append([])
    sheet.append([4, "石佛镇污水处理厂", "石佛", "石佛社区", "污水处理厂", "A2/O", 800, "正常运行", "乐至县水务公司"])
    sheet.append(["总计", None, None, None, None, None, "=SUM(G4:G9)"])
    footer(sheet, ["填表人：孙八    审核人：周九    联系电话：0832-3300000"], 9)
    book.save(os.path.join(out, "污水处理设施运行情况.xlsx"))


def villages_workbook():
    """Villages: title, a two-row header (治理情况 over 治理方式/覆盖户数/完成年份),
    villages by township and name, 合计, footer; officers' words for the mode."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    title(sheet, "乐至县行政村生活污水治理情况台账（2024年）", 7)
    merged(sheet, [
        (2, 1, 3, 1, "序号"), (2, 2, 3, 2, "乡镇"), (2, 3, 3, 3, "行政村"), (2, 4, 3, 4, "总户数"),
        (2, 5, 2, 7, "治理情况"), (3, 5, 3, 5, "治理方式"), (3, 6, 3, 6, "覆盖户数"), (3, 7, 3, 7, "完成年份"),
    ])
    sheet.append([1, "石佛镇", "庆云庵村", 612, "集中式", 400, 2022])
    sheet.append([2, "石佛镇", "磨盘村", 455, "纳管", 455, 2021])
    sheet.append([3, "佛星镇", "三元桥", 530, "分散式", 200, 2024])
    sheet.append([4, "天池街道", "黄岭铺村", 388, "未治理", None, None])
    sheet.append(["合计", None, None, "=SUM(D4:D7)", None, "=SUM(F4:F7)"])
    footer(sheet, ["填表人：吴十    联系电话：13800000000"], 7)
    book.save(os.path.join(out, "行政村污水治理台账.xlsx"))


def farms_csv_source():
    """Saved to CSV (GB18030) by LibreOffice: codes in scientific notation as
    shown, a stock column per species named in one cell, the year in the file
    name only, a 合计 row and a footer."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "养殖场"
    sheet.append(["序号", "养殖场名称", "行政村代码", "生猪存栏（头）", "羊存栏（只）", "年出栏（头）", "粪污利用方式", "是否配套"])
    sheet.append([1, "三元桥生猪场", 512022112225, 800, None, 1500, "还田利用", "是"])
    sheet.append([2, "庆云庵山羊场", 512022101200, None, 320, 400, "堆肥", "否"])
    for row in (2, 3):
        sheet.cell(row, 3).number_format = "0.00000000000E+00"
    sheet.append(["合计", None, None, "=SUM(D2:D3)", "=SUM(E2:E3)", "=SUM(F2:F3)"])
    sheet.append(["审核人：钱七"])
    sheet.column_dimensions["C"].width = 18
    book.save(os.path.join(out, "csv-source", "养殖场2024年.xlsx"))


def water_bodies_workbook():
    """Water bodies: title, two-row header (所在位置 over 乡镇/村), section
    headings (一、石佛镇) alone on their rows, officers' words for type and
    status, dates as officers type them, a note line."""
    import datetime
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "黑臭水体"
    title(sheet, "乐至县农村黑臭水体清单及整治进度", 9)
    merged(sheet, [
        (2, 1, 3, 1, "序号"), (2, 2, 3, 2, "水体名称"), (2, 3, 2, 4, "所在位置"), (3, 3, 3, 3, "乡镇"), (3, 4, 3, 4, "村"),
        (2, 5, 3, 5, "水体类型"), (2, 6, 3, 6, "面积（平方米）"), (2, 7, 3, 7, "整治进度"),
        (2, 8, 3, 8, "计划完成时间"), (2, 9, 3, 9, "责任人"),
    ])
    sheet.append(["一、石佛镇"])
    sheet.append([1, "庆云庵村堰塘", "石佛镇", "庆云庵", "池塘", 2600, "已完成", datetime.date(2024, 11, 30), "王五"])
    sheet.append([2, "磨盘村排水沟", "石佛镇", "磨盘村", "排水沟", 800, "治理中", "2025年10月31日", "赵四"])
    sheet.append(["二、佛星镇"])
    sheet.append([3, "三元桥村小河", "佛星镇", "三元桥", "河道", None, "未开始", "2025/12/31", None])
    footer(sheet, ["注：面积未测的不填。"], 9)
    book.save(os.path.join(out, "黑臭水体整治进度.xlsx"))


farms_workbook()
facilities_workbook()
water_bodies_workbook()
villages_workbook()
farms_csv_source()
