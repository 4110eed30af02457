"""The staff list of applications as a spreadsheet: CSV and XLSX, one row per application.

Applicants write the answers, so every cell is treated as hostile: text a spreadsheet would run as a
formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe in the CSV
and is stored as plain text (never a formula) in the XLSX, where the apostrophe is Excel's own
"quote prefix" style, so people read the text unchanged.
"""

from datetime import UTC

from django.utils import timezone
from django_countries import countries

from campus.core import exports

from . import selectors
from .models import Call

FIXED_COLUMNS = ["Reference", "State", "Eligibility", "Eligibility overridden", "Name", "Email", "Organisation",
                 "Country", "Submitted at (UTC)"]


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
    return exports.csv_bytes([header, *body])


def as_xlsx(call: Call, applications, *, hidden=None) -> bytes:
    header, body = rows(call, applications, hidden=hidden)
    return exports.xlsx_bytes([header, *body], title="Applications")

