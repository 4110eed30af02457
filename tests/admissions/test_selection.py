"""The selection assistant's solver (pure, no database): optimality against brute force, edge cases, reasons."""

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campus.admissions.selection import ADMIT, NONE, WAITLIST, Candidate, ordinal, propose

NAMES = {"EE": "Estonia", "FI": "Finland", "SE": "Sweden", "DE": "Germany", "LV": "Latvia", "PL": "Poland"}


def name(code):
    return NAMES.get(code, code)


def c(pk, score, country, eligible=True):
    return Candidate(application_id=pk, score=score, country=country, eligible=eligible, label=f"A{pk}")


def brute_force(candidates, *, capacity, required, max_per_country):
    """The best (countries covered, places filled, total) over every subset: the definition, searched exhaustively."""
    admissible = [x for x in candidates if x.eligible and x.score is not None]
    present = {x.country for x in admissible} & required
    best = None
    for size in range(0, min(capacity, len(admissible)) + 1):
        for subset in combinations(admissible, size):
            counts = {}
            for x in subset:
                counts[x.country] = counts.get(x.country, 0) + 1
            if max_per_country is not None and any(n > max_per_country for n in counts.values()):
                continue
            key = (len(present & set(counts)), size, round(sum(x.score for x in subset), 6))
            if best is None or key > best:
                best = key
    return best


candidate_lists = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(min_value=10, max_value=50).map(lambda n: n / 10)),  # 1.0 .. 5.0
        st.sampled_from(["EE", "FI", "SE", "DE", "LV"]),
        st.booleans() | st.just(True),
    ),
    max_size=9,
)


@settings(max_examples=400, deadline=None)
@given(
    rows=candidate_lists,
    capacity=st.integers(min_value=0, max_value=6),
    required=st.sets(st.sampled_from(["EE", "FI", "SE", "DE", "LV", "PL"])),
    max_per_country=st.one_of(st.none(), st.integers(min_value=1, max_value=4)),
)
@pytest.mark.slow
def test_the_proposal_is_optimal_like_brute_force(rows, capacity, required, max_per_country):
    candidates = [c(pk, score, country, eligible) for pk, (score, country, eligible) in enumerate(rows, start=1)]
    proposal = propose(candidates, capacity=capacity, required_countries=required, max_per_country=max_per_country)
    admitted = [p.candidate for p in proposal.admits]
    counts = {}
    for x in admitted:
        counts[x.country] = counts.get(x.country, 0) + 1
    present = {x.country for x in candidates if x.eligible and x.score is not None} & required
    expected = brute_force(candidates, capacity=capacity, required=required, max_per_country=max_per_country)
    assert (len(present & set(counts)), len(admitted), proposal.total) == expected
    # the rules hold, and everyone is placed exactly once
    assert len(admitted) <= capacity
    assert all(x.eligible and x.score is not None for x in admitted)
    assert max_per_country is None or all(n <= max_per_country for n in counts.values())
    assert sorted(p.candidate.application_id for p in proposal.placements) == [x.application_id for x in candidates]
    # the waitlist: every remaining eligible, scored candidate, by score then id
    waitlisted = [p.candidate for p in proposal.waitlist]
    assert waitlisted == sorted(waitlisted, key=lambda x: (-x.score, x.application_id))
    assert len(waitlisted) == sum(1 for x in candidates if x.eligible and x.score is not None) - len(admitted)
    assert [p.rank for p in proposal.waitlist] == list(range(1, len(waitlisted) + 1))
    assert proposal.feasible == (len(admitted) == capacity and not present - set(counts))
    # infeasibility is said, never silent
    if len(admitted) < capacity or present - set(counts):
        assert proposal.notes
    else:
        assert not [n for n in proposal.notes if "places" in n]


def test_required_country_displaces_a_better_score_and_says_why():
    candidates = [c(1, 4.8, "FI"), c(2, 4.6, "FI"), c(3, 4.4, "SE"), c(4, 3.9, "EE"), c(5, 3.5, "FI")]
    proposal = propose(candidates, capacity=3, required_countries={"EE", "FI", "SE"}, max_per_country=None,
                       country_name=name)
    assert [p.candidate.application_id for p in proposal.admits] == [1, 3, 4]
    reasons = {p.candidate.application_id: p.reason for p in proposal.placements}
    assert reasons[1] == "Admitted with the 1st best score (4.8 of 5)"
    assert reasons[3] == "Admitted with the 3rd best score (4.4 of 5)"
    assert reasons[4] == "Admitted to give Estonia a participant: the best score from Estonia (3.9 of 5)"
    assert reasons[2] == "1st on the waitlist (score 4.6 of 5); not admitted because places went to give required countries a participant"
    assert reasons[5] == "2nd on the waitlist (score 3.5 of 5)"
    assert proposal.total == pytest.approx(4.8 + 4.4 + 3.9)
    assert proposal.feasible and proposal.covered == ["EE", "FI", "SE"]


def test_maximum_per_country_and_its_reason():
    candidates = [c(1, 5, "FI"), c(2, 4.9, "FI"), c(3, 4.8, "FI"), c(4, 4.7, "FI"), c(5, 3.0, "SE")]
    proposal = propose(candidates, capacity=4, required_countries=set(), max_per_country=3, country_name=name)
    assert [p.candidate.application_id for p in proposal.admits] == [1, 2, 3, 5]
    assert proposal.waitlist[0].reason == "1st on the waitlist (score 4.7 of 5); not admitted because Finland already has the maximum of 3"


def test_all_from_one_country_with_a_limit_fills_what_it_may_and_says_so():
    candidates = [c(pk, 5 - pk / 10, "FI") for pk in range(1, 8)]
    proposal = propose(candidates, capacity=5, required_countries={"FI", "EE"}, max_per_country=2, country_name=name)
    assert [p.candidate.application_id for p in proposal.admits] == [1, 2]
    assert proposal.filled == 2
    assert any("Only 2 of the 5 places" in note and "at most 2 per country" in note for note in proposal.notes)
    assert [p.outcome for p in proposal.waitlist] == [WAITLIST] * 5


def test_more_required_countries_than_places_covers_the_best_countries():
    candidates = [c(1, 4.0, "EE"), c(2, 4.5, "FI"), c(3, 3.0, "SE"), c(4, 4.9, "FI")]
    proposal = propose(candidates, capacity=2, required_countries={"EE", "FI", "SE"}, max_per_country=None,
                       country_name=name)
    assert [p.candidate.application_id for p in proposal.admits] == [4, 1]
    assert proposal.uncovered == ["SE"]
    assert "no participant from Sweden" in proposal.notes[0]
    assert not proposal.feasible


def test_capacity_larger_than_candidates():
    candidates = [c(1, 3.0, "FI"), c(2, None, "SE"), c(3, 4.0, "EE", eligible=False)]
    proposal = propose(candidates, capacity=20, required_countries={"FI", "SE", "EE"}, max_per_country=None,
                       country_name=name)
    assert [p.candidate.application_id for p in proposal.admits] == [1]
    assert proposal.waitlist == []
    reasons = {p.candidate.application_id: p.reason for p in proposal.rest}
    assert reasons == {2: "Not proposed: no reviews yet", 3: "Not proposed: not eligible"}
    assert any("Only 1 of the 20 places" in note for note in proposal.notes)
    assert any("Sweden gets no participant until they are reviewed" in note for note in proposal.notes)


def test_no_scores_at_all():
    candidates = [c(1, None, "FI"), c(2, None, "SE")]
    proposal = propose(candidates, capacity=20, required_countries={"FI"}, max_per_country=3)
    assert proposal.admits == [] and proposal.waitlist == [] and proposal.total == 0
    assert all(p.outcome == NONE and p.reason == "Not proposed: no reviews yet" for p in proposal.rest)


def test_ties_are_broken_by_application_id_whatever_the_input_order():
    candidates = [c(7, 4.0, "FI"), c(3, 4.0, "FI"), c(5, 4.0, "FI"), c(1, 4.0, "FI")]
    for order in (candidates, list(reversed(candidates))):
        proposal = propose(order, capacity=2, required_countries=set(), max_per_country=None)
        assert [p.candidate.application_id for p in proposal.admits] == [1, 3]
        assert [p.candidate.application_id for p in proposal.waitlist] == [5, 7]


def test_tie_for_a_required_country_takes_the_earlier_application():
    candidates = [c(9, 3.5, "EE"), c(4, 3.5, "EE"), c(1, 5.0, "FI")]
    proposal = propose(candidates, capacity=2, required_countries={"EE"}, max_per_country=None)
    assert [p.candidate.application_id for p in proposal.admits] == [1, 4]


def test_waitlist_size_cuts_the_list_and_the_rest_says_so():
    candidates = [c(pk, 5 - pk / 10, "FI") for pk in range(1, 7)]
    proposal = propose(candidates, capacity=2, required_countries=set(), max_per_country=None, waitlist_size=2)
    assert [p.candidate.application_id for p in proposal.waitlist] == [3, 4]
    assert [p.reason for p in proposal.rest] == ["Not proposed: score 4.5 of 5, below the waitlist of 2",
                                                 "Not proposed: score 4.4 of 5, below the waitlist of 2"]


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        propose([], capacity=2, required_countries=set(), max_per_country=0)
    with pytest.raises(ValueError):
        propose([], capacity=-1, required_countries=set(), max_per_country=None)
    with pytest.raises(ValueError):
        propose([c(1, 3, "FI"), c(1, 4, "SE")], capacity=2, required_countries=set(), max_per_country=None)


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]


def test_outcomes_are_labelled():
    proposal = propose([c(1, 3, "FI"), c(2, 2, "FI")], capacity=1, required_countries=set(), max_per_country=None)
    assert [p.outcome for p in proposal.placements] == [ADMIT, WAITLIST]


# --- the rules: a minimum score, and no "No" ----------------------------------------------------------------


def test_a_minimum_score_keeps_low_scores_out_of_both_lists_and_says_why():
    candidates = [c(1, 4.5, "FI"), c(2, 1.0, "EE"), c(3, 2.9, "SE"), c(4, 3.0, "LV")]
    proposal = propose(candidates, capacity=3, required_countries={"EE", "SE"}, max_per_country=None, min_score=3.0,
                       country_name=name)
    assert [p.candidate.application_id for p in proposal.admits] == [1, 4]  # 3.0 is enough; EE and SE are not
    assert proposal.waitlist == []
    reasons = {p.candidate.application_id: p.reason for p in proposal.rest}
    assert reasons[2] == "Not proposed: score 1 of 5 is below the minimum of 3"
    assert reasons[3] == "Not proposed: score 2.9 of 5 is below the minimum of 3"
    assert "Only 2 of the 3 places can be filled: there are only 2 eligible applicants who meet the rules " \
           "(2 with a score do not)." in proposal.notes


def test_a_no_recommendation_keeps_the_applicant_out_only_when_the_rule_is_on():
    no = Candidate(application_id=2, score=1.0, country="EE", eligible=True, label="A2", recommended_no=True)
    candidates = [c(1, 4.5, "FI"), no]
    without = propose(candidates, capacity=2, required_countries={"EE"}, max_per_country=None)
    assert [p.candidate.application_id for p in without.admits] == [1, 2]  # what the issue complained of
    proposal = propose(candidates, capacity=2, required_countries={"EE"}, max_per_country=None, exclude_no=True,
                       country_name=name)
    assert [p.candidate.application_id for p in proposal.admits] == [1]
    assert proposal.rest[0].reason == "Not proposed: a reviewer recommends “No” (score 1 of 5)"
