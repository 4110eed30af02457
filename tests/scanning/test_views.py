import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from campus.radars.models import Blip
from campus.scanning import states
from campus.scanning.models import Comment, Signal

pytestmark = pytest.mark.django_db


def test_list_shows_only_what_each_person_may_see(signals, people, login):
    page = login(people["bob"]).get("/me/signals/").content.decode()
    assert "Group heat pumps" in page
    for hidden in ("Alice private hydrogen", "Carol group-2 batteries", "Dan other cohort"):
        assert hidden not in page
    page = login(people["alice"]).get("/me/signals/?state=new").content.decode()
    assert "Alice private hydrogen" in page and "Carol group-2" not in page


def test_private_signal_and_its_comments_never_leak(signals, people, login):
    private = signals["private"]
    Comment.objects.create(signal=private, author=people["alice"], text="leaky comment")
    for who in ("bob", "carol"):
        client = login(people[who])
        assert client.get(f"/me/signals/{private.pk}/").status_code == 404
        assert client.post(f"/me/signals/{private.pk}/comment/", {"text": "hi"}).status_code == 404
        assert client.post(f"/me/signals/{private.pk}/vote/").status_code == 404
        for url in ("/me/signals/", "/me/signals/matrix/", "/me/signals/export.csv", "/me/signals/export.json"):
            body = client.get(url).content.decode()
            assert "hydrogen" not in body and "secret why" not in body and "leaky" not in body
    assert Comment.objects.filter(signal=private).count() == 1


def test_another_groups_signal_is_hidden_and_group_members_discuss_but_do_not_edit(signals, people, login):
    carol = login(people["carol"])
    assert carol.get(f"/me/signals/{signals['group'].pk}/").status_code == 404
    bob = login(people["bob"])
    group = signals["group"]
    assert bob.post(f"/me/signals/{group.pk}/comment/", {"text": "Seen at a fair"}).status_code == 302
    assert bob.post(f"/me/signals/{group.pk}/vote/").status_code == 302
    page = bob.get(f"/me/signals/{group.pk}/").content.decode()
    assert "Seen at a fair" in page and "1 vote." in page and "Mark as" not in page
    assert bob.post(f"/me/signals/{group.pk}/triage/", {"to": "watching"}).status_code == 404
    assert bob.get(f"/me/signals/{group.pk}/edit/").status_code == 404
    assert Signal.objects.get(pk=group.pk).state == states.NEW


def test_capture_triage_and_the_2x2(people, login):
    alice = login(people["alice"])
    bad = alice.post("/me/signals/new/", {"title": "", "why": "kept text"})
    assert bad.status_code == 200 and "kept text" in bad.content.decode()
    response = alice.post("/me/signals/new/", {
        "title": "Hydrogen valleys", "seen": "A call", "why": "Our members", "source_url": "https://e.org/a",
        "source_kind": "funding", "seen_on": "2026-11-30", "steep": "political", "kind": "emerging",
        "strength": 4, "horizon": "2-5", "tags": "energy", "impact": 5, "uncertainty": 4})
    signal = Signal.objects.get(title="Hydrogen valleys")
    assert response.status_code == 302 and signal.owner == people["alice"] and signal.visibility == "private"
    alice.post(f"/me/signals/{signal.pk}/triage/", {"to": "watching"})
    assert Signal.objects.get(pk=signal.pk).state == states.WATCHING
    page = alice.get("/me/signals/matrix/").content.decode()
    assert "<svg" in page and '<title id="matrix-title">' in page
    assert re.search(r"<td>1</td><td><a [^>]*>Hydrogen valleys</a></td>\s*<td>5</td><td>4</td>", page)


def test_promote_through_the_page(signals, people, radar, login):
    alice = login(people["alice"])
    signal = signals["group"]
    page = alice.get(f"/me/signals/{signal.pk}/").content.decode()
    assert "Alice&#x27;s radar — Technologies — Assess" in page
    response = alice.post(f"/me/signals/{signal.pk}/promote/",
                          {"radar_place": f"{radar.pk}:0:2", "name": "Heat pumps"})
    assert response.status_code == 302
    blip = Blip.objects.get(item__name="Heat pumps")
    assert blip.edition.is_draft and blip.origin_url == f"/me/signals/{signal.pk}/"
    assert Signal.objects.get(pk=signal.pk).state == states.PROMOTED
    # bob sees the signal but may not promote it, not even to alice's radar by forging the form
    bob = login(people["bob"])
    assert bob.post(f"/me/signals/{signal.pk}/promote/", {"radar_place": f"{radar.pk}:0:1", "name": "X"}
                    ).status_code == 404


def test_import_page_reports_rows(people, login):
    alice = login(people["alice"])
    upload = SimpleUploadedFile("s.csv", "title,impact\nGood,4\n,3\nBad,9\n".encode("utf-16"))
    page = alice.post("/me/signals/import/", {"file": upload}).content.decode()
    assert "1 signal imported; 2 rows not taken." in page
    assert "<td>3</td><td>title is empty</td>" in page and "<td>4</td><td>impact must be from 1 to 5</td>" in page
    assert Signal.objects.get(title="Good").owner == people["alice"]


def test_export_csv_is_neutralised(people, edition, login):
    from campus.scanning import services
    services.create_signal(actor=people["alice"], edition=edition, title="=HYPERLINK(\"http://x\")")
    body = login(people["alice"]).get("/me/signals/export.csv").content.decode("utf-8-sig")
    assert body.splitlines()[1].startswith("\"'=HYPERLINK")
