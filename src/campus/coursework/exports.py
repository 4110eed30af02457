"""The submissions list of an assignment as a spreadsheet (CSV and XLSX), one row per participant.

Built on ``campus.core.exports``: the same formula-injection defence (``neutralise`` for CSV; text
cells, never formulas, with Excel's quote prefix in the XLSX) and the same byte-order mark. Times are given in
the module's own zone, named in the column. Two queries, whatever the cohort's size.
"""

from django.utils import timezone
from django.utils.text import slugify

from campus.core import exports

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
    return exports.csv_bytes([header, *body])


def as_xlsx(assignment) -> bytes:
    header, body = rows(assignment)
    return exports.xlsx_bytes([header, *body], title="Submissions")
