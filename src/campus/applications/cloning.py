"""The call for applications and its questions, as a part of an edition's clone (campus.core.plugins.clone;
registered in plugin.py). The window moves at the same wall-clock time of the call's zone; the reference prefix
(unique) takes the year the new call opens (BSR20 -> BSR26); a question asked only after another's answer keeps
pointing at the copy of that question. No application, answer or file is copied."""

from __future__ import annotations

import re
import zoneinfo

from campus.core.plugins import clone
from campus.core.plugins.clone import ERROR, Conflict, Line, PartPlan, day_text, duplicate, moment_text

from .models import Call, Question


def _calls(source):
    return list(Call.objects.filter(edition=source).order_by("opens_at", "pk"))


def new_prefix(prefix: str, year: int, taken: set[str]) -> str:
    """``BSR20`` for a call opening in 2026 -> ``BSR26``; with a letter added while that one is taken."""
    base = (re.sub(r"\d+$", "", prefix) or "CALL")[:9] + f"{year % 100:02d}"
    candidate, letters = base, iter("ABCDEFGHJKLMNPQRSTUVWXYZ")
    while candidate.upper() in taken:
        candidate = base + next(letters)
    return candidate


def renamed(title: str, source, target) -> str:
    """"Call for applications 2020–2021" -> "... 2026–2027" (a title without the edition's name stays)."""
    return title.replace(source.name, target.name) if source.name and source.name != target.name else title


def _local_day(moment, zone):
    return moment.astimezone(zoneinfo.ZoneInfo(zone)).date()


def plan_call(source, shift) -> PartPlan:
    calls = _calls(source)
    questions = Question.objects.filter(call__edition=source).count()
    facts, lines = [], []
    for call in calls:
        opens, closes = shift.moment(call.opens_at, call.timezone), shift.moment(call.closes_at, call.timezone)
        facts.append((call.pk, call.title, opens, closes, call.timezone))
        lines.append(Line(title=call.title, detail="The call for applications",
                          when=f"{moment_text(opens, call.timezone)} – {moment_text(closes, call.timezone)}",
                          zone=call.timezone))
    return PartPlan(key="call", label="The call and its questions", counts={"calls": len(calls),
                    "questions": questions}, lines=lines, facts={"calls": facts})


def copy_call(source, target, shift, mapping) -> None:
    taken = {p.upper() for p in Call.objects.values_list("reference_prefix", flat=True)}
    for call in _calls(source):
        opens = shift.moment(call.opens_at, call.timezone)
        prefix = new_prefix(call.reference_prefix, _local_day(opens, call.timezone).year, taken)
        taken.add(prefix.upper())
        new = duplicate(call, edition=target, opens_at=opens, reference_prefix=prefix,
                        title=renamed(call.title, source, target),
                        closes_at=shift.moment(call.closes_at, call.timezone))
        new.save()
        mapping.add(call, new)
    questions = list(Question.objects.filter(call__edition=source).order_by("pk"))
    made = Question.objects.bulk_create(duplicate(q, call=mapping.get(Call, q.call_id), depends_on=None)
                                        for q in questions)
    for old, new in zip(questions, made):
        mapping.add(old, new)
    dependents = []
    for old, new in zip(questions, made):
        if old.depends_on_id:
            new.depends_on = mapping.get(Question, old.depends_on_id)
            dependents.append(new)
    Question.objects.bulk_update(dependents, ["depends_on"])


def call_conflicts(plans, dates) -> list[Conflict]:
    found = []
    for pk, title, opens, closes, zone in plans["call"].facts["calls"]:
        closes_on = _local_day(closes, zone)
        if _local_day(opens, zone) < dates.today:
            found.append(Conflict(ERROR, f"“{title}” would open on {moment_text(opens, zone)}, in the past.",
                                  part="call", fix="call", fix_id=pk))
        if closes_on >= dates.acceptance_letter_on:
            found.append(Conflict(ERROR, f"“{title}” would close on {day_text(closes_on)}, not before the acceptance "
                                         f"letters ({day_text(dates.acceptance_letter_on)}).",
                                  part="call", fix="call", fix_id=pk))
    return found


def register() -> None:
    clone.register(clone.Part(
        key="call", label="The call and its questions", order=40, owner="applications",
        description="The call for applications, its window moved, with every question of the form.",
        plan=plan_call, copy=copy_call, conflicts=call_conflicts))
