from types import SimpleNamespace

from campus.scanning import matrix


def _signal(n, impact, uncertainty):
    return SimpleNamespace(pk=n, title=f"<b>S{n}</b>", impact=impact, uncertainty=uncertainty)


def test_points_never_overlap_within_a_cell_and_stay_in_the_plot():
    signals = [_signal(n, 5, 1) for n in range(16)] + [_signal(100 + n, i, u) for n, (i, u) in
                                                         enumerate((i, u) for i in range(1, 6) for u in range(1, 6))]
    placed = matrix.points(signals)
    spots = {(p["x"], p["y"]) for p in placed}
    assert len(spots) == len(signals)
    assert all(matrix.PAD < p["x"] < matrix.SIZE - matrix.PAD and matrix.PAD < p["y"] < matrix.SIZE - matrix.PAD
               for p in placed)
    assert placed[0]["quadrant"].startswith("High impact, low uncertainty")


def test_svg_has_a_title_and_escapes_titles():
    svg = matrix.svg(matrix.points([_signal(1, 2, 5)]))
    assert '<title id="matrix-title">' in svg and "&lt;b&gt;S1&lt;/b&gt;" in svg and "<b>" not in svg


def test_a_crowded_cell_shrinks_the_dots_and_keeps_them_apart():
    placed = matrix.points([_signal(n, 3, 3) for n in range(50)])
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            assert ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5 > a["r"] + b["r"]
