import json

import pytest

from campus.scanning import services, transfer
from campus.scanning.models import Signal

pytestmark = pytest.mark.django_db

HEADER = "title,why,source_kind,steep,kind,horizon,impact,uncertainty,seen_on,source_url\n"


def test_rows_are_reported_with_line_and_reason():
    text = (HEADER + "Good,x,paper,economic,trend,0-2,4,2,2026-01-03,https://e.org\n"
            + ",no title,,,,,,,,\n"
            + "Bad kind,x,tv,,,,,,,\n"
            + "Bad level,x,,,,,9,,,\n"
            + "Bad date,x,,,,,,,03.01.2026,\n"
            + "Bad url,x,,,,,,,,javascript:alert(1)\n"
            + '"=HYPERLINK(""http://evil"")",x,,,,,,,,\n')
    taken, refused = transfer.read(text.encode(), "s.csv")
    assert [line for line, _ in taken] == [2, 8]
    assert taken[0][1]["steep"] == "economic" and taken[0][1]["impact"] == 4
    assert taken[1][1]["title"] == '=HYPERLINK("http://evil")'  # kept as text, neutralised on export
    reasons = dict(refused)
    assert reasons[3] == "title is empty" and "source_kind" in reasons[4] and "impact" in reasons[5]
    assert "seen_on" in reasons[6] and "source_url" in reasons[7]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "latin-1"])
def test_encodings(encoding):
    taken, refused = transfer.read(("title,why\nMärkte,Öl\n").encode(encoding), "s.csv")
    assert refused == [] and taken[0][1]["title"] == "Märkte" and taken[0][1]["why"] == "Öl"


def test_missing_title_column_and_bad_json():
    assert transfer.read(b"name\nx\n", "s.csv") == ([], [(1, "the header has no \u201ctitle\u201d column")])
    assert transfer.read(b"{nope", "s.json")[1][0][1] == "the file is not valid JSON"
    taken, refused = transfer.read(json.dumps({"signals": [{"title": "A", "kind": "Wild card"}, 3]}).encode(),
                                   "s.json")
    assert taken[0][1]["kind"] == "wildcard" and refused == [(2, "not an object")]


def test_export_neutralises_and_round_trips(people, edition):
    services.create_signal(actor=people["alice"], edition=edition, title="=1+2", why="-x", tags="a, b")
    signals = list(Signal.objects.all())
    out = transfer.to_csv(signals)
    assert "'=1+2" in out and "'-x" in out
    taken, refused = transfer.read(transfer.to_json(signals).encode(), "s.json")
    assert refused == [] and taken[0][1]["title"] == "=1+2" and taken[0][1]["tags"] == "a, b"
