"""Tables for staff to take away, as CSV and XLSX, written one way for every app.

Spreadsheets run a cell that starts like a formula (=, +, -, @, a tab or a carriage return). In CSV such a cell
gets a leading apostrophe (``neutralise``); in XLSX every cell is stored as text (never a formula), with the
quote prefix on those cells, so the workbook shows what was typed. CSV starts with a byte-order mark, so that
Excel opens the UTF-8 file with its accents intact; XLSX loses the control characters openpyxl refuses.
"""

from __future__ import annotations

import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """For CSV: a cell a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def csv_bytes(rows) -> bytes:
    """``rows`` (the header first) as CSV: numbers as they are, every other cell as neutralised text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([cell if _is_number(cell) else neutralise(str(cell)) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(rows, *, title: str) -> bytes:
    """``rows`` (the header first, in bold) as a workbook of one sheet named ``title``: numbers as numbers, every
    other cell as text."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]  # Excel's limit
    for row_number, row in enumerate(rows, start=1):
        for column_number, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            if _is_number(value):
                cell.value = value
            else:
                text = ILLEGAL_CHARACTERS_RE.sub("", str(value))  # control characters openpyxl refuses
                cell.value = text
                cell.data_type = "s"  # text, never a formula, whatever it starts with
                if text.startswith(FORMULA_STARTS):
                    cell.quotePrefix = True
            if row_number == 1:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
