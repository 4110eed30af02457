"""Cloning an edition part by part (campus.editions): each app registers the parts of an edition it owns.

From its ``plugin.py`` (the code in its own ``cloning.py``)::

    from campus.core.plugins import clone

    clone.register(clone.Part(
        key="call", label="The call and its questions", order=40, owner="applications",
        description="The call for applications with its window moved, and every question of its form.",
        plan=plan_call,            # (source, shift) -> PartPlan: what would be created (writes nothing)
        copy=copy_call,            # (source, target, shift, mapping) -> None: creates the rows
        depends_on=(),             # keys of parts that must be copied too (questions need the call ...)
        conflicts=call_conflicts,  # optional: (plans: {key: PartPlan}, edition: EditionDates) -> [Conflict]
    ))

``copy`` records each row it made in ``mapping`` (old primary key -> new object, per model), so parts copied
later re-point their references (a survey of module 2 goes to the new module 2). Parts run by ``order``; a
part's ``depends_on`` are copied before it. ``plan`` of the draft itself with a shift of nothing is how the
draft's current conflicts are found again on its real data.

Things that belong to the programme, shared by every edition (partners, FAQ, benefits, pages), are not parts:
they register a :class:`Shared` note, and the preview says they are shared instead of copying them.
Nothing personal is ever a part (applications, participants, reviews, mails, team roles).
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable

from django.utils import timezone

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Shift:
    """How far the new edition moves: whole days (whole weeks keep every weekday)."""

    days: int = 0

    @property
    def delta(self) -> timedelta:
        return timedelta(days=self.days)

    @property
    def weeks(self) -> int:
        return self.days // 7

    def day(self, value: date | None) -> date | None:
        return value + self.delta if value is not None else None

    def moment(self, value: datetime | None, zone: str) -> datetime | None:
        """The same wall-clock time of ``zone``, ``days`` later (a meetup at 09:00 in Helsinki stays at 09:00
        across a change to or from summer time), back in UTC."""
        if value is None:
            return None
        tz = zoneinfo.ZoneInfo(zone)
        local = timezone.localtime(value, tz).replace(tzinfo=None) + self.delta
        return local.replace(tzinfo=tz).astimezone(zoneinfo.ZoneInfo("UTC"))


@dataclass
class Line:
    """One thing the preview lists: a module with its new dates, a meetup at its new local time ..."""

    title: str
    detail: str = ""
    when: str = ""
    zone: str = ""
    children: list[Line] = field(default_factory=list)


@dataclass
class PartPlan:
    """What a part would create: counts by kind of row, the lines to show, and facts for the conflict checks
    (dates, in plain data: ``modules``: [(number, title, starts_on, ends_on, country)], ``meetups``: ...)."""

    key: str
    label: str
    counts: dict[str, int] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    note: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Conflict:
    """A problem of the new dates: an ``error`` blocks publishing; a ``warning`` needs an explicit tick."""

    level: str
    message: str
    part: str = ""
    fix: str = ""  # where to fix it on a draft: a URL name and its argument, resolved by the editions app
    fix_id: int | None = None

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


@dataclass
class EditionDates:
    """The dates of the new edition itself (the editions app moves them), for the conflict checks."""

    application_deadline: date
    acceptance_letter_on: date
    today: date


class Mapping:
    """Old primary key -> new object, per model: what the parts copied so far created."""

    def __init__(self):
        self._rows: dict[str, dict[int, object]] = {}

    def add(self, old, new) -> None:
        self._rows.setdefault(old._meta.label, {})[old.pk] = new

    def get(self, model, pk):
        """The copy of ``model``'s row ``pk`` (None: not copied)."""
        if pk is None:
            return None
        return self._rows.get(model._meta.label, {}).get(pk)

    def of(self, model) -> dict[int, object]:
        return dict(self._rows.get(model._meta.label, {}))

    def models(self) -> list[str]:
        return sorted(self._rows)

    def items(self):
        for label, rows in self._rows.items():
            for old_pk, new in rows.items():
                yield label, old_pk, new

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._rows.values())


@dataclass(frozen=True)
class Part:
    key: str
    label: str
    description: str
    plan: Callable = field(compare=False)  # (source, shift) -> PartPlan
    copy: Callable = field(compare=False)  # (source, target, shift, mapping) -> None
    order: int = 100
    depends_on: tuple[str, ...] = ()
    conflicts: Callable | None = field(default=None, compare=False)  # (plans, dates) -> [Conflict]
    owner: str = ""


@dataclass(frozen=True)
class Shared:
    """Something of the programme that every edition shows (not copied: the preview says so)."""

    key: str
    label: str
    count: Callable = field(compare=False)  # (programme) -> int
    order: int = 100


_parts: dict[str, Part] = {}
_shared: dict[str, Shared] = {}


def register(part: Part) -> Part:
    _parts[part.key] = part
    return part


def register_shared(note: Shared) -> Shared:
    _shared[note.key] = note
    return note


def unregister(key: str) -> None:
    _parts.pop(key, None)
    _shared.pop(key, None)


def get(key: str) -> Part | None:
    return _parts.get(key)


def parts() -> list[Part]:
    """Every registered part, in the order they are copied."""
    return sorted(_parts.values(), key=lambda p: (p.order, p.key))


def shared() -> list[Shared]:
    return sorted(_shared.values(), key=lambda s: (s.order, s.key))


def with_dependencies(keys) -> list[str]:
    """``keys`` and every part they depend on (transitively), in copy order; unknown keys are dropped."""
    wanted: set[str] = set()
    todo = [key for key in keys if key in _parts]
    while todo:
        key = todo.pop()
        if key not in wanted:
            wanted.add(key)
            todo.extend(dep for dep in _parts[key].depends_on if dep in _parts)
    return [part.key for part in parts() if part.key in wanted]


def plan(source, shift: Shift, keys) -> dict[str, PartPlan]:
    return {key: _parts[key].plan(source, shift) for key in with_dependencies(keys)}


def conflicts(plans: dict[str, PartPlan], dates: EditionDates) -> list[Conflict]:
    found = []
    for part in parts():
        if part.conflicts is not None and part.key in plans:
            found.extend(part.conflicts(plans, dates))
    return sorted(found, key=lambda c: (c.level != ERROR, c.part))


def copy(source, target, shift: Shift, keys, mapping: Mapping | None = None) -> Mapping:
    """Copy the chosen parts (and what they depend on) from ``source`` into ``target``; the caller holds the
    transaction (campus.editions.services.clone_edition)."""
    mapping = mapping if mapping is not None else Mapping()
    mapping.add(source, target)
    for key in with_dependencies(keys):
        _parts[key].copy(source, target, shift, mapping)
    return mapping


def duplicate(row, **changes):
    """An unsaved copy of ``row``: every concrete field but the primary key and the creation/change times,
    then ``changes`` (the new parent, moved dates ...)."""
    model = type(row)
    values = {}
    for f in model._meta.concrete_fields:
        if f.primary_key or f.name in ("created_at", "updated_at"):
            continue
        values[f.attname] = getattr(row, f.attname)
    for name, value in changes.items():
        f = model._meta.get_field(name)
        if f.is_relation and not name.endswith("_id"):
            values.pop(f.attname, None)
        values[name] = value
    return model(**values)


def day_text(value) -> str:
    return f"{value:%a %-d %b %Y}" if value else ""


def moment_text(value, zone: str) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value, zoneinfo.ZoneInfo(zone))
    return f"{local:%a %-d %b %Y, %H:%M} {local.tzname()}"
