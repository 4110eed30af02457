"""The radar of 150 blips (issue 14): the SVG picture (layout + rendering; target under 200 ms) and the list view
(the grouped list, the filters and the picture rendered through the page's template), in-process.

The blips are spread over the 16 segments unevenly (half of them in three crowded segments), with every kind of
movement. No database: the objects are built in memory (the radar page's queries are a fixed number, pinned by
tests/radars/test_pages.py). Prints the median of RUNS runs and, with OUT_DIR, writes OUT_DIR/radars_render.json.

Usage: python bench/radars_render.py [OUT_DIR] [RUNS]
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace as NS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")

import django  # noqa: E402

django.setup()

from django.template.loader import render_to_string  # noqa: E402

from campus.radars import selectors, svg  # noqa: E402
from campus.radars.forms import FilterForm  # noqa: E402
from campus.radars.models import DEFAULT_QUADRANTS, DEFAULT_RINGS  # noqa: E402

SVG_TARGET_MS = 200
BLIPS = 150


def radar(n: int):
    rng = random.Random(14)
    quadrants = [NS(pk=i + 1, position=i, name=name, description="") for i, (name, _) in enumerate(DEFAULT_QUADRANTS)]
    rings = [NS(pk=i + 1, position=i, name=name, colour=c) for i, (name, _, c) in enumerate(DEFAULT_RINGS)]
    blips = []
    for i in range(n):
        crowded = i % 2 == 0
        q = quadrants[(i // 2) % 3 if crowded else rng.randrange(4)]
        r = rings[(i // 2) % 3 if crowded else rng.randrange(4)]
        item = NS(pk=1000 + i, name=f"Technology {i:03d}", tags=f"t{i % 5}", tag_list=[f"t{i % 5}"])
        blips.append(NS(pk=i + 1, item_id=item.pk, item=item, quadrant=q, ring=r, quadrant_id=q.pk, ring_id=r.pk,
                        rationale="Why it matters to the cluster " * 3, origin_label="", origin_url=""))
    blips.sort(key=lambda b: (b.quadrant.position, b.ring.position, b.item.name))
    rows = [selectors.BlipRow(blip=b, number=k, movement=selectors.Movement.ALL[k % 4]) for k, b in enumerate(blips, 1)]
    return NS(pk=1, title="Bench radar"), quadrants, rings, rows


def timed(func, runs: int) -> float:
    func()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(out: Path | None, runs: int) -> None:
    the_radar, quadrants, rings, rows = radar(BLIPS)
    edition = NS(pk=1, name="2021-10", is_draft=False, published_at=None)

    def picture():
        return svg.render(radar=the_radar, edition=edition, rows=rows, quadrants=quadrants, rings=rings)

    def listing():
        form = FilterForm({}, quadrants=quadrants, rings=rings, tags=selectors.all_tags(rows))
        shown = selectors.filter_rows(rows, **form.values())
        return render_to_string("radars/_radar_body.html", {
            "radar": the_radar, "editions": [edition], "edition": edition, "rows": rows, "shown": shown,
            "filtered": False, "groups": selectors.grouped(shown, quadrants, rings), "filter_form": form,
            "picture": picture(), "link_items": False, "csrf_token": "x"})

    svg_ms, list_ms = timed(picture, runs), timed(listing, runs)
    result = {"blips": BLIPS, "runs": runs, "svg_ms": round(svg_ms, 1), "svg_target_ms": SVG_TARGET_MS,
              "svg_ok": svg_ms < SVG_TARGET_MS, "list_ms": round(list_ms, 1)}
    print(f"radar SVG, {BLIPS} blips: {svg_ms:.1f} ms (median of {runs}; target {SVG_TARGET_MS} ms: "
          f"{'met' if result['svg_ok'] else 'MISSED'})")
    print(f"radar list view (grouped list + filters + picture), {BLIPS} blips: {list_ms:.1f} ms (median of {runs})")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "radars_render.json").write_text(json.dumps(result, indent=2) + "\n")
    if not result["svg_ok"]:
        sys.exit(1)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None, int(sys.argv[2]) if len(sys.argv) > 2 else 9)
