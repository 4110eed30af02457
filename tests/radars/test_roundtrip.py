"""Round trips keep every item, ring and quadrant: BYOR → ours → BYOR, Zalando → ours → Zalando,
Backstage → ours → Backstage (a fresh radar each time)."""

import csv
import io
import json

import pytest

from campus.radars import exporters, services
from campus.radars.importers import common, parse

pytestmark = pytest.mark.django_db

QUADRANTS = ["Technologies", "Business models and services", "Markets and regulation", "Skills and collaboration"]
RINGS = ["Adopt", "Trial", "Assess", "Hold"]


@pytest.fixture
def fresh(people, edition):
    """An empty radar whose first draft is removed by publishing nothing: imports need no draft."""
    radar = services.create_radar(actor=people["alice"], edition=edition, title="Fresh", first_edition="start")
    radar.editions.all().delete()
    return radar


def load(kind, data, radar, actor):
    parsed, dates = parse(kind, data, radar)
    assert not parsed.problems
    return common.commit(radar=radar, actor=actor, parsed=parsed, dates=dates)


def test_byor(fresh, people):
    rows = [(f"Item {n}", RINGS[n % 4], QUADRANTS[(n // 4) % 4]) for n in range(24)]
    text = "name,ring,quadrant,isNew,description\n" + "".join(f"{n},{r},{q},true,d\n" for n, r, q in rows)
    [edition] = load("byor-csv", text.encode(), fresh, people["alice"])
    back = list(csv.DictReader(io.StringIO(exporters.byor_csv(edition).decode("utf-8-sig"))))
    assert sorted((r["name"], r["ring"], r["quadrant"]) for r in back) == sorted(rows)


def test_zalando(fresh, people):
    entries = [{"quadrant": n % 4, "ring": (n // 4) % 4, "label": f"Z{n}", "active": True, "moved": 2, "link": ""}
               for n in range(20)]
    [edition] = load("zalando", json.dumps({"date": "2024-01", "entries": entries}).encode(), fresh, people["alice"])
    back = json.loads(exporters.zalando_json(edition))["entries"]
    key = lambda e: (e["label"], e["quadrant"], e["ring"])  # noqa: E731
    assert sorted(map(key, back)) == sorted(map(key, entries))


def test_backstage(fresh, people):
    quadrants = [{"id": f"q{n}", "name": name} for n, name in enumerate(QUADRANTS)]
    rings = [{"id": f"r{n}", "name": name} for n, name in enumerate(RINGS)]
    entries = [{"key": f"b{n}", "id": f"b{n}", "title": f"B{n}", "quadrant": f"q{n % 4}", "links": [],
                "description": "", "timeline": [{"date": "2024-06-01", "ringId": f"r{n % 3}", "moved": 0},
                                                {"date": "2023-06-01", "ringId": f"r{(n + 1) % 4}", "moved": 0}]}
               for n in range(12)]
    document = {"quadrants": quadrants, "rings": rings, "entries": entries}
    editions = load("backstage", json.dumps(document).encode(), fresh, people["alice"])
    assert len(editions) == 2
    back = json.loads(exporters.backstage_json(fresh))

    def shape(entries):
        return sorted((e["title"], e["quadrant"], tuple((t["date"], t["ringId"]) for t in e["timeline"]))
                      for e in entries)
    assert shape(back["entries"]) == shape(entries)
