"""The selection assistant's solver: a pure function from scored candidates to a proposal (no database).

The problem
-----------
Only eligible candidates with a score that pass the manager's rules can be admitted (the rules: a minimum
score, and "no reviewer recommends No"; each optional; a candidate who fails one is "not proposed" with the
rule named). Among them, choose at most ``capacity`` admits so that

1. every country of ``required_countries`` that has an eligible, scored candidate gets at least one admit
   (when there are more such countries than places, as many of them as there are places: the countries whose
   best applicant scores highest);
2. no country has more than ``max_per_country`` admits (``None``: no limit);

and, among the selections that satisfy these, fill as many places as the limits allow and maximise the total
score of the admits. (The order of these goals is lexicographic: countries covered, places filled, total.)

The method (exact, not a heuristic)
-----------------------------------
If a selection covers a required country with someone who is not that country's best applicant, swapping in
the best one keeps every rule and does not lower the total. So some optimal selection holds the best applicant
of every covered required country: those are fixed first. The remaining places under "at most K per country,
at most N in all" form a matroid (a truncated partition matroid), on which taking the remaining candidates in
descending score order whenever they fit is optimal. ``tests/admissions/test_selection.py`` checks the totals
against a brute-force search over every subset of many small random instances.

Ties are broken deterministically: by score (higher first), then by application id (lower first, i.e. the
earlier application). The same order ranks the waitlist.

The waitlist is kept simple on purpose: the best remaining eligible, scored candidates ranked by score, with no
country rule (a person promoted from it may therefore exceed the per-country limit; the manager decides).
``waitlist_size`` ``None`` means every remaining eligible, scored candidate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ADMIT, WAITLIST, NONE = "admit", "waitlist", "none"

# The countries around the Baltic Sea (the EU Strategy for the Baltic Sea Region: eight EU member states, plus
# Norway and Iceland as partners). No edition holds this list as data yet; the edition's eligibility rules narrow
# it (see required_countries).
BALTIC_SEA_COUNTRIES = frozenset({"DK", "EE", "FI", "DE", "LV", "LT", "PL", "SE", "NO", "IS"})


def required_countries(requirements) -> set[str]:
    """The countries that must each get a participant: the Baltic Sea countries where an applicant can be
    eligible. ``requirements``: the edition's (code, text) pairs; with "eu-resident" (as in the seed edition)
    only the EU member states among them (eligibility.EU_MEMBER_STATES), i.e. DK EE FI DE LV LT PL SE.
    An applicant's country is their country of residence (Application.country)."""
    from campus.applications.eligibility import EU_MEMBER_STATES  # a constant: still no database

    codes = {code for code, _text in requirements}
    if "eu-resident" in codes:
        return set(BALTIC_SEA_COUNTRIES & EU_MEMBER_STATES)
    return set(BALTIC_SEA_COUNTRIES)


@dataclass(frozen=True)
class Candidate:
    application_id: int
    score: float | None
    country: str  # ISO code ("" when unknown)
    eligible: bool
    label: str  # how people are named in the reasons (e.g. "BSR20-0007 Aino Virtanen")
    eligibility: str = ""  # the eligibility in words, for "not eligible" reasons (e.g. "Needs a check")
    recommended_no: bool = False  # a reviewer recommends "No"


@dataclass
class Placement:
    candidate: Candidate
    outcome: str  # ADMIT, WAITLIST or NONE
    rank: int | None  # 1-based place in its list (admits by score order, waitlist rank)
    reason: str
    forced: bool = False  # admitted to give a required country a participant


@dataclass
class Proposal:
    admits: list[Placement]
    waitlist: list[Placement]
    rest: list[Placement]
    capacity: int
    required_countries: set[str]
    max_per_country: int | None
    total: float
    notes: list[str] = field(default_factory=list)  # infeasibility and other things the manager must know
    covered: list[str] = field(default_factory=list)  # required countries that get a participant
    uncovered: list[str] = field(default_factory=list)  # required countries with eligible applicants left out

    @property
    def placements(self) -> list[Placement]:
        return [*self.admits, *self.waitlist, *self.rest]

    def by_id(self) -> dict[int, Placement]:
        return {p.candidate.application_id: p for p in self.placements}

    @property
    def filled(self) -> int:
        return len(self.admits)

    @property
    def feasible(self) -> bool:
        """Every place filled and every required country (with an eligible, scored applicant) covered."""
        return not self.uncovered and self.filled == self.capacity


def order_key(candidate: Candidate):
    """Higher score first, then lower application id (documented tie-break)."""
    return (-(candidate.score or 0.0), candidate.application_id)


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fmt(score: float) -> str:
    """A score in words: at most two decimals, no trailing zeros (4.6, 3.75, 4)."""
    return f"{score:.2f}".rstrip("0").rstrip(".")


def of5(score: float) -> str:
    """A score as people read it: "4.6 of 5"."""
    return f"{fmt(score)} of 5"


def _failed_rule(candidate: Candidate, *, min_score, exclude_no) -> str:
    """Why the rules keep an eligible, scored candidate out ("" when they pass)."""
    if min_score is not None and candidate.score < min_score:
        return f"Not proposed: score {of5(candidate.score)} is below the minimum of {fmt(min_score)}"
    if exclude_no and candidate.recommended_no:
        return f"Not proposed: a reviewer recommends “No” (score {of5(candidate.score)})"
    return ""


def _best_subset(admissible, *, capacity, required, max_per_country):
    """The optimal admits (a list in ``order_key`` order) and the set of forced ids."""
    best_of: dict[str, Candidate] = {}
    for candidate in admissible:  # already in order: the first seen is the country's best
        best_of.setdefault(candidate.country, candidate)
    required_present = [c for c in sorted(required) if c in best_of]
    # when places are short, cover the countries whose best applicant scores highest
    required_present.sort(key=lambda c: order_key(best_of[c]))
    covered = required_present[:capacity]
    forced = [best_of[c] for c in covered]
    chosen_ids = {c.application_id for c in forced}
    per_country: dict[str, int] = {}
    for candidate in forced:
        per_country[candidate.country] = per_country.get(candidate.country, 0) + 1
    chosen = list(forced)
    for candidate in admissible:
        if len(chosen) >= capacity:
            break
        if candidate.application_id in chosen_ids:
            continue
        if max_per_country is not None and per_country.get(candidate.country, 0) >= max_per_country:
            continue
        chosen.append(candidate)
        chosen_ids.add(candidate.application_id)
        per_country[candidate.country] = per_country.get(candidate.country, 0) + 1
    chosen.sort(key=order_key)
    return chosen, {c.application_id for c in forced}, covered


def _notes(candidates, admissible, chosen, covered, *, required, capacity, max_per_country, n_failed,
           country_name) -> tuple[list[str], list[str]]:
    """What the manager must know about the proposal (places left empty, countries left out), and the
    required countries with an admissible applicant that get no participant."""
    notes = []
    present = {c.country for c in admissible}
    required_present = sorted(c for c in required if c in present)
    uncovered = [c for c in required_present if c not in covered]
    if uncovered:
        notes.append(
            f"{len(required_present)} required countries have eligible applicants but there "
            f"{'is' if capacity == 1 else 'are'} only {capacity} place{'s' if capacity != 1 else ''}: "
            f"no participant from {', '.join(country_name(c) for c in uncovered)}."
        )
    if len(chosen) < capacity:
        if max_per_country is not None and len(chosen) < len(admissible):
            notes.append(
                f"Only {len(chosen)} of the {capacity} places can be filled: at most {max_per_country} per country "
                f"allows no more from the eligible, scored applicants."
            )
        else:
            rules = (f" who meet the rules ({n_failed} with a score do not)") if n_failed else " with a score"
            notes.append(
                f"Only {len(chosen)} of the {capacity} places can be filled: there "
                f"{'is' if len(admissible) == 1 else 'are'} only {len(admissible)} eligible applicant"
                f"{'' if len(admissible) == 1 else 's'}{rules}."
            )
    unscored_required = sorted(
        {c.country for c in candidates if c.eligible and c.score is None and c.country in required} - present
    )
    if unscored_required:
        notes.append(
            "Eligible applicants without a score cannot be proposed, so "
            f"{', '.join(country_name(c) for c in unscored_required)} "
            f"{'gets' if len(unscored_required) == 1 else 'get'} no participant until they are reviewed."
        )
    return notes, uncovered


def _waitlist(ranked, chosen, per_country, *, capacity, max_per_country, country_name) -> list[Placement]:
    """The waitlist in score order; the reason says why someone who beats the last admit is not admitted."""
    lowest_admitted = chosen[-1] if chosen else None
    waitlist = []
    for rank, candidate in enumerate(ranked, start=1):
        reason = f"{ordinal(rank)} on the waitlist (score {of5(candidate.score)})"
        beats_last = lowest_admitted is not None and order_key(candidate) < order_key(lowest_admitted)
        at_limit = max_per_country is not None and per_country.get(candidate.country, 0) >= max_per_country
        if at_limit and (beats_last or len(chosen) < capacity):
            reason += (f"; not admitted because {country_name(candidate.country)} already has the maximum of "
                       f"{max_per_country}")
        elif beats_last:
            reason += "; not admitted because places went to give required countries a participant"
        waitlist.append(Placement(candidate, WAITLIST, rank, reason))
    return waitlist


def _not_proposed(candidates, below, *, limit, failed, reasons) -> list[Placement]:
    """Everyone in neither list, each with the reason: below the waitlist, a rule, not eligible, no score."""
    rest = [Placement(c, NONE, None, f"Not proposed: score {of5(c.score)}, below the waitlist of {limit}")
            for c in below]
    rest += [Placement(c, NONE, None, reasons[c.application_id]) for c in failed]
    others = sorted((c for c in candidates if not (c.eligible and c.score is not None)),
                    key=lambda c: (not c.eligible, c.score is not None, order_key(c)))
    for candidate in others:
        if not candidate.eligible:
            words = "not eligible" + (f" ({candidate.eligibility})" if candidate.eligibility else "")
            rest.append(Placement(candidate, NONE, None, f"Not proposed: {words}"))
        else:
            rest.append(Placement(candidate, NONE, None, "Not proposed: no reviews yet"))
    return rest


def propose(
    candidates: list[Candidate],
    *,
    capacity: int,
    required_countries: set[str],
    max_per_country: int | None,
    waitlist_size: int | None = None,
    min_score: float | None = None,
    exclude_no: bool = False,
    country_name=lambda code: code or "an unknown country",
) -> Proposal:
    """The admits, the ranked waitlist and the rest, each with a plain-language reason (see the module notes).

    ``country_name`` turns a country code into words for the reasons (the view passes django_countries').
    ``min_score`` (None: none) and ``exclude_no`` (leave out anyone a reviewer recommends "No") are the rules
    that keep eligible, scored candidates out of both lists.
    """
    if capacity < 0:
        raise ValueError("capacity must not be negative")
    if max_per_country is not None and max_per_country < 1:
        raise ValueError("max_per_country must be at least 1 (or None for no limit)")
    if waitlist_size is not None and waitlist_size < 0:
        raise ValueError("waitlist_size must not be negative")
    required = {c for c in required_countries if c}

    ids = [c.application_id for c in candidates]
    if len(ids) != len(set(ids)):
        raise ValueError("every candidate needs its own application_id")

    scored = [c for c in candidates if c.eligible and c.score is not None]
    failed = {c.application_id: _failed_rule(c, min_score=min_score, exclude_no=exclude_no) for c in scored}
    admissible = sorted((c for c in scored if not failed[c.application_id]), key=order_key)
    score_rank = {c.application_id: i for i, c in enumerate(admissible, start=1)}

    chosen, forced_ids, covered = _best_subset(
        admissible, capacity=capacity, required=required, max_per_country=max_per_country
    )
    # what a pure score ranking under the country limit would take: reasons say "best score" for those
    unforced, _, _ = _best_subset(admissible, capacity=capacity, required=set(), max_per_country=max_per_country)
    unforced_ids = {c.application_id for c in unforced}
    chosen_ids = {c.application_id for c in chosen}
    per_country: dict[str, int] = {}
    for candidate in chosen:
        per_country[candidate.country] = per_country.get(candidate.country, 0) + 1

    admits = []
    for rank, candidate in enumerate(chosen, start=1):
        name = country_name(candidate.country)
        if candidate.application_id in forced_ids and candidate.application_id not in unforced_ids:
            reason = (f"Admitted to give {name} a participant: the best score from {name} "
                      f"({of5(candidate.score)})")
            forced = True
        else:
            reason = (f"Admitted with the {ordinal(score_rank[candidate.application_id])} best score "
                      f"({of5(candidate.score)})")
            forced = candidate.application_id in forced_ids
        admits.append(Placement(candidate, ADMIT, rank, reason, forced=forced))

    remaining = [c for c in admissible if c.application_id not in chosen_ids]
    limit = len(remaining) if waitlist_size is None else waitlist_size
    waitlist = _waitlist(remaining[:limit], chosen, per_country, capacity=capacity,
                         max_per_country=max_per_country, country_name=country_name)

    rest = _not_proposed(candidates, remaining[limit:], limit=limit,
                         failed=sorted((c for c in scored if failed[c.application_id]), key=order_key),
                         reasons=failed)

    notes, uncovered = _notes(candidates, admissible, chosen, covered, required=required, capacity=capacity,
                              max_per_country=max_per_country, n_failed=sum(1 for r in failed.values() if r),
                              country_name=country_name)

    return Proposal(admits=admits, waitlist=waitlist, rest=rest, capacity=capacity, required_countries=required,
                    max_per_country=max_per_country, total=round(sum(c.score for c in chosen), 6), notes=notes,
                    covered=sorted(covered), uncovered=uncovered)
