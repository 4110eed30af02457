"""Exports: BYOR CSV and JSON, Zalando, Backstage and our own JSON; formulas neutralised, markup cleaned."""

import csv
import io
import json

import pytest

from campus.radars import exporters, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(radar, people):
    """A second edition: Digital twins moved in, Mentoring gone, a formula and a script added."""
    alice = people["alice"]
    edition = services.new_draft(radar=radar, actor=alice, name="2022-04")
    blip = edition.blips.get(item__name="Digital twins")
    services.update_blip(blip=blip, actor=alice, quadrant=0, ring=1, rationale='<b>ok</b><script>x()</script>')
    services.remove_blip(blip=edition.blips.get(item__name="Mentoring"), actor=alice)
    services.add_blip(edition=edition, actor=alice, name='=HYPERLINK("http://evil")', quadrant=1, ring=3)
    return edition


def test_byor_csv_neutralises_formulas_and_computes_status(draft):
    rows = list(csv.DictReader(io.StringIO(exporters.byor_csv(draft).decode("utf-8-sig"))))
    by_name = {r["name"]: r for r in rows}
    assert set(by_name) == {"Digital twins", "Open data", "'=HYPERLINK(\"http://evil\")"}
    assert by_name["Digital twins"]["status"] == "Moved In" and by_name["Digital twins"]["ring"] == "Trial"
    assert by_name["Digital twins"]["description"] == "<b>ok</b>"
    assert by_name["'=HYPERLINK(\"http://evil\")"]["isNew"] == "TRUE"
    assert by_name["Open data"]["status"] == "No Change"
    assert by_name["Open data"]["quadrant"] == "Markets and regulation"


def test_byor_json(draft):
    records = json.loads(exporters.byor_json(draft))
    assert {r["name"] for r in records} == {"Digital twins", "Open data", '=HYPERLINK("http://evil")'}


def test_zalando_json(draft):
    document = json.loads(exporters.zalando_json(draft))
    entries = {e["label"]: e for e in document["entries"]}
    assert document["date"] == "2022-04"
    assert entries["Digital twins"] == {"quadrant": 3, "ring": 1, "label": "Digital twins", "active": True,
                                        "moved": 1, "link": ""}
    assert entries["Open data"]["quadrant"] == 1 and entries['=HYPERLINK("http://evil")']["moved"] == 2


def test_backstage_json_has_the_full_timeline(draft):
    document = json.loads(exporters.backstage_json(draft.radar))
    entries = {e["title"]: e for e in document["entries"]}
    assert [(t["date"], t["ringId"]) for t in entries["Digital twins"]["timeline"]] == [
        ("2022-04-01", "r1"), ("2021-10-01", "r2")]
    assert [t["date"] for t in entries["Mentoring"]["timeline"]] == ["2021-10-01"]
    assert [r["name"] for r in document["rings"]] == ["Adopt", "Trial", "Assess", "Hold"]


def test_own_json_has_every_edition(draft):
    document = json.loads(exporters.own_json(draft.radar))
    assert [(e["name"], e["state"], len(e["blips"])) for e in document["editions"]] == [
        ("2021-10", "published", 3), ("2022-04", "draft", 3)]
    assert {b["item"]: b["movement"] for b in document["editions"][1]["blips"]}["Digital twins"] == "in"
