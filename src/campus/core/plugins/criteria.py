"""Certificate criteria: what a participant must have done to earn the edition's certificate. The apps that know
(attendance: meetups attended; coursework: assignments accepted; ...) register a criterion from their
``plugin.py``; the certificates app lets staff combine them into an edition's rules and asks them::

    from campus.core.plugins import criteria

    criteria.register(criteria.Criterion(
        key="meetups_attended", label="Meetups attended",
        parameters=(criteria.Parameter("minimum", "At least this many meetups", default=6),),
        describe=lambda params: f"At least {params['minimum']} meetups attended",
        evaluate=meetups_attended,   # (edition, participants, params) -> {participant.pk: Verdict}
    ))

``evaluate`` answers for the whole list at once (a fixed number of queries, whatever the cohort's size), and
each ``Verdict`` says why in words the participant understands ("5 of 8 meetups attended; 6 needed").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class Parameter:
    name: str
    label: str
    default: int = 0
    minimum: int = 0


@dataclass(frozen=True)
class Verdict:
    met: bool
    reason: str


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    evaluate: Callable = field(compare=False)  # (edition, participants, params: dict) -> {participant.pk: Verdict}
    describe: Callable = field(compare=False)  # (params: dict) -> str
    parameters: tuple[Parameter, ...] = ()


_criteria: dict[str, Criterion] = {}


def register(criterion: Criterion) -> Criterion:
    _criteria[criterion.key] = criterion
    return criterion


def unregister(criterion: Criterion | str) -> None:
    _criteria.pop(criterion if isinstance(criterion, str) else criterion.key, None)


def get(key: str) -> Criterion | None:
    return _criteria.get(key)


def all_criteria() -> list[Criterion]:
    return sorted(_criteria.values(), key=lambda c: c.label)
