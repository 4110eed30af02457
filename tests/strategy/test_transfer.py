"""Export and import: JSON round trip (the whole strategy with its check-ins), the import's report of what it could
not take (never an error page), the CSV with formula injection neutralised, the PDF's text."""

import io
import json

import pypdf
import pytest
from django.urls import reverse

from campus.strategy import pdf, selectors, transfer
from campus.strategy.models import Strategy

pytestmark = pytest.mark.django_db


def _shape(strategy):
    doc = json.loads(transfer.to_json(selectors.whole(strategy)))
    doc.pop("cluster_name")
    return doc


def test_json_round_trip(strategy, people, edition):
    data = transfer.to_json(selectors.whole(strategy))
    copy, report = transfer.import_strategy(actor=people["bob"], edition=edition, data=data)
    assert report.skipped == []
    assert report.counts == {"objectives": 2, "actions": 4, "indicators": 2, "checkins": 1}
    assert copy.owner == people["bob"] and copy.visibility == "private" and not copy.shared_with_leads
    assert _shape(copy) == _shape(strategy)


@pytest.mark.parametrize("data", [b"", b"\xff\xfe", b"[]", b"{}", b'{"format": "campus-strategy/1"}',
                                  b'{"format": "other"}', b"not json at all"])
def test_unreadable_files_are_refused(people, edition, data):
    with pytest.raises(transfer.ImportRefused):
        transfer.import_strategy(actor=people["alice"], edition=edition, data=data)


def test_the_report_lists_what_was_left_out(people, edition):
    document = {
        "format": "campus-strategy/1", "cluster_name": "Broken cluster", "vision": ["not text"],
        "objectives": [
            {"title": ""},
            "not an object",
            {"title": "Fine", "actions": [{"key": "1.a1", "title": "Act", "due_date": "soon", "status": "weird"},
                                          {"title": ""}, {"key": ["x"], "title": "Listy key"}],
             "indicators": [{"key": "1.i1", "name": "Members", "baseline": {"value": "12,5", "date": "2026-01-01"},
                             "targets": [{"date": "2027-01-01", "value": "x"}, {"date": "2027-06-01", "value": 20}],
                             "direction": {"no": 1}},
                            {"name": "No baseline"}]},
        ],
        "checkins": [{"date": "nope"},
                     {"date": "2026-05-01", "readings": [{"indicator": "1.i1", "value": "14"},
                                                         {"indicator": "zz", "value": "1"},
                                                         {"indicator": ["1.i1"], "value": "1"}],
                      "actions": [{"action": "1.a1", "status": "done"}, {"action": "1.a1", "status": 5}]}],
    }
    strategy, report = transfer.import_strategy(actor=people["alice"], edition=edition,
                                                data=json.dumps(document).encode())
    text = "\n".join(report.skipped)
    for expected in ("Objective 1: it has no title", "the due date “soon” is not a date",
                     "the status “weird” is unknown", "Objective 3, action 2: it has no title", "Objective 2: not an object",
                     "Objective 3, indicator 2: its baseline has no value or date", "a target: no date or value",
                     "Check-in 1: it has no date", "a value of an unknown indicator"):
        assert expected in text, expected
    whole = selectors.whole(strategy)
    assert [o.title for o in whole.objectives] == ["Fine"]
    assert whole.indicators[0].baseline_value == 12.5 and len(whole.indicators[0].target_list) == 1
    assert whole.actions[0].status == "done"  # the file's status was unknown: the check-in's "done" stays
    assert whole.checkins[0].readings.all()[0].value == 14


def test_import_page_never_errors(client, people):
    client.force_login(people["alice"])
    url = reverse("strategy:import")
    bad = io.BytesIO(b"\x00\x01garbage")
    bad.name = "x.json"
    response = client.post(url, {"upload": bad})
    assert response.status_code == 200 and "This file is not JSON" in response.content.decode()
    good = io.BytesIO(json.dumps({"format": "campus-strategy/1", "cluster_name": "From a file",
                                  "objectives": [{"title": ""}]}).encode())
    good.name = "s.json"
    response = client.post(url, {"upload": good})
    page = response.content.decode()
    assert response.status_code == 200 and "Imported: From a file" in page and "it has no title" in page
    assert Strategy.objects.filter(cluster_name="From a file", owner=people["alice"]).exists()


def test_csv_neutralises_formulas(people, edition):
    from campus.strategy import services

    strategy = services.create_strategy(actor=people["alice"], edition=edition, cluster_name="=HYPERLINK(1)")
    objective = services.add_objective(strategy=strategy, actor=people["alice"], title="=cmd|' /C calc'!A0")
    services.save_action(objective=objective, actor=people["alice"], title="+1+1", owner_name="@SUM(A1)")
    text = transfer.to_csv(selectors.whole(strategy)).decode("utf-8-sig")
    assert "'=cmd" in text and "'+1+1" in text and "'@SUM(A1)" in text
    assert ",=" not in text and ",+" not in text and ",@" not in text


def test_pdf_text(strategy, people):
    from datetime import date
    from decimal import Decimal

    from campus.strategy import services

    whole = selectors.whole(strategy)
    services.record_checkin(strategy=strategy, actor=people["alice"], date=date(2026, 11, 2), note="Late autumn",
                            readings=[(whole.indicators[0], Decimal("17.5"), "good")], statuses={})
    reader = pypdf.PdfReader(io.BytesIO(pdf.pdf_bytes(selectors.whole(strategy))))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for expected in ("Vaasa Energy Cluster", "CLUSTER STRATEGY", "The leading energy cluster", "We connect companies",
                     "Objective 1: grow exports", "Action 1.2", "Cluster manager", "Indicator 2.1",
                     "Baseline: 10 companies on 01 Jan 2026", "20 companies by 31 Dec 2027",
                     "17.5 companies on 02 Nov 2026", "Late autumn", "STRATEGY MAP"):
        assert expected in flat, expected
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4
    assert reader.metadata.title == "Strategy: Vaasa Energy Cluster"
