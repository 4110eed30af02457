"""The strategy map: for 1..12 objectives with up to 8 actions and indicators each, long titles included, no two
boxes overlap, every box and line lies inside the canvas, every line of text fits its box; the SVG has a title, a
description, and the full text of a cut title in its box's <title>."""

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from campus.strategy import svg

words = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x24F), min_size=1,
                max_size=30)
titles = st.lists(words, min_size=1, max_size=40).map(" ".join)
items = st.lists(st.tuples(titles, titles), max_size=8)
objectives = st.lists(st.tuples(titles, items, items), min_size=1, max_size=12)


def _overlap(a, b) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def check(data):
    plan = svg.layout(data)
    for box in plan.boxes:
        assert 0 <= box.x and box.x + box.w <= plan.width, box
        assert 0 <= box.y and box.y + box.h <= plan.height, box
        per_line = int((box.w - 2 * svg.PAD) // svg.CHAR_W)
        assert all(len(line) <= per_line for line in box.lines), box.lines
        needed = len(box.lines) * svg.LINE_H + (svg.LINE_H if box.meta else 0)
        assert needed <= box.h, box
    for i, a in enumerate(plan.boxes):
        for b in plan.boxes[i + 1:]:
            assert not _overlap(a, b), (a, b)
    for x1, y1, x2, y2 in plan.edges:
        assert 0 <= min(x1, x2) and max(x1, x2) <= plan.width and 0 <= min(y1, y2) and max(y1, y2) <= plan.height
    assert len(plan.boxes) == sum(1 + len(a) + len(i) for _, a, i in data)
    assert len(plan.edges) == sum(len(a) + len(i) for _, a, i in data)
    return plan


@settings(max_examples=60, deadline=None)
@given(objectives)
def test_no_overlap_inside_the_canvas(data):
    check(data)


def test_the_largest_map():
    long = "A strategic objective with a very long title that goes on " * 4
    data = [(f"{n} {long}", [(f"Action {k} {long}", "In progress · Cluster manager") for k in range(8)],
             [(f"Indicator {k} {long}", "40 % of the way") for k in range(8)]) for n in range(12)]
    plan = check(data)
    cut = [b for b in plan.boxes if b.lines[-1].endswith("…")]
    assert cut and all(b.full.startswith(b.lines[0]) for b in cut)


def test_svg_is_well_formed_and_labelled():
    data = [("Grow <exports> & jobs " * 6, [("Workshops “A”", "Planned")], [("Joint projects", "no check-in yet")])]
    text = svg.render(data, title="Vaasa & <Energy>")
    root = ET.fromstring(text)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "strategy-map-title strategy-map-desc"
    assert root.find(f"{ns}title").text == "Strategy map: Vaasa & <Energy>"
    assert root.find(f"{ns}desc").text.startswith("1 objective, each joined")
    tooltips = [t.text for t in root.iter(f"{ns}title")]
    assert any(t and t.startswith("Grow <exports> & jobs Grow") for t in tooltips)  # the full title
    assert svg.render(data, title="x") == svg.render(data, title="x")  # deterministic


def test_an_empty_map_says_so():
    assert "No objective yet." in svg.render([], title="Empty")
