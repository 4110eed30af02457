"""Zalando, Backstage and AOE imports: positions, timelines as editions, and a safe zip."""

import io
import json
import zipfile

import pytest

from campus.radars.importers import ImportRefused, aoe, common, parse
from campus.radars.models import Blip, EditionState

pytestmark = pytest.mark.django_db


def zalando(*entries, date="2023-05"):
    return json.dumps({"date": date, "entries": list(entries)}).encode()


def test_zalando_quadrants_count_clockwise_from_bottom_right(radar, people):
    data = zalando({"quadrant": 0, "ring": 0, "label": "BR", "active": True, "moved": 0, "link": "https://x.org"},
                   {"quadrant": 1, "ring": 3, "label": "BL", "active": True, "moved": 2},
                   {"quadrant": 2, "ring": 1, "label": "TL", "moved": -1},
                   {"quadrant": 3, "ring": 2, "label": "TR", "moved": 1})
    parsed, dates = parse("zalando", data, radar)
    assert not parsed.problems
    [edition] = common.commit(radar=radar, actor=people["alice"], parsed=parsed, dates=dates)
    assert edition.name == "2023-05" and edition.state == EditionState.DRAFT
    blips = edition.blips.select_related("item", "quadrant", "ring")
    got = {b.item.name: (b.quadrant.position, b.ring.position) for b in blips}
    # ours: 0 top right, 1 bottom right, 2 bottom left, 3 top left
    assert got == {"BR": (1, 0), "BL": (2, 3), "TL": (3, 1), "TR": (0, 2)}


def test_zalando_bad_entries_are_reported(radar):
    data = zalando({"quadrant": 4, "ring": 0, "label": "A"}, {"quadrant": 0, "ring": 9, "label": "B"},
                   {"quadrant": 0, "ring": 0, "label": "C", "moved": 7}, {"quadrant": 0, "ring": 0, "label": ""},
                   "text", {"quadrant": 0, "ring": 0, "label": "c"}, {"quadrant": True, "ring": 0, "label": "D"})
    parsed, _ = parse("zalando", data, radar)
    assert [p.line for p in parsed.problems] == [1, 2, 3, 4, 5, 7]
    assert [p.reason for p in parsed.problems][:3] == [
        "Unknown quadrant “4”.", "Unknown ring “9”.", "Unknown “moved” value “7”."]
    assert [r.name for r in parsed.editions[0].rows] == ["c"]


def test_zalando_not_an_object_is_refused(radar):
    with pytest.raises(ImportRefused):
        parse("zalando", b"[1, 2]", radar)


BACKSTAGE = {
    "quadrants": [{"id": "tech", "name": "Technologies"}, {"id": "biz", "name": "Business models and services"}],
    "rings": [{"id": "adopt", "name": "Adopt"}, {"id": "trial", "name": "Trial"}, {"id": "hold", "name": "HOLD"}],
    "entries": [
        {"key": "k8s", "id": "k8s", "title": "Kubernetes", "quadrant": "tech", "description": "<i>ok</i>",
         "links": [{"url": "https://k8s.io", "title": "site"}],
         "timeline": [{"date": "2022-01-01", "ringId": "adopt", "moved": 1},
                      {"date": "2021-01-01", "ringId": "trial", "moved": 0}]},
        {"key": "co", "id": "co", "title": "Coworking", "quadrant": "biz", "timeline": [
            {"date": "2021-01-01", "ringId": "hold", "moved": 0}]},
        {"key": "x", "id": "x", "title": "Nowhere", "quadrant": "space", "timeline": []},
    ],
}


def test_backstage_brings_the_whole_timeline_as_editions(radar, people):
    parsed, dates = parse("backstage", json.dumps(BACKSTAGE).encode(), radar)
    assert [p.reason for p in parsed.problems] == ["Unknown quadrant “space”."]
    editions = common.commit(radar=radar, actor=people["alice"], parsed=parsed, dates=dates)
    assert [(e.name, e.state) for e in editions] == [("2021-01-01", "published"), ("2022-01-01", "draft")]
    assert editions[0].published_at.date().isoformat() == "2021-01-01"
    first = {b.item.name: b.ring.name for b in Blip.objects.filter(edition=editions[0]).select_related("item", "ring")}
    last = {b.item.name: b.ring.name for b in Blip.objects.filter(edition=editions[1]).select_related("item", "ring")}
    assert first == {"Kubernetes": "Trial", "Coworking": "Hold"}
    assert last == {"Kubernetes": "Adopt", "Coworking": "Hold"}  # Coworking stays in its latest ring


def make_zip(files, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def md(title, ring, quadrant, body="", key="quadrant"):
    return f"---\ntitle: {title}\nring: {ring}\n{key}: {quadrant}\ntags: [cloud, ops]\nfeatured: true\n---\n{body}"


def test_aoe_zip_releases_become_editions(radar, people):
    data = make_zip({
        "radar/2019-11-01/kotlin.md": md("Kotlin", "trial", "technologies", "Nice **language**<script>x</script>"),
        "radar/2019-11-01/pairing.md": md("Pairing", "adopt", "skills & collaboration", key="segment"),
        "radar/2020-06-01/kotlin.md": md("Kotlin", "adopt", "technologies"),
        "radar/2020-06-01/bad.md": "no front matter",
        "radar/2020-06-01/odd.md": md("Odd", "never", "technologies"),
        "radar/2020-06-01/image.png": "x",
    })
    parsed, dates = parse("aoe", data, radar)
    reasons = " | ".join(p.reason for p in parsed.problems)
    assert "bad.md: cannot read the front matter" in reasons and "unknown ring “never”" in reasons
    assert "Not a Markdown file" in reasons
    editions = common.commit(radar=radar, actor=people["alice"], parsed=parsed, dates=dates)
    assert [e.name for e in editions] == ["2019-11-01", "2020-06-01"]
    blips = editions[1].blips.select_related("item", "ring", "quadrant")
    newest = {b.item.name: (b.ring.name, b.quadrant.position) for b in blips}
    assert newest == {"Kotlin": ("Adopt", 0), "Pairing": ("Adopt", 3)}
    kotlin = editions[0].blips.get(item__name="Kotlin")
    assert kotlin.rationale == "<p>Nice <strong>language</strong></p>" and kotlin.item.tags == "cloud, ops"


def test_aoe_refuses_unsafe_paths_and_bombs(radar):
    bomb = make_zip({"radar/2020-01-01/big.md": md("Big", "adopt", "technologies") + "a" * (aoe.MAX_FILE + 10),
                     "../../etc/evil.md": md("Evil", "adopt", "technologies"),
                     "/abs/evil.md": md("Abs", "adopt", "technologies"),
                     "radar/2020-01-01/ok.md": md("Ok", "adopt", "technologies")})
    parsed, _ = parse("aoe", bomb, radar)
    reasons = " | ".join(p.reason for p in parsed.problems)
    assert "big.md” is larger" in reasons and reasons.count("Unsafe path") == 2
    assert [r.name for r in parsed.editions[0].rows] == ["Ok"]
    with pytest.raises(ImportRefused):
        parse("aoe", b"not a zip", radar)


def test_aoe_counts_bytes_while_reading(radar, monkeypatch):
    monkeypatch.setattr(aoe, "MAX_TOTAL", 1000)
    data = make_zip({f"r/2020/{n}.md": md(f"I{n}", "adopt", "technologies", "b" * 400) for n in range(5)})
    with pytest.raises(ImportRefused, match="unpacks to more"):
        parse("aoe", data, radar)


def test_aoe_too_many_files(radar, monkeypatch):
    monkeypatch.setattr(aoe, "MAX_FILES", 3)
    data = make_zip({f"r/2020/{n}.md": md(f"I{n}", "adopt", "technologies") for n in range(5)})
    with pytest.raises(ImportRefused, match="more than 3 files"):
        parse("aoe", data, radar)
