"""The radar's services and the movement computed by its selectors."""

import pytest

from campus.core.models import ActivityLog
from campus.radars import selectors, services
from campus.radars.models import Blip, Item
from campus.radars.selectors import Movement
from campus.radars.services import RadarError


def test_create_radar_has_default_quadrants_rings_and_a_draft(people, edition):
    radar = services.create_radar(actor=people["alice"], edition=edition, title="Mine")
    assert [q.name for q in radar.quadrants.all()] == [
        "Technologies", "Business models and services", "Markets and regulation", "Skills and collaboration"]
    assert [r.name for r in radar.rings.all()] == ["Adopt", "Trial", "Assess", "Hold"]
    assert radar.editions.get().is_draft
    assert ActivityLog.objects.filter(action="radars.created", target_id=str(radar.pk)).exists()


def test_a_participant_cannot_own_a_radar_of_another_cohort_or_group(people, edition):
    with pytest.raises(RadarError):
        services.create_radar(actor=people["dan"], edition=edition, title="Not my cohort")
    with pytest.raises(RadarError):
        services.create_radar(actor=people["alice"], edition=edition, title="Not my group", owner_kind="group",
                              group=people["g2"])


def test_new_draft_copies_the_newest_edition_and_one_draft_at_a_time(radar, people):
    alice = people["alice"]
    draft = services.new_draft(radar=radar, actor=alice, name="2022-04")
    assert draft.sequence == 2
    assert sorted(b.item.name for b in draft.blips.all()) == ["Digital twins", "Mentoring", "Open data"]
    with pytest.raises(RadarError, match="already has a draft"):
        services.new_draft(radar=radar, actor=alice)


def test_movement_is_computed_against_the_previous_published_edition(radar, people):
    alice = people["alice"]
    draft = services.new_draft(radar=radar, actor=alice, name="2022-04")
    twins = draft.blips.get(item__name="Digital twins")
    services.update_blip(blip=twins, actor=alice, quadrant=0, ring=0, rationale="Proven in two pilots")
    services.update_blip(blip=draft.blips.get(item__name="Open data"), actor=alice, quadrant=2, ring=3)
    services.add_blip(edition=draft, actor=alice, name="Hydrogen valleys", quadrant=2, ring=2)
    rows = {r.item.name: r for r in selectors.blip_rows(draft)}
    assert rows["Digital twins"].movement == Movement.IN
    assert rows["Digital twins"].previous_ring == "Assess"
    assert rows["Open data"].movement == Movement.OUT
    assert rows["Mentoring"].movement == Movement.SAME
    assert rows["Hydrogen valleys"].movement == Movement.NEW
    # the first edition has nothing before it: everything is new
    first = radar.editions.get(sequence=1)
    assert {r.movement for r in selectors.blip_rows(first)} == {Movement.NEW}
    # numbered in the order of the list: quadrant, ring, name
    assert [r.number for r in selectors.blip_rows(draft)] == [1, 2, 3, 4]
    assert [r.item.name for r in selectors.blip_rows(draft)] == [
        "Digital twins", "Hydrogen valleys", "Open data", "Mentoring"]


def test_a_published_edition_never_changes(radar, people):
    first = radar.editions.get()
    blip = first.blips.first()
    with pytest.raises(RadarError, match="published"):
        services.update_blip(blip=blip, actor=people["alice"], quadrant=0, ring=0)
    with pytest.raises(RadarError, match="published"):
        services.remove_blip(blip=blip, actor=people["alice"])
    with pytest.raises(RadarError):
        services.publish(edition=first, actor=people["alice"])


def test_items_match_by_name_in_any_case_and_an_item_is_on_an_edition_once(radar, people):
    draft = services.new_draft(radar=radar, actor=people["alice"])
    with pytest.raises(RadarError, match="already on this edition"):
        services.add_blip(edition=draft, actor=people["alice"], name="  digital   TWINS ", quadrant=1, ring=1)
    assert Item.objects.filter(radar=radar).count() == 3


def test_add_blip_to_next_draft_makes_the_draft_then_moves_the_blip(radar, people):
    alice = people["alice"]
    blip = services.add_blip_to_next_draft(radar=radar, actor=alice, name="Open data", quadrant="markets AND "
                                           "regulation", ring="adopt", rationale="Decided on the board",
                                           origin_label="Card: Open data", origin_url="/me/boards/1/cards/2/")
    draft = blip.edition
    assert draft.is_draft and draft.sequence == 2
    assert blip.ring.name == "Adopt" and blip.origin_url == "/me/boards/1/cards/2/"
    again = services.add_blip_to_next_draft(radar=radar, actor=alice, name="open data", quadrant=2, ring=1)
    assert again.pk == blip.pk and again.ring.name == "Trial" and again.rationale == "Decided on the board"
    new = services.add_blip_to_next_draft(radar=radar, actor=alice, name="Quantum sensing", quadrant=0, ring=3)
    assert new.edition_id == draft.pk
    assert Blip.objects.filter(edition=draft).count() == 4
    with pytest.raises(RadarError, match="no ring"):
        services.add_blip_to_next_draft(radar=radar, actor=alice, name="X", quadrant=0, ring="Maybe")


def test_item_timeline_across_editions(radar, people):
    alice = people["alice"]
    item = Item.objects.get(radar=radar, name="Digital twins")
    draft = services.new_draft(radar=radar, actor=alice, name="2022-04")
    services.update_blip(blip=draft.blips.get(item=item), actor=alice, quadrant=0, ring=1)
    services.publish(edition=draft, actor=alice)
    third = services.new_draft(radar=radar, actor=alice, name="2022-10")
    services.remove_blip(blip=third.blips.get(item=item), actor=alice)
    timeline = selectors.item_timeline(item)
    assert [(e.edition.name, e.blip.ring.name if e.blip else None, e.movement) for e in timeline] == [
        ("2021-10", "Assess", Movement.NEW), ("2022-04", "Trial", Movement.IN), ("2022-10", None, "")]


def test_filters(radar):
    rows = selectors.blip_rows(radar.editions.get())
    assert [r.item.name for r in selectors.filter_rows(rows, tag="ai")] == ["Digital twins"]
    assert [r.item.name for r in selectors.filter_rows(rows, ring=1)] == ["Open data"]
    assert [r.item.name for r in selectors.filter_rows(rows, quadrant=3)] == ["Mentoring"]
    assert [r.item.name for r in selectors.filter_rows(rows, q="OPEN")] == ["Open data"]
    assert selectors.filter_rows(rows, movement=Movement.OUT) == []
    assert selectors.all_tags(rows) == ["AI", "industry"]
