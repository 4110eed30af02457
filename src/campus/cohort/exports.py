"""The participants of an edition as a spreadsheet (CSV and XLSX), with the project's formula-injection defence
(``campus.applications.exports``: a leading apostrophe in the CSV, text cells with Excel's quote prefix in the
XLSX). Two queries however many participants."""

import csv
import io
from datetime import UTC

from django.utils import timezone

from campus.applications.exports import FORMULA_STARTS, neutralise

from . import selectors

HEADER = ["Name", "Email", "Phone", "Organisation", "Cluster", "Country", "Sector", "Application",
          "Participant since (UTC)", "Contact shown in the directory"]


def rows(edition) -> list[list[str]]:
    body = []
    for row in selectors.staff_rows(edition):
        since = row["since"].astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        body.append([row["name"], row["email"], row["phone"], row["organisation"], row["cluster"], row["country"],
                     row["sector"], row["reference"], since, "yes" if row["show_contact"] else "no"])
    return body


def filename(edition, extension: str) -> str:
    slug = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in edition.slug) or "edition"
    return f"{slug}-participants-{timezone.localdate().isoformat()}.{extension}"


def as_csv(edition) -> tuple[bytes, int]:
    body = rows(edition)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in body:
        writer.writerow([neutralise(str(cell)) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), len(body)


def as_xlsx(edition) -> tuple[bytes, int]:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    body = rows(edition)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Participants"
    for row_number, row in enumerate([HEADER, *body], start=1):
        for column_number, value in enumerate(row, start=1):
            text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
            cell = sheet.cell(row=row_number, column=column_number)
            cell.value = text
            cell.data_type = "s"  # text, never a formula, whatever it starts with
            if text.startswith(FORMULA_STARTS):
                cell.quotePrefix = True
            if row_number == 1:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), len(body)
