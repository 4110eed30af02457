"""Reads of the editions pages: the editions a person may handle with their state and dates, the preview of a
clone (the parts' plans and the conflicts of the new dates) and the conflicts of a draft on its real data."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone

from campus.core.models import ActivityLog
from campus.core.plugins import clone
from campus.core.plugins.clone import ERROR, Conflict, EditionDates, Shift, day_text
from campus.programme.models import Edition, Module

from .permissions import can_handle, is_programme_team

CLONED = "editions.edition_cloned"


@dataclass
class Row:
    edition: Edition
    state: str  # draft, current, upcoming, past
    starts_on: object = None
    ends_on: object = None

    @property
    def state_label(self) -> str:
        return {"draft": "Draft", "current": "Current", "upcoming": "Published, coming",
                "past": "Past"}[self.state]


def edition_by_id(edition_id) -> Edition | None:
    return Edition.objects.select_related("programme").filter(pk=edition_id).first()


def _handled(user):
    editions = Edition.objects.select_related("programme").order_by("-application_deadline", "-pk")
    if is_programme_team(user):
        return list(editions)
    return [e for e in editions if can_handle(user, e)]


def editions_for(user, *, today=None) -> list[Row]:
    """The editions ``user`` may handle, newest first, with their state and the span of their modules (two
    queries, plus one per edition for a manager's roles, cached on the user)."""
    today = today or timezone.localdate()
    editions = _handled(user)
    spans = {row["edition"]: row for row in Module.objects.filter(edition__in=[e.pk for e in editions])
             .values("edition").annotate(first=Min("starts_on"), last=Max("ends_on"))}
    rows = []
    for edition in editions:
        span = spans.get(edition.pk, {})
        starts, ends = span.get("first"), span.get("last")
        if edition.published_at is None:
            state = "draft"
        elif edition.is_current:
            state = "current"
        elif ends is not None and ends < today:
            state = "past"
        else:
            state = "upcoming"
        rows.append(Row(edition=edition, state=state, starts_on=starts, ends_on=ends))
    return rows


def first_module_start(edition):
    return Module.objects.filter(edition=edition).order_by("starts_on", "number").values_list(
        "starts_on", flat=True).first()


def slug_taken(programme, slug: str) -> bool:
    return Edition.objects.filter(programme=programme, slug=slug).exists()


def cloned_with_token(token: str) -> Edition | None:
    """The edition a "Create the draft" with this form token made already (a second click, a reload)."""
    if not token:
        return None
    entry = ActivityLog.objects.filter(action=CLONED, data__token=token).order_by("pk").first()
    return Edition.objects.filter(pk=entry.target_id).first() if entry else None


def edition_conflicts(dates: EditionDates) -> list[Conflict]:
    found = []
    for label, value in (("application deadline", dates.application_deadline),
                         ("acceptance-letter date", dates.acceptance_letter_on)):
        if value < dates.today:
            found.append(Conflict(ERROR, f"The {label} would be {day_text(value)}, in the past.", part="edition",
                                  fix="edition"))
    if dates.application_deadline >= dates.acceptance_letter_on:
        found.append(Conflict(ERROR, f"The application deadline ({day_text(dates.application_deadline)}) would be "
                                     f"after the acceptance letters ({day_text(dates.acceptance_letter_on)}).",
                              part="edition", fix="edition"))
    return found


@dataclass
class Preview:
    plans: dict
    conflicts: list
    dates: EditionDates
    shared: list = field(default_factory=list)  # (label, count)

    @property
    def errors(self) -> list:
        return [c for c in self.conflicts if c.is_error]

    @property
    def warnings(self) -> list:
        return [c for c in self.conflicts if not c.is_error]


def preview(source, shift: Shift, keys, *, today=None) -> Preview:
    """What cloning ``source`` with the ``keys`` parts moved by ``shift`` would create, and its conflicts."""
    dates = EditionDates(application_deadline=shift.day(source.application_deadline),
                         acceptance_letter_on=shift.day(source.acceptance_letter_on),
                         today=today or timezone.localdate())
    plans = clone.plan(source, shift, keys)
    conflicts = edition_conflicts(dates) + clone.conflicts(plans, dates)
    shared = [(note.label, note.count(source.programme)) for note in clone.shared()]
    return Preview(plans=plans, conflicts=conflicts, dates=dates, shared=shared)


FIX_URLS = {"edition": "admin:programme_edition_change", "module": "admin:programme_module_change",
            "meetup": "admin:programme_meetup_change", "call": "admin:applications_call_change"}


def draft_conflicts(edition, *, today=None) -> list[tuple[Conflict, str]]:
    """The conflicts of ``edition`` now, found on its own rows (a plan of every part with no shift), each with
    the content editor's page where it is fixed."""
    result = preview(edition, Shift(0), [part.key for part in clone.parts()], today=today)
    rows = []
    for conflict in result.conflicts:
        url = ""
        target = edition.pk if conflict.fix == "edition" else conflict.fix_id
        if conflict.fix in FIX_URLS and target is not None:
            url = reverse(FIX_URLS[conflict.fix], args=[target])
        rows.append((conflict, url))
    return rows
