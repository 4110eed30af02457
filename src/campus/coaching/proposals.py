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


def propose(edition, *, seed: int) -> Planned:
    participants = selectors.cohort_of(edition)
    sectors = selectors.sectors_of(participants)
    people = selectors.people_of(participants, sectors)
    earlier = selectors.earlier_groups(edition)
    proposal = generator.generate(people, met=selectors.met_pairs(earlier), seed=seed, earlier_groups=earlier)
    shape = [sorted(person.key for person in group.members) for group in proposal.groups]
    rounds = list(CoachingRound.objects.filter(edition=edition).order_by("pk").values_list("pk", flat=True))
    key = hashlib.sha256(json.dumps([edition.pk, seed, rounds, shape]).encode()).hexdigest()
    return Planned(proposal=proposal, key=key, count=len(people),
                   with_sector=sum(1 for p in people if p.sector), with_country=sum(1 for p in people if p.country))
