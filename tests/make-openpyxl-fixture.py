#!/usr/bin/env python3
"""Writes the workbook test-table.c reads back. openpyxl writes what Excel
and libxlsxwriter do not: inline strings instead of shared ones, absolute
part targets (/xl/worksheets/sheet1.xml), no sharedStrings.xml at all, a
gap in the row numbers, and dates with a time format."""
import datetime
import sys

import openpyxl

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "养殖场"
sheet.append(["编号", "名称", "存栏量(头)", "建档日期", "规模", "备注"])
sheet.append(["512022100201", "甲养殖场", 1200, datetime.date(2024, 5, 1), True, None])
sheet.append([512022100202, "乙", 0.1 + 0.2, datetime.datetime(2023, 12, 31, 0, 0), False, "=cmd|' /C calc'!A0"])
sheet["F3"].data_type = "s"   # keep the formula-looking text a string
sheet.append([])
sheet.append(["512022100203", "丙", 1e-05, datetime.date(1900, 1, 1), None, "末行"])
book.create_sheet("第二页").append(["not", "read"])
book.save(sys.argv[1])
