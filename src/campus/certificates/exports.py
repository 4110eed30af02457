"""The certificates of an edition as a spreadsheet (CSV, XLSX), with the formula-injection defence of
``campus.applications.exports`` (a cell that starts like a formula is text with Excel's quote prefix)."""

from __future__ import annotations

import csv
import io

from django.utils import timezone

from campus.applications.exports import FORMULA_STARTS, neutralise

from . import codes

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
HEADER = ["Code", "Name", "Programme", "Edition", "Issued on", "State", "Revoked on", "By hand", "Note"]


def rows(certificates) -> list[list[str]]:
    return [[
        codes.grouped(c.code), c.holder_name, c.programme_name, c.edition_name, c.issued_on.isoformat(),
        c.get_state_display(), c.revoked_at.date().isoformat() if c.revoked_at else "",
        "yes" if c.by_hand else "", c.note,
    ] for c in certificates]


def filename(edition, extension: str) -> str:
    slug = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in edition.slug) or "edition"
    return f"certificates-{slug}-{timezone.localdate().isoformat()}.{extension}"


def as_csv(certificates) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in rows(certificates):
        writer.writerow([neutralise(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def as_xlsx(certificates) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Certificates"
    for row_number, row in enumerate([HEADER, *rows(certificates)], start=1):
        for column_number, value in enumerate(row, start=1):
            text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
            cell = sheet.cell(row=row_number, column=column_number)
            cell.value = text
            cell.data_type = "s"
            if text.startswith(FORMULA_STARTS):
                cell.quotePrefix = True
            if row_number == 1:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
