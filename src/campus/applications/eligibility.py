"""Eligibility screening: one pure function from answers to a verdict with a reason per requirement.

The requirements are the edition's (programme.Requirement codes). Each known code reads one answer:

| requirement code     | answer key            | met when                                   |
|----------------------|-----------------------|--------------------------------------------|
| english              | english_level         | fluent or native (good: needs a check)     |
| experience           | years_as_manager      | at least 2 (years)                         |
| project-management   | project_management    | yes                                        |
| eu-resident          | country_of_residence  | an EU member state                         |

A requirement with an unknown code, or an unanswered question, needs a check by the team.
"Preferably able to join all four modules" is a preference: it is reported, never decisive.
"""

from dataclasses import asdict, dataclass
from typing import Any

MET, NOT_MET, UNKNOWN, NOTE = "met", "not_met", "unknown", "note"
ELIGIBLE, NOT_ELIGIBLE, NEEDS_CHECK = "eligible", "not_eligible", "needs_check"

EU_MEMBER_STATES = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
MIN_YEARS = 2


@dataclass(frozen=True)
class Reason:
    code: str
    status: str  # met, not_met, unknown, note
    message: str  # plain words, shown to the applicant and to staff

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Assessment:
    status: str  # eligible, not_eligible, needs_check
    reasons: tuple[Reason, ...]

    @property
    def unmet(self) -> list[Reason]:
        return [r for r in self.reasons if r.status == NOT_MET]


def _english(answers):
    level = answers.get("english_level")
    if not level:
        return UNKNOWN, "Tell us your level of English: the programme is taught in English."
    if level in ("fluent", "native"):
        return MET, "Your English is fluent."
    if level == "good":
        return UNKNOWN, "The programme asks for fluent English; the team will check your level with you."
    return NOT_MET, "The programme is taught in English and asks for fluent English."


def _experience(answers):
    years = answers.get("years_as_manager")
    if years in (None, ""):
        return UNKNOWN, "Tell us how many years you have worked as a cluster manager or in a managing role in a cluster."
    try:
        years = float(years)
    except (TypeError, ValueError):
        return UNKNOWN, "The team will check your years of experience."
    if years >= MIN_YEARS:
        return MET, f"You have at least {MIN_YEARS} years of experience as a cluster manager or in a managing role."
    return NOT_MET, (
        f"The programme asks for at least {MIN_YEARS} years of experience as a cluster manager or in a managing "
        f"role in a cluster; you told us {years:g}."
    )


def _project_management(answers):
    value = answers.get("project_management")
    if value in (None, ""):
        return UNKNOWN, "Tell us whether you are experienced in project management."
    if value is True or value == "yes":
        return MET, "You are experienced in project management."
    return NOT_MET, "The programme asks for experience in project management."


def _eu_resident(answers):
    country = (answers.get("country_of_residence") or "").upper()
    if not country:
        return UNKNOWN, "Tell us the country you live in."
    if country in EU_MEMBER_STATES:
        return MET, "You live in the EU."
    return NOT_MET, "The programme is open to residents of the EU; you told us you live outside it."


CHECKS = {
    "english": _english,
    "experience": _experience,
    "project-management": _project_management,
    "eu-resident": _eu_resident,
}


def assess(answers: dict[str, Any], requirements: list[tuple[str, str]]) -> Assessment:
    """``answers``: answer values by question key. ``requirements``: (code, text) of the edition."""
    reasons = []
    for code, text in requirements:
        check = CHECKS.get(code)
        if check is None:
            reasons.append(Reason(code, UNKNOWN, f"The team will check this requirement: {text}."))
            continue
        status, message = check(answers)
        reasons.append(Reason(code, status, message))
    joins_all = answers.get("can_join_all_modules")
    if joins_all is False or joins_all == "no":
        reasons.append(Reason("all-modules", NOTE, "Preferably participants join all four modules; you told us you may miss some."))
    if any(r.status == NOT_MET for r in reasons):
        status = NOT_ELIGIBLE
    elif any(r.status == UNKNOWN for r in reasons):
        status = NEEDS_CHECK
    else:
        status = ELIGIBLE
    return Assessment(status, tuple(reasons))
