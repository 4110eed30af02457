"""Exports of a call for the admissions team: one spreadsheet row per application with every answer, the review
and interview scores, the decision and the offer (CSV and XLSX); and every CV of the call as one zip.

Built on ``campus.core.exports``: the same columns for the application and its answers (every question,
in order), the same formula-injection defence (``neutralise`` for CSV, text cells with Excel's quote prefix in
the XLSX) and the same file names. The numbers are the ranking board's (``campus.review.ranking.rows``: only
applications in the state "submitted" are ranked, so the others have empty score cells), plus the mean of each
criterion. Numbers stay numbers in the XLSX (people sort by them); text is never a formula.

Which applications: every application that was submitted (withdrawn ones included: the State column says so).
The CV zip holds the CVs of the applications still in the selection (submitted, or asked for more information).
The number of queries is fixed, whatever the number of applications.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections import defaultdict
from datetime import UTC

from django.db.models import Avg

from campus.applications import exports as application_exports
from campus.applications import selectors as application_selectors
from campus.applications.models import Application, Call, Document
from campus.core import exports
from campus.core.files import KINDS, safe_name
from campus.review import ranking
from campus.review.models import Criterion, Kind, Score

from .models import Decision, Offer

EXTENSIONS = {content_type: kind for kind, (_label, content_type) in KINDS.items()}


# --- selectors ------------------------------------------------------------------------------------------


def applications_of(call: Call):
    """Every submitted application of ``call`` (withdrawn ones included), oldest reference first."""
    return application_selectors.staff_applications(call).filter(submitted_at__isnull=False).order_by("reference")


def decisions_of(call: Call) -> dict[int, Decision]:
    return {d.application_id: d for d in Decision.objects.filter(application__call=call)}


def latest_offers_of(call: Call) -> dict[int, Offer]:
    """The most recent offer per application (one query)."""
    latest: dict[int, Offer] = {}
    for offer in Offer.objects.filter(application__call=call).order_by("-made_at", "-id"):
        latest.setdefault(offer.application_id, offer)
    return latest


def criterion_means(call: Call) -> tuple[list[Criterion], dict[int, dict[int, float]]]:
    """The criteria of ``call`` (reviews first, then interviews) and {application id: {criterion id: mean}}."""
    criteria = list(Criterion.objects.filter(call=call).order_by("kind", "order", "id"))
    means: dict[int, dict[int, float]] = defaultdict(dict)
    rows = (
        Score.objects.filter(review__application__call=call)
        .values("review__application_id", "criterion_id")
        .annotate(mean=Avg("value"))
        .order_by()
    )
    for row in rows:
        means[row["review__application_id"]][row["criterion_id"]] = round(float(row["mean"]), 2)
    return criteria, means


def cvs_of(call: Call):
    """The CVs of the applications of ``call`` still in the selection, by reference."""
    return (
        Document.objects.filter(
            kind=Document.Kind.CV, application__call=call,
            application__state__in=[Application.State.SUBMITTED, Application.State.MORE_INFO],
        )
        .select_related("application")
        .order_by("application__reference")
    )


# --- the spreadsheet ------------------------------------------------------------------------------------


def _utc(moment) -> str:
    if moment is None:
        return ""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _blank(value):
    return "" if value is None else value


def rows(call: Call) -> tuple[list[str], list[list]]:
    """The header and one row per application: the application columns of the applications export, then the
    scores, the decision and the offer. Text cells are strings; numbers are ints or floats ("" when none)."""
    applications = list(applications_of(call))
    header, body = application_exports.rows(call, applications)
    ranked = {row.application.pk: row for row in ranking.rows(call)}
    criteria, means = criterion_means(call)
    decisions = decisions_of(call)
    offers = latest_offers_of(call)

    kind_labels = dict(Kind.choices)
    header = header + [
        "Score", "Review mean", "Review median", "Reviews",
        *[f"{kind_labels.get(c.kind, c.kind)} criterion: {c.name} (mean)" for c in criteria],
        "Interview mean", "Interviews",
        "Decision", "Waitlist rank", "Decision released at (UTC)",
        "Offer", "Offer made at (UTC)", "Offer reply by (UTC)", "Offer answered at (UTC)",
    ]
    result = []
    for application, cells in zip(applications, body, strict=True):
        rank = ranked.get(application.pk)
        decision = decisions.get(application.pk)
        offer = offers.get(application.pk)
        own_means = means.get(application.pk, {})
        result.append(cells + [
            _blank(rank.score) if rank else "",
            _blank(rank.review_mean) if rank else "",
            _blank(rank.review_median) if rank else "",
            rank.n_reviews if rank else "",
            *[_blank(own_means.get(c.pk)) for c in criteria],
            _blank(rank.interview_mean) if rank else "",
            rank.n_interviews if rank else "",
            (decision.get_outcome_display() + ("" if decision.released_at else " (staged)")) if decision else "",
            _blank(decision.waitlist_rank) if decision else "",
            _utc(decision.released_at) if decision else "",
            offer.get_state_display() if offer else "",
            _utc(offer.made_at) if offer else "",
            _utc(offer.reply_by) if offer else "",
            _utc(offer.responded_at) if offer else "",
        ])
    return header, result


def filename(call: Call, extension: str) -> str:
    """``<prefix>-admissions-<date>.<ext>`` (the applications export's name, with its own word)."""
    return application_exports.filename(call, extension).replace("-applications-", "-admissions-", 1)


def as_csv(call: Call) -> tuple[bytes, int]:
    header, body = rows(call)
    return exports.csv_bytes([header, *body]), len(body)


def as_xlsx(call: Call) -> tuple[bytes, int]:
    header, body = rows(call)
    return exports.xlsx_bytes([header, *body], title="Admissions"), len(body)


# --- the CVs --------------------------------------------------------------------------------------------


def cv_name(document: Document) -> str:
    """``<reference> <name>.<ext>`` made safe (no folders, no control characters), ext from the content type."""
    application = document.application
    extension = EXTENSIONS.get(document.content_type) or "pdf"
    person = "".join(" " if ch in "/\\." else ch for ch in application.full_name)  # a name is no path
    return safe_name(f"{application.reference} {person}".strip() + f".{extension}", extension, max_length=120)


def cvs_zip(call: Call):
    """Every CV of the call in one zip, written to a temporary file (not held in memory); returns
    ``(open file at position 0, number of CVs)``. The caller streams and closes it."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - the response closes it
    count = 0
    used: set[str] = set()
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for document in cvs_of(call):
            name = cv_name(document)
            stem, _dot, extension = name.rpartition(".")
            n = 2
            while name.casefold() in used:  # two people with the same reference and name cannot happen; be safe
                name = f"{stem} ({n}).{extension}"
                n += 1
            used.add(name.casefold())
            try:
                source = document.file.storage.open(document.file.name, "rb")
            except FileNotFoundError:
                continue  # a missing file is skipped rather than failing the whole zip
            with source, archive.open(name, "w") as target:
                while chunk := source.read(64 * 1024):
                    target.write(chunk)
            count += 1
    handle.seek(0)
    return handle, count
