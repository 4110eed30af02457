"""The radar picture's layout: for any radar of up to 150 blips, no two blips overlap and each lies wholly
inside its quadrant-ring segment; the same input gives the same places; nobody is dropped."""

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from campus.radars import layout

blips = st.integers(min_value=1, max_value=4).flatmap(lambda rings: st.tuples(
    st.just(rings),
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, rings - 1)), max_size=150),
))


def _check(places, entries, rings):
    assert len(places) == len(entries)
    for place, (_, _, quadrant, ring) in zip(places, entries):
        assert place.r > 0
        assert layout.inside(place.x, place.y, place.r, quadrant, ring, rings), (place, quadrant, ring)
    for a, b in itertools.combinations(places, 2):
        assert math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r - 1e-6, (a, b)


@settings(max_examples=60, deadline=None)
@given(blips, st.randoms(use_true_random=False))
def test_no_overlap_and_inside_the_segment(case, rnd):
    rings, cells = case
    ids = rnd.sample(range(1, 100_000), len(cells))
    entries = [(f"b{i}", item_id, q, r) for i, (item_id, (q, r)) in enumerate(zip(ids, cells))]
    places = layout.layout(entries, rings)
    _check(places, entries, rings)
    assert layout.layout(entries, rings) == places  # deterministic


def test_150_blips_in_the_innermost_segment_all_fit():
    entries = [(i, i, 0, 0) for i in range(150)]
    places = layout.layout(entries, 4)
    _check(places, entries, 4)
    assert places[0].r < layout.BLIP  # the crowded segment shrank its blips


def test_places_are_kept_as_other_blips_come_and_go():
    entries = [(i, i, i % 4, i % 3) for i in range(1, 30)]
    before = {p.key: (p.x, p.y) for p in layout.layout(entries, 4)}
    added = entries + [(100, 100, 1, 1), (101, 101, 2, 0)]
    after = {p.key: (p.x, p.y) for p in layout.layout(added, 4)}
    assert all(after[k] == v for k, v in before.items())


def test_inside_refuses_a_circle_over_an_edge():
    inner, outer = layout.ring_bounds(1, 4)
    mid = (inner + outer) / 2
    assert layout.inside(mid * math.cos(-math.pi / 4), mid * math.sin(-math.pi / 4), 5, 0, 1, 4)
    assert not layout.inside(mid * math.cos(-math.pi / 4), mid * math.sin(-math.pi / 4), 5, 1, 1, 4)
    assert not layout.inside(mid, -2, 5, 0, 1, 4)  # too near the boundary with quadrant 1
    assert not layout.inside(outer - 2, -outer * 0.01 - 6, 5, 0, 1, 4)  # over the ring's outer edge
