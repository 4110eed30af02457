"""The coaching-group generator: groups of 3–4 participants that mix countries and sectors and keep apart the
pairs who were together in an earlier round of the edition. Pure Python (no database), deterministic for a
given seed and input, so a preview and the save that follows it give the same groups.

How it works:

1. **Sizes.** With N participants: as many groups as possible, of 3, and N mod 3 of them of 4 (25 → 7×3 + 1×4,
   26 → 6×3 + 2×4, 8 → 2×4). No group of 1 or 2 ever: with fewer than 6 participants (where 3/4 sizes do not
   add up for 5) everyone is in one group, and its reason says so.
2. **Greedy start.** Participants from the most frequent country first (then sector), each put into the group
   where they add the least cost among the groups with room (ties broken by the seeded random order).
3. **Local search.** Swaps of two participants of different groups, and moves from a group of 4 to a group of 3
   (the sizes stay the same), taken while they lower the total cost, in a seeded random order.
4. **Kicks.** While a pair still meets again (and no pigeonhole argument proves it must), a few random swaps
   around a group with the repeat, then the local search again, keeping the best arrangement, until the time
   budget is spent.

The cost of a group is the sum over its pairs of: ``REPEAT`` for each earlier round the two shared a group
(heavy: a repeat is taken only when nothing else works), ``SAME_COUNTRY`` and ``SAME_SECTOR`` (unknown country
or sector costs nothing). Each group gets a reason in words: how many countries and sectors it has, who met
before and, when the generator can prove it (pigeonhole), that it could not be avoided and why.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

REPEAT = 1000
SAME_COUNTRY = 10
SAME_SECTOR = 3
TIME_BUDGET = 1.5  # seconds of local search at most
KICKS = 400  # rounds of kicks at most (then the time budget) while a pair meets again


@dataclass(frozen=True)
class Person:
    key: int  # the participant's id
    name: str = ""
    country: str = ""  # a code or name; "" is unknown
    country_name: str = ""
    sector: str = ""  # as written; compared case-insensitively


@dataclass
class Group:
    members: list[Person]
    reason: str = ""
    cost: int = 0


@dataclass
class Proposal:
    groups: list[Group]
    total_cost: int = 0
    repeats: int = 0  # pairs in the same group who met before
    notes: list[str] = field(default_factory=list)  # about the whole round


def sizes_for(count: int) -> list[int]:
    """Group sizes for ``count`` participants: 3s and 4s, as many groups as possible; one group below 6."""
    if count <= 0:
        return []
    if count < 6:
        return [count]
    groups, rest = divmod(count, 3)
    return [4] * rest + [3] * (groups - rest)


def _norm(text: str) -> str:
    return " ".join((text or "").split()).casefold()


class _Costs:
    def __init__(self, people: list[Person], met: dict[frozenset, int]):
        self.country = [_norm(p.country) for p in people]
        self.sector = [_norm(p.sector) for p in people]
        index = {p.key: i for i, p in enumerate(people)}
        self.met: dict[tuple[int, int], int] = {}
        for pair, times in met.items():
            a, b = tuple(pair)
            if a in index and b in index:
                i, j = index[a], index[b]
                self.met[(i, j)] = self.met[(j, i)] = times

    def pair(self, i: int, j: int) -> int:
        cost = REPEAT * self.met.get((i, j), 0)
        if self.country[i] and self.country[i] == self.country[j]:
            cost += SAME_COUNTRY
        if self.sector[i] and self.sector[i] == self.sector[j]:
            cost += SAME_SECTOR
        return cost

    def with_group(self, i: int, group: list[int], skip: int = -1) -> int:
        return sum(self.pair(i, m) for m in group if m != i and m != skip)

    def group(self, group: list[int]) -> int:
        return sum(self.pair(a, b) for a, b in combinations(group, 2))


def generate(people: list[Person], *, met: dict[frozenset, int] | None = None, seed: int = 1,
             earlier_groups: list[list[int]] | None = None, time_budget: float = TIME_BUDGET) -> Proposal:
    """Groups for ``people``. ``met``: {frozenset({key, key}): how many earlier rounds they shared a group};
    ``earlier_groups``: the earlier groups as lists of keys (for the reasons: what could not be avoided)."""
    met = met or {}
    people = sorted(people, key=lambda p: p.key)
    sizes = sizes_for(len(people))
    if not sizes:
        return Proposal(groups=[])
    rng = random.Random(seed)
    costs = _Costs(people, met)
    started = time.perf_counter()
    groups = _greedy(people, sizes, costs, rng)
    _improve(groups, sizes, costs, rng, time_budget)
    if not _repeat_proof(people, groups, earlier_groups or []):  # a proven repeat: no search can avoid it
        groups = _kick_out_repeats(groups, costs, rng, started + time_budget)
    return _proposal(people, groups, costs, met, earlier_groups or [])


def _kick_out_repeats(groups, costs, rng, deadline) -> list[list[int]]:
    """Iterated local search while a pair meets again: a few random swaps that involve a group with a repeated
    pair, then the swap search again; the best arrangement found is kept (a local optimum of the swaps alone
    can hold a repeat that another arrangement avoids)."""
    def total(arrangement):
        return sum(costs.group(g) for g in arrangement)

    best, best_cost = [list(g) for g in groups], total(groups)
    current = [list(g) for g in best]
    kicks = 0
    while best_cost >= REPEAT and kicks < KICKS and time.perf_counter() < deadline and len(current) > 1:
        kicks += 1
        with_repeat = [g for g, members in enumerate(current)
                       if any(costs.met.get((a, b)) for a, b in combinations(members, 2))]
        for _ in range(rng.randint(1, 3)):
            ga = rng.choice(with_repeat) if with_repeat else rng.randrange(len(current))
            gb = rng.randrange(len(current) - 1)
            gb += gb >= ga
            ia, ib = rng.randrange(len(current[ga])), rng.randrange(len(current[gb]))
            current[ga][ia], current[gb][ib] = current[gb][ib], current[ga][ia]
        _improve(current, None, costs, rng, max(0.0, deadline - time.perf_counter()))
        cost = total(current)
        if cost <= best_cost:
            best, best_cost = [list(g) for g in current], cost
        else:
            current = [list(g) for g in best]
    return best


def explain(people: list[Person], groups: list[list[int]], *, met: dict[frozenset, int] | None = None,
            earlier_groups: list[list[int]] | None = None) -> Proposal:
    """Costs and reasons of given groups (lists of keys), in the order given: after a change by hand."""
    people = sorted(people, key=lambda p: p.key)
    index = {p.key: i for i, p in enumerate(people)}
    costs = _Costs(people, met or {})
    as_indices = [[index[k] for k in group if k in index] for group in groups]
    return _proposal(people, as_indices, costs, met or {}, earlier_groups or [], keep_order=True)


def _greedy(people, sizes, costs, rng) -> list[list[int]]:
    order = list(range(len(people)))
    rng.shuffle(order)
    country_count = Counter(costs.country)
    sector_count = Counter(costs.sector)
    order.sort(key=lambda i: (-country_count[costs.country[i]] if costs.country[i] else 0,
                              -sector_count[costs.sector[i]] if costs.sector[i] else 0))
    groups: list[list[int]] = [[] for _ in sizes]
    for i in order:
        best, best_cost = None, None
        for g, members in enumerate(groups):
            if len(members) >= sizes[g]:
                continue
            # fill emptier groups first on equal cost, so the mix spreads over every group
            cost = (costs.with_group(i, members), len(members))
            if best_cost is None or cost < best_cost:
                best, best_cost = g, cost
        groups[best].append(i)
    return groups


def _improve(groups, sizes, costs, rng, budget) -> None:
    started = time.perf_counter()
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    n = len(group_of)
    improved = True
    while improved and time.perf_counter() - started < budget:
        improved = False
        order = list(range(n))
        rng.shuffle(order)
        for a in order:
            ga = group_of[a]
            current_a = costs.with_group(a, groups[ga])
            if current_a == 0:
                continue
            best = None  # (gain, b or None, gb)
            for gb, members in enumerate(groups):
                if gb == ga:
                    continue
                # move a into gb (a group of 4 giving to a group of 3: the sizes stay the same)
                if len(groups[ga]) == 4 and len(members) == 3:
                    gain = current_a - costs.with_group(a, members)
                    if gain > 0 and (best is None or gain > best[0]):
                        best = (gain, None, gb)
                for b in members:
                    gain = (current_a + costs.with_group(b, members)
                            - costs.with_group(a, members, skip=b) - costs.with_group(b, groups[ga], skip=a))
                    if gain > 0 and (best is None or gain > best[0]):
                        best = (gain, b, gb)
            if best is None:
                continue
            _gain, b, gb = best
            groups[ga].remove(a)
            groups[gb].append(a)
            group_of[a] = gb
            if b is not None:
                groups[gb].remove(b)
                groups[ga].append(b)
                group_of[b] = ga
            improved = True
            if time.perf_counter() - started >= budget:
                break


def _proposal(people, groups, costs, met, earlier_groups, keep_order=False) -> Proposal:
    total_groups = len(groups)
    country_count = Counter(c for c in costs.country if c)
    sector_count = Counter(s for s in costs.sector if s)
    proof = _repeat_proof(people, groups, earlier_groups)
    result, repeats, total = [], 0, 0
    if not keep_order:
        groups = sorted(groups, key=lambda g: min((people[i].name.casefold(), people[i].key) for i in g))
    for members in groups:
        members = sorted(members, key=lambda i: (people[i].name.casefold(), people[i].key))
        cost = costs.group(members)
        total += cost
        met_pairs = [(a, b) for a, b in combinations(members, 2) if costs.met.get((a, b))]
        repeats += len(met_pairs)
        result.append(Group(members=[people[i] for i in members], cost=cost,
                            reason=_reason(people, members, costs, met_pairs, total_groups, country_count,
                                           sector_count, proof)))
    notes = []
    if len(people) < 6:
        notes.append(f"Only {len(people)} participant{'s' if len(people) != 1 else ''}: one group "
                     "(groups of 3–4 need at least 6, or exactly 3 or 4).")
    return Proposal(groups=result, total_cost=total, repeats=repeats, notes=notes)


def _repeat_proof(people, groups, earlier_groups) -> str:
    """Why a repeated pair cannot be avoided, when a pigeonhole argument proves it; else ""."""
    groups = [g for g in groups if g]
    if not groups:
        return ""
    if len(groups) == 1 and len(people) >= 2:
        return f"only {len(people)} participants, so everyone is in one group"
    present = {p.key for p in people}
    for earlier in earlier_groups:
        here = [k for k in earlier if k in present]
        if len(here) > len(groups):
            return (f"{len(here)} people who were in one earlier group need {len(here)} different groups, "
                    f"and there are {len(groups)}")
    smallest = min(len(g) for g in groups)
    covered = [set(k for k in earlier if k in present) for earlier in earlier_groups]
    covered = [c for c in covered if c]
    if covered and set().union(*covered) == present and len(covered) < smallest:
        return (f"everyone was in one of {len(covered)} earlier groups, and a group of {smallest} would need "
                f"{smallest} different ones")
    return ""


def _reason(people, members, costs, met_pairs, total_groups, country_count, sector_count, proof) -> str:
    countries = {costs.country[i] for i in members if costs.country[i]}
    sectors = {costs.sector[i] for i in members if costs.sector[i]}
    parts = [f"{len(countries)} countr{'y' if len(countries) == 1 else 'ies'}",
             f"{len(sectors)} sector{'' if len(sectors) == 1 else 's'}"]
    if not met_pairs:
        parts.append("no one met before")
    text = ", ".join(parts)
    extra = []
    for code, times in Counter(costs.country[i] for i in members if costs.country[i]).items():
        if times > 1:
            name = next(people[i].country_name or people[i].country for i in members if costs.country[i] == code)
            if country_count[code] > total_groups:
                extra.append(f"{times} from {name} ({country_count[code]} participants from {name} for "
                             f"{total_groups} group{'s' if total_groups != 1 else ''}: some must share)")
            else:
                extra.append(f"{times} from {name}")
    for a, b in met_pairs:
        who = f"{people[a].name or people[a].key} and {people[b].name or people[b].key} met before"
        if proof:
            extra.append(f"{who}: unavoidable ({proof})")
        else:
            extra.append(f"{who}: no arrangement found without it")
    if extra:
        text += "; " + "; ".join(extra)
    return text[:1].upper() + text[1:]
