"""The responses of a survey as a spreadsheet (CSV and XLSX), one row per response.

Participants write the answers, so every cell is treated as hostile, the same way as the applications' export
(``campus.core.exports``: a leading apostrophe in the CSV, text cells with the quote prefix in the XLSX).
Named surveys start each row with the participant's name and address (rows by name). Anonymous surveys have
no such column and no row number: their rows are sorted by the answers themselves, so the order of the rows
says nothing about who answered when; it holds only the released batches of answers (``results.MIN_ANONYMOUS``).
"""

from django.utils import timezone
from django.utils.text import slugify

from campus.core import exports

from .models import Response


def _cell(question, value) -> str:
    if value in (None, "", []):
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def rows(survey) -> tuple[list[str], list[list[str]]]:
    questions = list(survey.questions.order_by("order", "pk"))
    header = [q.text for q in questions]
    body = []
    if survey.anonymous:
        # as on the results page: only the released batches (never one answer more than the last reading)
        for answers in Response.objects.filter(survey=survey, released=True).values_list("answers", flat=True):
            body.append([_cell(q, answers.get(q.key)) for q in questions])
        body.sort()
        return header, body
    header = ["Name", "Email", *header]
    rows_ = (Response.objects.filter(survey=survey)
             .values_list("participant__user__full_name", "participant__user__email", "answers"))
    for name, email, answers in sorted(rows_, key=lambda r: ((r[0] or "").casefold(), r[1] or "")):
        body.append([name or "", email or "", *[_cell(q, answers.get(q.key)) for q in questions]])
    return header, body


def filename(survey, extension: str) -> str:
    today = timezone.localdate().isoformat()
    return f"survey-{slugify(survey.title)[:60] or survey.pk}-{today}.{extension}"


def as_csv(survey) -> tuple[bytes, int]:
    header, body = rows(survey)
    return exports.csv_bytes([header, *body]), len(body)


def as_xlsx(survey) -> tuple[bytes, int]:
    header, body = rows(survey)
    return exports.xlsx_bytes([header, *body], title="Responses"), len(body)

