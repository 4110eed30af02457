"""The staff list of applications as a spreadsheet: CSV and XLSX, one row per application.

Applicants write the answers, so every cell is treated as hostile: text a spreadsheet would run as a
formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe in the CSV
and is stored as plain text (never a formula) in the XLSX, where the apostrophe is Excel's own
"quote prefix" style, so people read the text unchanged.
"""

import csv
import io
from datetime import UTC

from django.utils import timezone
from django_countries import countries

from . import selectors
from .models import Call

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIXED_COLUMNS = ["Reference", "State", "Eligibility", "Eligibility overridden", "Name", "Email", "Organisation",
                 "Country", "Submitted at (UTC)"]


def neutralise(text: str) -> str:
    """For CSV: a cell a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def filename(call: Call, extension: str) -> str:
    today = timezone.localdate(timezone.now(), call.zone).isoformat()
    prefix = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in call.reference_prefix) or "call"
    return f"{prefix}-applications-{today}.{extension}"


def question_headers(questions) -> list[str]:
    """One header per question, "Step: label", made unique (a spreadsheet column is found by its name)."""
    headers, seen = [], set(FIXED_COLUMNS)
    for question in questions:
        header = f"{selectors.STEP_LABELS.get(question.step, question.step)}: {question.label}"
        if header in seen:
            header = f"{header} ({question.key})"
        seen.add(header)
        headers.append(header)
    return headers


IDENTITY_COLUMNS = ("Name", "Email", "Organisation")


def rows(call: Call, applications, *, hidden=None) -> tuple[list[str], list[list[str]]]:
    """The header and one row of strings per application (answers as their display values).
    Three queries however many applications: the applications (with documents), the answers, the meetups.
    ``hidden`` (blind review: the identifying answer keys) leaves out the name, address and organisation
    columns and those answers."""
    if hidden is not None:
        header, body = rows(call, applications)
        questions = selectors.questions_of(call)
        dropped = {FIXED_COLUMNS.index(name) for name in IDENTITY_COLUMNS}
        dropped |= {len(FIXED_COLUMNS) + i for i, question in enumerate(questions) if question.key in hidden}
        keep = [i for i in range(len(header)) if i not in dropped]
        return [header[i] for i in keep], [[row[i] for i in keep] for row in body]
    applications = list(applications)
    questions = selectors.questions_of(call)
    meetup_labels = dict(selectors.meetup_choices(call.edition))
    live = selectors.answers_by_application(
        [a for a in applications if not selectors.shows_snapshot(a)]
    )
    header = FIXED_COLUMNS + question_headers(questions)
    body = []
    for application in applications:
        displays = selectors.staff_display_values(
            application, live.get(application.pk, {}), call=call, meetup_labels=meetup_labels
        )
        effective = getattr(application, "effective", None) or application.effective_eligibility
        body.append([
            application.reference,
            selectors.STAFF_STATE_LABELS.get(application.state, application.state),
            selectors.ELIGIBILITY_LABELS.get(effective, effective),
            "yes" if application.eligibility_override else "",
            application.full_name,
            application.applicant.email,
            application.organisation,
            (countries.name(application.country) or application.country) if application.country else "",
            _utc(application.submitted_at),
            *[displays.get(question.key, "") for question in questions],
        ])
    return header, body


def _utc(moment) -> str:
    if moment is None:
        return ""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def as_csv(call: Call, applications, *, hidden=None) -> bytes:
    header, body = rows(call, applications, hidden=hidden)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(cell) for cell in header])
    for row in body:
        writer.writerow([neutralise(str(cell)) for cell in row])
    # With a byte-order mark, Excel opens the UTF-8 file with its accents intact.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(call: Call, applications, *, hidden=None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    header, body = rows(call, applications, hidden=hidden)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Applications"
    for row_number, row in enumerate([header, *body], start=1):
        for column_number, value in enumerate(row, start=1):
            text = ILLEGAL_CHARACTERS_RE.sub("", str(value))  # control characters openpyxl refuses
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

