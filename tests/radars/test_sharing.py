"""Ownership and visibility (campus.radars.sharing): who sees and edits what, with data that could leak.
``visible_to`` and ``edited_by`` must give the same answer as ``can_view`` and ``can_edit`` for every pair."""

import pytest
from django.contrib.auth.models import AnonymousUser

from campus.radars import services, sharing
from campus.radars.models import Radar

WHO = ("alice", "bob", "carol", "dan", "lead", "manager")

# radar -> (who sees it, who edits it)
EXPECTED = {
    "alice_private": ({"alice"}, {"alice"}),
    "alice_group": ({"alice", "bob", "lead", "manager"}, {"alice"}),
    "alice_cohort": ({"alice", "bob", "carol", "lead", "manager"}, {"alice"}),
    "group1": ({"alice", "bob", "lead", "manager"}, {"alice", "bob"}),
    "cohort": ({"alice", "bob", "carol", "lead", "manager"}, {"alice", "bob", "carol", "lead", "manager"}),
    "lead_private": ({"lead", "manager"}, {"lead", "manager"}),
    "dan_cohort": ({"dan"}, {"dan"}),
}


@pytest.fixture
def radars(people, edition):
    p = people
    make = services.create_radar
    return {
        "alice_private": make(actor=p["alice"], edition=edition, title="alice private"),
        "alice_group": make(actor=p["alice"], edition=edition, title="alice group", visibility="group",
                            group=p["g1"]),
        "alice_cohort": make(actor=p["alice"], edition=edition, title="alice cohort", visibility="cohort"),
        "group1": make(actor=p["alice"], edition=edition, title="group 1", owner_kind="group", group=p["g1"]),
        "cohort": make(actor=p["bob"], edition=edition, title="cohort", owner_kind="cohort"),
        "lead_private": make(actor=p["lead"], edition=edition, title="lead private", owner_kind="staff"),
        "dan_cohort": make(actor=p["dan"], edition=p["other"], title="dan", visibility="cohort"),
    }


def test_who_sees_and_edits_what(radars, people):
    for key, radar in radars.items():
        sees, edits = EXPECTED[key]
        for who in WHO:
            user = people[who]
            assert sharing.can_view(user, radar) is (who in sees), (key, who, "view")
            assert sharing.can_edit(user, radar) is (who in edits), (key, who, "edit")


def test_querysets_agree_with_the_predicates(radars, people):
    for who in WHO:
        user = people[who]
        visible = set(sharing.visible_to(user, Radar.objects.all()).values_list("title", flat=True))
        assert visible == {r.title for k, r in radars.items() if who in EXPECTED[k][0]}, who
        editable = set(sharing.edited_by(user, Radar.objects.all()).values_list("title", flat=True))
        assert editable == {r.title for k, r in radars.items() if who in EXPECTED[k][1]}, who


def test_nobody_signed_out_sees_anything(radars):
    anonymous = AnonymousUser()
    assert not sharing.visible_to(anonymous, Radar.objects.all()).exists()
    assert not any(sharing.can_view(anonymous, r) for r in radars.values())


def test_group_visibility_needs_one_of_the_owners_groups(radars, people):
    with pytest.raises(services.RadarError):
        services.share_radar(radar=radars["alice_private"], actor=people["alice"], visibility="group",
                             group=people["g2"])


def test_public_link_is_new_each_time_and_revocable(radars, people):
    radar = radars["alice_private"]
    first = services.open_public_link(radar=radar, actor=people["alice"])
    assert sharing.by_public_token(Radar.objects.all(), first) == radar
    second = services.open_public_link(radar=radar, actor=people["alice"])
    assert second != first and sharing.by_public_token(Radar.objects.all(), first) is None
    services.revoke_public_link(radar=radar, actor=people["alice"])
    assert sharing.by_public_token(Radar.objects.all(), second) is None
    assert sharing.by_public_token(Radar.objects.all(), "") is None
