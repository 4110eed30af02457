"""The submissions list of an assignment as a spreadsheet (CSV and XLSX), one row per participant.

Built on ``campus.applications.exports``: the same formula-injection defence (``neutralise`` for CSV; text
cells, never formulas, with Excel's quote prefix in the XLSX) and the same byte-order mark. Times are given in
the module's own zone, named in the column. Two queries, whatever the cohort's size.
"""

import csv
import io

from django.utils import timezone
from django.utils.text import slugify

from campus.applications.exports import FORMULA_STARTS, neutralise

from . import selectors

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def filename(assignment, extension: str) -> str:
    today = timezone.localdate(timezone.now(), assignment.zone).isoformat()
    return f"submissions-{slugify(assignment.title)[:40] or assignment.pk}-{today}.{extension}"


def rows(assignment) -> tuple[list[str], list[list[str]]]:
    zone = assignment.module.timezone
    header = ["Participant", "Email", "State", "Attempts", f"Last submitted ({zone})", "Late", "Feedback given"]
    body = []
    for row in selectors.submissions(assignment):
        attempt, user = row["attempt"], row["participant"].user
        body.append([
            user.get_full_name(), user.email, row["label"], str(row["attempts"]),
            attempt.submitted_at.astimezone(assignment.zone).strftime("%Y-%m-%d %H:%M") if attempt else "",
            ("yes" if attempt.late else "no") if attempt else "",
            ("yes" if attempt.feedback_at else "no") if attempt else "",
        ])
    return header, body


def as_csv(assignment) -> bytes:
    header, body = rows(assignment)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in [header, *body]:
        writer.writerow([neutralise(str(cell)) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(assignment) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    header, body = rows(assignment)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Submissions"
    for row_number, row in enumerate([header, *body], start=1):
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
    return buffer.getvalue()
