#!/usr/bin/env python3
"""Reads an xlsx workbook with openpyxl (a real spreadsheet reader, not
ours) and prints it as JSON on standard output, for the test
Tests/FSIIIReportsTests/Workbook/OpenpyxlTests.swift (issue 22):

    {"sheets": [{"name", "freeze", "filter",
                 "rows": [[value…]…], "formats": [[number format…]…]}…]}

Numbers stay numbers (float or int), dates become "YYYY-MM-DD", booleans
true/false and empty cells null. Usage: read-xlsx.py FILE.xlsx
"""
import datetime
import json
import sys

import openpyxl


def cell(v):
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v


def main(path):
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        rows, formats = [], []
        for row in ws.iter_rows():
            rows.append([cell(c.value) for c in row])
            formats.append([c.number_format for c in row])
        sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                       "rows": rows, "formats": formats})
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
