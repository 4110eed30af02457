"""The "Convince your boss" letter: one A4 page an applicant hands to their employer.

Everything in it comes from the edition's data (programme, modules with their meetups, benefits, key
figures); the applicant adds only who they are and whom they write to. Python decides the wording
(:func:`boss_letter_data`, plain strings), the typst template ``typst/boss_letter.typ`` the layout.
"""

import html
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from pathlib import Path

from django.utils import dateformat, timezone
from django.utils.html import strip_tags

from campus.core.markdown import render_markdown
from campus.core.pdf import render_pdf
from campus.core.templatetags.campus import eur

from . import selectors
from .models import Edition, Meetup, Module

LETTER_TEMPLATE = Path(__file__).resolve().parent / "typst" / "boss_letter.typ"

# What the applicant types is capped so that the letter stays on one page; forms should use these.
MAX_LENGTHS = {"applicant_name": 100, "organisation": 150, "role": 100, "boss_name": 100}

BENEFIT_TEXT_CHARS = 300  # a longer benefit is cut after its last whole sentence that fits

# A meetup day counts as a whole day away when it takes this much of the working day, else as half a day.
WORKING_DAY = (time(8, 0), time(18, 0))
WHOLE_DAY = timedelta(hours=6)


def boss_letter_pdf(
    *,
    edition: Edition,
    applicant_name: str,
    organisation: str = "",
    role: str = "",
    boss_name: str = "",
    on: date | None = None,
) -> bytes:
    """The letter as PDF bytes, dated ``on`` (default: today). Raises ValueError for a missing or too
    long applicant field (see :data:`MAX_LENGTHS`)."""
    data = boss_letter_data(
        edition=edition,
        applicant_name=applicant_name,
        organisation=organisation,
        role=role,
        boss_name=boss_name,
        on=on,
    )
    return render_pdf(LETTER_TEMPLATE, data=data)


def boss_letter_data(
    *,
    edition: Edition,
    applicant_name: str,
    organisation: str = "",
    role: str = "",
    boss_name: str = "",
    on: date | None = None,
) -> dict:
    """Everything the letter prints, as ready-made strings."""
    fields = _clean_fields(applicant_name=applicant_name, organisation=organisation, role=role, boss_name=boss_name)
    name, organisation, role, boss_name = (
        fields["applicant_name"], fields["organisation"], fields["role"], fields["boss_name"]
    )
    programme = edition.programme
    modules = list(selectors.modules_of(edition))
    figures = selectors.key_figures(edition, modules)
    benefits = list(programme.benefits.all())
    return {
        "title": f"Request to take part in the {programme.short_name} {edition.name}",
        "programme": programme.name,
        "short_name": programme.short_name,
        "edition": edition.name,
        "date": _long_date(on or timezone.localdate()),
        "applicant": {"name": name, "role": role, "organisation": organisation},
        "boss_name": boss_name,
        "salutation": f"Dear {boss_name or 'Manager'},",
        "intro": _intro(edition, figures, role=role, organisation=organisation),
        "benefits": [{"title": benefit.title, "text": _benefit_text(benefit.body)} for benefit in benefits],
        # The benefits are the programme's words to its participants ("you"): quoted as such, not as mine.
        "benefits_lead": "In the programme's own words to its participants:",
        **_commitment(figures, modules),
        "meetups": [_meetup_row(module) for module in modules],
        "delivery_note": edition.delivery_note,
        "costs": {
            "price": eur(figures.price_eur),
            "price_label": "to take part" if figures.is_free else "tuition",
            "value": (
                f"An education worth an estimated {eur(figures.estimated_value_eur)}."
                if figures.estimated_value_eur
                else ""
            ),
            "note": figures.costs_note,
        },
        "key_dates": [
            {"label": "Applications close", "value": _long_date(edition.application_deadline)},
            {"label": "Acceptance letters", "value": _long_date(edition.acceptance_letter_on)},
            *([{"label": "Education starts", "value": _long_date(figures.starts_on)}] if figures.starts_on else []),
        ],
        "contact_email": programme.contact_email,
        "closing": "I would be glad to talk this through with you. The programme team answers questions at",
        "funding_note": programme.funding_note,
    }


def _intro(edition: Edition, figures: selectors.KeyFigures, *, role: str, organisation: str) -> list[str]:
    """Two paragraphs: who asks for what, then the programme in one sentence."""
    if role and organisation:
        asking = f"As {role} at {organisation}, I"
    elif role:
        asking = f"As {role}, I"
    elif organisation:
        asking = f"As part of the team at {organisation}, I"
    else:
        asking = "I"
    request = (
        f"{asking} would like to take part in the {edition.name} edition of the {edition.programme.name}, "
        "and I am asking for your support."
    )
    programme = ""
    if figures.modules:
        programme = (
            f"The programme runs {_count(figures.modules, 'module')} in "
            f"{_count(figures.countries, 'country', 'countries')}: {figures.weeks} weeks of part-time education "
            f"in the modules, spread over {_count(_months(figures.starts_on, figures.ends_on), 'month')} "
            f"({_month(figures.starts_on)} to {_month(figures.ends_on)}) with breaks between the modules, "
            f"{_count(figures.meetups_per_module, 'meetup')} per module and online learning in between. "
        )
    return [request, f"{programme}Here is what {organisation or 'our organisation'} gains, what it asks of me "
            "and what it costs."]


def _commitment(figures: selectors.KeyFigures, modules: list[Module]) -> dict:
    """The key figures of the time it takes, and the days away from the office at the meetups."""
    away = [meetup for module in modules for meetup in module.meetups.all() if not meetup.is_online]
    days = [_days_away(meetup) for meetup in away]
    commitment = [
        {"value": f"{figures.hours_per_week_min}–{figures.hours_per_week_max}", "label": "hours a week"},
        {"value": str(figures.weeks), "label": "weeks in modules, part-time"},
        {"value": str(figures.meetups_per_module), "label": "meetups per module"},
    ]
    if days and len(set(days)) == 1:
        commitment.append({"value": _fraction(days[0]), "label": "days each meetup"})
    return {
        "commitment": commitment,
        "commitment_text": (
            f"In all, {_fraction(sum(days, Fraction(0)))} working days away from the office, "
            f"at {_count(len(away), 'meetup')}:"
            if away
            else "All meetups are online."
        ),
    }


def _clean_fields(**fields: str) -> dict[str, str]:
    cleaned = {}
    for field, value in fields.items():
        value = " ".join((value or "").split())  # no line breaks or runs of spaces from a form
        if len(value) > MAX_LENGTHS[field]:
            raise ValueError(f"{field} is longer than {MAX_LENGTHS[field]} characters.")
        cleaned[field] = value
    if not cleaned["applicant_name"]:
        raise ValueError("applicant_name is required.")
    return cleaned


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _long_date(day: date) -> str:
    return dateformat.format(day, "j F Y")


def _month(day: date) -> str:
    return dateformat.format(day, "F Y")


def _months(start: date, end: date) -> int:
    """Calendar months from the first to the last, both counted: September 2020 to November 2021 is 15."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _short_span(start: date, end: date) -> str:
    """'1–2 Sep 2020', '30 Nov – 1 Dec 2020', '31 Dec 2020 – 1 Jan 2021'."""
    if start == end:
        return dateformat.format(start, "j M Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{dateformat.format(end, 'j M Y')}"
    if start.year == end.year:
        return f"{dateformat.format(start, 'j M')} – {dateformat.format(end, 'j M Y')}"
    return f"{dateformat.format(start, 'j M Y')} – {dateformat.format(end, 'j M Y')}"


def _meetup_row(module: Module) -> dict[str, str]:
    """The module's place and the dates (in the meetup's own zone) of its opening and closing meetups."""
    on_site = [meetup for meetup in module.meetups.all() if not meetup.is_online]
    opening = next((m for m in on_site if m.kind == Meetup.Kind.OPENING), on_site[0] if on_site else None)
    closing = next((m for m in on_site if m.kind == Meetup.Kind.CLOSING), on_site[-1] if len(on_site) > 1 else None)
    return {
        "number": str(module.number),
        "title": module.title,
        "place": ", ".join(part for part in (module.city, module.country.name) if part),
        "opening": _short_span(opening.local_start.date(), opening.local_end.date()) if opening else "–",
        "closing": _short_span(closing.local_start.date(), closing.local_end.date()) if closing else "–",
    }


def _days_away(meetup: Meetup) -> Fraction:
    """Working days a meetup takes, in its own zone: a day with at least six of its working hours
    (8:00–18:00) counts whole, a shorter one half. 09:00 one day to 13:00 the next is 1½."""
    start, end = meetup.local_start.replace(tzinfo=None), meetup.local_end.replace(tzinfo=None)
    days = Fraction(0)
    day = start.date()
    while day <= end.date():
        opens, closes = datetime.combine(day, WORKING_DAY[0]), datetime.combine(day, WORKING_DAY[1])
        worked = min(end, closes) - max(start, opens)
        if worked >= WHOLE_DAY:
            days += 1
        elif worked > timedelta(0):
            days += Fraction(1, 2)
        day += timedelta(days=1)
    return days


def _fraction(value: Fraction) -> str:
    """1½, 12, ½."""
    whole, half = divmod(value, 1)
    if not half:
        return str(int(whole))
    return f"{int(whole) if whole else ''}½"


def _benefit_text(markdown: str) -> str:
    """A benefit's body as plain text, cut after its last whole sentence within BENEFIT_TEXT_CHARS."""
    text = " ".join(html.unescape(strip_tags(render_markdown(markdown))).split())
    if len(text) <= BENEFIT_TEXT_CHARS:
        return text
    cut = max(text.rfind(mark, 0, BENEFIT_TEXT_CHARS) for mark in (". ", "! ", "? "))
    if cut > 0:
        return text[: cut + 1]
    return text[: BENEFIT_TEXT_CHARS].rsplit(" ", 1)[0] + "…"
