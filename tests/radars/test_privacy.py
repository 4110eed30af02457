"""Radars in subject access and erasure: the export holds every radar the person made (editions and blips);
erasure deletes their own radars and keeps a group's or the cohort's radar without them."""

import io
import json
import zipfile

import pytest

from campus.core.plugins.privacy import Subject
from campus.privacy import services as privacy
from campus.radars import services
from campus.radars.models import Blip, Radar

pytestmark = pytest.mark.django_db


def test_the_export_holds_their_radars(radar, people, edition):
    services.create_radar(actor=people["bob"], edition=edition, title="Bob's own")
    alice = people["alice"]
    archive = zipfile.ZipFile(io.BytesIO(privacy.export_personal_data(
        subject=Subject(user=alice, emails=[alice.email]), actor=alice, by="self")))
    data = json.loads(archive.read("data.json"))
    assert [r["title"] for r in data["radars"]] == ["Alice's radar"]
    blips = data["radars"][0]["editions"][0]["blips"]
    assert sorted(b["item"] for b in blips) == ["Digital twins", "Mentoring", "Open data"]


def test_erasure_deletes_their_own_radars_and_keeps_group_ones(radar, people, edition):
    alice = people["alice"]
    group_radar = services.create_radar(actor=alice, edition=edition, title="Group radar", owner_kind="group",
                                        group=people["g1"])
    shared = services.create_radar(actor=alice, edition=edition, title="Shared", visibility="cohort")
    bobs = services.create_radar(actor=people["bob"], edition=edition, title="Bob's own")
    request = privacy.request_erasure(user=alice, reason="Please")
    privacy.decide_erasure(request=request, approve=True, note="", actor=people["manager"])
    assert not Radar.objects.filter(pk__in=[radar.pk, shared.pk]).exists()
    assert not Blip.objects.filter(edition__radar_id=radar.pk).exists()
    group_radar.refresh_from_db()
    assert group_radar.owner is None and group_radar.owner_kind == "group"
    assert Radar.objects.filter(pk=bobs.pk, owner=people["bob"]).exists()
