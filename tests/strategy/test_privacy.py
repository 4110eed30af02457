"""Strategies in subject access and erasure: the export holds every strategy the person made (whole, with
check-ins) and every comment they wrote; erasure deletes their own strategies and their comments, keeps a coaching
group's strategy without them."""

import io
import json
import zipfile

import pytest

from campus.core.plugins.privacy import Subject
from campus.privacy import services as privacy
from campus.strategy import selectors, services
from campus.strategy.models import CheckIn, Comment, Objective, Strategy

from .conftest import build

pytestmark = pytest.mark.django_db


def test_the_export_holds_their_strategies_and_comments(strategy, people, edition):
    build(people["bob"], edition, name="Bob's cluster", objectives=1, checkins=0)
    services.comment(strategy=strategy, actor=people["lead"], text="Lead's words")
    services.comment(strategy=strategy, actor=people["alice"], text="Alice's answer")
    alice = people["alice"]
    archive = zipfile.ZipFile(io.BytesIO(privacy.export_personal_data(
        subject=Subject(user=alice, emails=[alice.email]), actor=alice, by="self")))
    data = json.loads(archive.read("data.json"))
    assert [s["cluster_name"] for s in data["strategies"]] == ["Vaasa Energy Cluster"]
    exported = data["strategies"][0]
    assert len(exported["objectives"]) == 2 and len(exported["checkins"]) == 1
    assert exported["objectives"][0]["indicators"][0]["targets"][0] == {"date": "2027-12-31", "value": "20"}
    assert [c["text"] for c in data["strategy_comments"]] == ["Alice's answer"]


def test_erasure_deletes_their_own_and_keeps_the_groups(strategy, people, edition):
    alice = people["alice"]
    group = build(alice, edition, name="Group cluster", objectives=1, checkins=1, owner_kind="group",
                  group=people["g1"])
    bobs = build(people["bob"], edition, name="Bob's cluster", objectives=1, checkins=0)
    services.comment(strategy=bobs, actor=alice, text="Alice on Bob's")
    services.comment(strategy=bobs, actor=people["bob"], text="Bob's own note")
    request = privacy.request_erasure(user=alice, reason="Please")
    privacy.decide_erasure(request=request, approve=True, note="", actor=people["manager"])
    assert not Strategy.objects.filter(pk=strategy.pk).exists()
    assert not Objective.objects.filter(strategy_id=strategy.pk).exists()
    group.refresh_from_db()
    assert group.owner is None and group.owner_kind == "group" and len(selectors.whole(group).objectives) == 1
    assert CheckIn.objects.filter(strategy=group, made_by__isnull=True).count() == 1
    assert list(Comment.objects.values_list("text", flat=True)) == ["Bob's own note"]
    assert Strategy.objects.filter(pk=bobs.pk).exists()
