"""The programme's parts of an edition's clone (campus.core.plugins.clone; registered in plugin.py): modules with
their learning outcomes and curricula, their meetups, the requirements and the edition's outcomes. Partners, FAQ,
benefits and pages are the programme's, shared by every edition: the preview says so instead of copying them.

The checks of the new dates live here too: modules in the past or overlapping, decisions after Module 1 starts,
a meetup in the past or on a public holiday of its country (the ``holidays`` package; without it the preview
says it could not tell)."""

from __future__ import annotations

import zoneinfo

from campus.core.plugins import clone
from campus.core.plugins.clone import ERROR, WARNING, Conflict, Line, PartPlan, day_text, duplicate, moment_text

from .models import FAQ, Benefit, LearningOutcome, Meetup, Module, Outcome, Page, Partner, Requirement

try:  # the public holidays of a country (PyPI "holidays", pinned in requirements.txt)
    import holidays as _holidays
except ImportError:  # pragma: no cover - the package is a pinned requirement
    _holidays = None


def _modules(source):
    return list(Module.objects.filter(edition=source).order_by("number"))


def plan_modules(source, shift) -> PartPlan:
    modules = _modules(source)
    outcomes = LearningOutcome.objects.filter(module__edition=source).count()
    facts = [(m.pk, m.number, m.title, shift.day(m.starts_on), shift.day(m.ends_on)) for m in modules]
    lines = [Line(title=f"Module {m.number}: {m.title}", detail=f"{m.city}, {m.country.name}",
                  when=f"{day_text(shift.day(m.starts_on))} – {day_text(shift.day(m.ends_on))}", zone=m.timezone)
             for m in modules]
    return PartPlan(key="modules", label="Modules", counts={"modules": len(modules), "learning outcomes": outcomes},
                    lines=lines, facts={"modules": facts})


def copy_modules(source, target, shift, mapping) -> None:
    modules = _modules(source)
    for module in modules:
        new = duplicate(module, edition=target, starts_on=shift.day(module.starts_on),
                        ends_on=shift.day(module.ends_on))
        new.save()
        mapping.add(module, new)
    outcomes = list(LearningOutcome.objects.filter(module__edition=source).order_by("pk"))
    made = LearningOutcome.objects.bulk_create(
        duplicate(o, module=mapping.get(Module, o.module_id)) for o in outcomes)
    for old, new in zip(outcomes, made):
        mapping.add(old, new)


def _meetups(source):
    return list(Meetup.objects.filter(module__edition=source).select_related("module").order_by("starts_at", "pk"))


def plan_meetups(source, shift) -> PartPlan:
    meetups = _meetups(source)
    facts, lines = [], []
    for m in meetups:
        starts = shift.moment(m.starts_at, m.timezone)
        country = (m.country.code if m.country else "") or m.module.country.code
        facts.append((m.pk, m.title, starts, shift.moment(m.ends_at, m.timezone), m.timezone, country))
        lines.append(Line(title=m.title, detail=f"Module {m.module.number}; {m.place or m.get_mode_display()}",
                          when=moment_text(starts, m.timezone), zone=m.timezone))
    return PartPlan(key="meetups", label="Meetups", counts={"meetups": len(meetups)}, lines=lines,
                    facts={"meetups": facts})


def copy_meetups(source, target, shift, mapping) -> None:
    for meetup in _meetups(source):
        new = duplicate(meetup, module=mapping.get(Module, meetup.module_id),
                        starts_at=shift.moment(meetup.starts_at, meetup.timezone),
                        ends_at=shift.moment(meetup.ends_at, meetup.timezone))
        new.save()
        mapping.add(meetup, new)


def plan_requirements(source, shift) -> PartPlan:
    requirements = Requirement.objects.filter(edition=source).count()
    outcomes = Outcome.objects.filter(edition=source).count()
    return PartPlan(key="requirements", label="Requirements and outcomes",
                    counts={"requirements": requirements, "outcomes": outcomes})


def copy_requirements(source, target, shift, mapping) -> None:
    for model in (Requirement, Outcome):
        rows = list(model.objects.filter(edition=source).order_by("pk"))
        for old, new in zip(rows, model.objects.bulk_create(duplicate(r, edition=target) for r in rows)):
            mapping.add(old, new)


def module_conflicts(plans, dates) -> list[Conflict]:
    modules = sorted(plans["modules"].facts["modules"], key=lambda m: (m[3], m[1]))
    found = []
    for pk, number, title, starts, _ends in modules:
        if starts < dates.today:
            found.append(Conflict(ERROR, f"Module {number} ({title}) would start on {day_text(starts)}, in the past.",
                                  part="modules", fix="module", fix_id=pk))
    for (_pk, number, _t, _s, ends), (pk2, number2, _t2, starts2, _e2) in zip(modules, modules[1:]):
        if starts2 <= ends:
            found.append(Conflict(ERROR, f"Module {number2} starts on {day_text(starts2)}, before Module {number} "
                                         f"ends ({day_text(ends)}): the modules overlap.",
                                  part="modules", fix="module", fix_id=pk2))
    if modules:
        pk, number, _title, starts, _ends = modules[0]
        if dates.acceptance_letter_on >= starts:
            found.append(Conflict(ERROR, f"The acceptance letters ({day_text(dates.acceptance_letter_on)}) would go "
                                         f"out after Module {number} starts ({day_text(starts)}).",
                                  part="modules", fix="edition"))
        if dates.application_deadline >= starts:
            found.append(Conflict(ERROR, f"The application deadline ({day_text(dates.application_deadline)}) would "
                                         f"be after Module {number} starts ({day_text(starts)}).",
                                  part="modules", fix="edition"))
    return found


def _holiday_name(country: str, day):
    if _holidays is None or not country:
        return None
    try:
        calendar = _holidays.country_holidays(country, years=day.year)
    except NotImplementedError:  # a country the package does not know
        return None
    return calendar.get(day)


def meetup_conflicts(plans, dates) -> list[Conflict]:
    found = []
    for pk, title, starts, _ends, zone, country in plans["meetups"].facts["meetups"]:
        day = _local_day(starts, zone)
        if day < dates.today:
            found.append(Conflict(ERROR, f"The meetup “{title}” would be on {moment_text(starts, zone)}, in the past.",
                                  part="meetups", fix="meetup", fix_id=pk))
            continue
        holiday = _holiday_name(country, day)
        if holiday:
            found.append(Conflict(WARNING, f"The meetup “{title}” would be on {moment_text(starts, zone)}: "
                                           f"{holiday}, a public holiday in {country}.",
                                  part="meetups", fix="meetup", fix_id=pk))
    if _holidays is None and plans["meetups"].facts["meetups"]:
        found.append(Conflict(WARNING, "Public holidays could not be checked (the holidays package is missing).",
                              part="meetups"))
    return found


def _local_day(moment, zone):
    return moment.astimezone(zoneinfo.ZoneInfo(zone)).date()


def register() -> None:
    clone.register(clone.Part(
        key="modules", label="Modules, learning outcomes and curricula", order=10, owner="programme",
        description="Every module with its summary, curriculum, place and learning outcomes, its dates moved.",
        plan=plan_modules, copy=copy_modules, conflicts=module_conflicts))
    clone.register(clone.Part(
        key="meetups", label="Meetups", order=20, owner="programme", depends_on=("modules",),
        description="Every meetup of the modules, at the same local time of its own zone, its date moved.",
        plan=plan_meetups, copy=copy_meetups, conflicts=meetup_conflicts))
    clone.register(clone.Part(
        key="requirements", label="Requirements and outcomes", order=30, owner="programme",
        description="The admission requirements and what participants will do (the edition's outcomes).",
        plan=plan_requirements, copy=copy_requirements))
    for key, label, model, order in (("partners", "Partners", Partner, 10), ("faq", "FAQ", FAQ, 20),
                                     ("benefits", "Benefits (for the employer)", Benefit, 30),
                                     ("pages", "Pages", Page, 40)):
        clone.register_shared(clone.Shared(
            key=key, label=label, order=order,
            count=lambda programme, model=model: model.objects.filter(programme=programme).count()))
