"""A proposal of coaching groups for an edition (a read: nothing is saved; services.save_round saves it).
The same edition, seed and earlier rounds give the same proposal and the same key, so the preview the manager
saw is what is saved (when the cohort changed in between, the key differs and the page shows the new one)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from . import generator, selectors
from .models import CoachingRound


@dataclass
class Planned:
    proposal: generator.Proposal
    key: str
    count: int  # participants
    with_sector: int
    with_country: int


def _key(edition, seed, shape) -> str:
    rounds = list(CoachingRound.objects.filter(edition=edition).order_by("pk").values_list("pk", flat=True))
    return hashlib.sha256(json.dumps([edition.pk, seed, rounds, shape]).encode()).hexdigest()


def _inputs(edition):
    participants = selectors.cohort_of(edition)
    people = selectors.people_of(participants, selectors.sectors_of(participants))
    earlier = selectors.earlier_groups(edition)
    return people, earlier


def _planned(edition, seed, people, proposal) -> Planned:
    shape = [[person.key for person in group.members] for group in proposal.groups]
    return Planned(proposal=proposal, key=_key(edition, seed, shape), count=len(people),
                   with_sector=sum(1 for p in people if p.sector), with_country=sum(1 for p in people if p.country))


def propose(edition, *, seed: int) -> Planned:
    people, earlier = _inputs(edition)
    proposal = generator.generate(people, met=selectors.met_pairs(earlier), seed=seed, earlier_groups=earlier)
    return _planned(edition, seed, people, proposal)


def shape_of(planned: Planned) -> str:
    """The groups of a proposal as the preview form carries them (participant ids), so that the save stores
    exactly what the manager saw (the search is time-bounded: run again, it may find another arrangement)."""
    return json.dumps([[person.key for person in group.members] for group in planned.proposal.groups])


def from_shape(edition, *, seed: int, shape: str) -> Planned | None:
    """The previewed groups again (reasons recomputed), when they still hold every participant of the edition
    exactly once; None when the cohort changed since the preview (or the shape is not one)."""
    try:
        groups = json.loads(shape)
    except ValueError:
        return None
    if not isinstance(groups, list) or not all(isinstance(g, list) and g and all(type(k) is int for k in g)
                                               for g in groups):
        return None
    people, earlier = _inputs(edition)
    keys = [k for g in groups for k in g]
    if len(keys) != len(set(keys)) or set(keys) != {p.key for p in people}:
        return None
    proposal = generator.explain(people, groups, met=selectors.met_pairs(earlier), earlier_groups=earlier)
    return _planned(edition, seed, people, proposal)
