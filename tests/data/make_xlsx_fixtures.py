#!/usr/bin/env python3
"""Writes a minimal .xlsx (inline strings, numbers as Excel stores them) with
the standard library only: the fixtures tests/data/figures-*.xlsx.

usage: python3 tests/data/make_xlsx_fixtures.py tests/data
"""
import sys, zipfile
def write(path, rows):
    col = lambda i: "ABCDEFGH"[i]
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        sheet.append(f'<row r="{r}">')
        for c, v in enumerate(row):
            if v is None: continue
            ref = f"{col(c)}{r}"
            sheet.append(f'<c r="{ref}"><v>{v!r}</v></c>' if isinstance(v, float) else f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
        sheet.append('</row>')
    sheet.append('</sheetData></worksheet>')
    ns = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(path, 'w') as z:
        z.writestr('[Content_Types].xml', f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr('_rels/.rels', f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr('xl/workbook.xml', f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr('xl/worksheets/sheet1.xml', ''.join(sheet))
head = ["单位", "指标", "年份", "值", "备注"]
write(sys.argv[1] + "/figures-2022.xlsx", [head, ["甘州区", "1", 2022.0, 75.9, "已核对"], ["临泽县", "1", 2022.0, 73.2]])
write(sys.argv[1] + "/figures-bad.xlsx", [head, ["甘州区", "1", 2022.0, 75.9], [], ["高台县", "1", 2022.0, "七十"]])
