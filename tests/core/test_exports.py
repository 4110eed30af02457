"""campus.core.exports: the one CSV and XLSX writer of every app's staff exports."""

import csv
import io

from openpyxl import load_workbook

from campus.core.exports import csv_bytes, xlsx_bytes

ROWS = [["Name", "Remark", "Score"], ["=HYPERLINK(\"http://evil\")", "-2+3", 4], ["Ainė\x07", "@SUM(A1)", 2.5]]


def test_csv_neutralises_formulas_keeps_numbers_and_starts_with_a_byte_order_mark():
    data = csv_bytes(ROWS)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1] == ["'=HYPERLINK(\"http://evil\")", "'-2+3", "4"]
    assert rows[2][1] == "'@SUM(A1)" and rows[2][2] == "2.5"


def test_xlsx_stores_text_never_formulas_numbers_as_numbers_and_a_bold_header():
    sheet = load_workbook(io.BytesIO(xlsx_bytes(ROWS, title="A title longer than Excel's thirty-one"))).active
    assert sheet.title == "A title longer than Excel's thi"
    formula = sheet.cell(row=2, column=1)
    assert formula.value == "=HYPERLINK(\"http://evil\")" and formula.data_type == "s" and formula.quotePrefix
    assert sheet.cell(row=2, column=3).value == 4 and sheet.cell(row=3, column=3).value == 2.5
    assert sheet.cell(row=3, column=1).value == "Ainė"  # a control character openpyxl refuses is dropped
    assert sheet.cell(row=1, column=1).font.bold and sheet.freeze_panes == "B2"
