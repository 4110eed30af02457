"""The dates of an edition that depend on each other: the application deadline, the decisions (the acceptance
letters) and the start of the education. Staff forms and ``manage.py open_call`` ask :func:`date_problems`, so the
site never shows a deadline after the decisions, or decisions after the first module has begun."""

from datetime import date

from .models import Edition, Module


def _day(value: date) -> str:
    return f"{value:%-d %B %Y}"


def first_module(edition: Edition) -> Module | None:
    if edition.pk is None:
        return None
    return Module.objects.filter(edition=edition).order_by("starts_on", "number").first()


def date_problems(edition: Edition, *, deadline: date | None = None, acceptance: date | None = None) -> dict[str, str]:
    """What does not agree, by the field to fix (``application_deadline``, ``acceptance_letter_on``); empty when
    the deadline comes before the decisions and the decisions before the education starts. ``deadline`` and
    ``acceptance`` stand for values being entered (a form) instead of the stored ones."""
    deadline = deadline or edition.application_deadline
    acceptance = acceptance or edition.acceptance_letter_on
    problems = {}
    if deadline and acceptance and acceptance <= deadline:
        problems["application_deadline"] = (
            f"The application deadline ({_day(deadline)}) must come before the decisions, which the acceptance "
            f"letters announce on {_day(acceptance)}. Move the acceptance-letter date, or close earlier."
        )
    module = first_module(edition)
    if module is not None and acceptance and module.starts_on <= acceptance:
        problems["acceptance_letter_on"] = (
            f"The acceptance letters ({_day(acceptance)}) must go out before the education starts: Module "
            f"{module.number} starts on {_day(module.starts_on)}. Move the modules' dates, or send the letters earlier."
        )
    return problems
