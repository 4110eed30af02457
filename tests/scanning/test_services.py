import pytest

from campus.radars.models import Blip
from campus.scanning import promotions, services, states
from campus.scanning.models import Comment, Signal, Vote

pytestmark = pytest.mark.django_db


def test_create_cleans_tags_and_checks_owner(people, edition):
    s = services.create_signal(actor=people["alice"], edition=edition, title="T", tags="AI, ai, , Energy")
    assert s.tags == "AI, Energy" and s.state == states.NEW and s.owner_kind == "participant"
    with pytest.raises(services.ScanningError):
        services.create_signal(actor=people["alice"], edition=edition, title="X", owner_kind="group",
                               group=people["g2"])
    with pytest.raises(services.ScanningError):  # dan is not of this cohort
        services.create_signal(actor=people["dan"], edition=edition, title="X")


def test_triage_follows_the_table(signals, people):
    s = signals["private"]
    s = services.triage(signal=s, actor=people["alice"], to=states.WATCHING)
    assert s.state == states.WATCHING
    with pytest.raises(services.ScanningError):
        services.triage(signal=s, actor=people["alice"], to=states.NEW)
    services.triage(signal=s, actor=people["alice"], to=states.ARCHIVED)
    assert Signal.objects.get(pk=s.pk).state == states.ARCHIVED


def test_vote_toggles_and_comment_needs_text(signals, people):
    s = signals["group"]
    assert services.toggle_vote(signal=s, actor=people["bob"]) is True
    assert Vote.objects.filter(signal=s).count() == 1
    assert services.toggle_vote(signal=s, actor=people["bob"]) is False
    assert not Vote.objects.filter(signal=s).exists()
    with pytest.raises(services.ScanningError):
        services.comment(signal=s, actor=people["bob"], text="   ")
    services.comment(signal=s, actor=people["bob"], text="Seen it too")
    assert Comment.objects.get(signal=s).text == "Seen it too"


def test_link_refuses_itself(signals, people):
    with pytest.raises(services.ScanningError):
        services.link(source=signals["private"], target=signals["private"], actor=people["alice"], kind="cause")
    made = services.link(source=signals["private"], target=signals["group"], actor=people["alice"], kind="cause")
    assert made.kind == "cause"


def test_promote_to_radar_lands_on_the_next_draft_with_a_link_back(signals, people, radar):
    s = signals["group"]
    blip = services.promote_to_radar(signal=s, actor=people["alice"], radar=radar, quadrant=0, ring=2,
                                     origin_url=f"/me/signals/{s.pk}/")
    assert blip.edition.is_draft and blip.edition.sequence == 2
    assert blip.origin_url == f"/me/signals/{s.pk}/" and blip.origin_label.startswith("Signal: ")
    assert blip.item.name == "Group heat pumps" and blip.ring.position == 2
    assert Signal.objects.get(pk=s.pk).state == states.PROMOTED
    # promoting again moves the same blip, never a second one
    services.promote_to_radar(signal=Signal.objects.get(pk=s.pk), actor=people["alice"], radar=radar, quadrant=0,
                              ring=1, origin_url="/x/")
    assert Blip.objects.filter(edition=blip.edition, item=blip.item).get().ring.position == 1


def test_promotion_registry_renders_only_resolvable_targets(signals):
    pk = signals["private"].pk
    installed = promotions.links_for(signals["private"])  # the installed apps' own targets (assessment's card)
    assert installed == [("Assessment card", f"/me/boards/from-signal/{pk}/")]
    promotions.register("Back to the signal", "scanning:detail")
    promotions.register("Nowhere", "no_such:url")
    try:
        links = promotions.links_for(signals["private"])
        assert links == installed + [("Back to the signal", f"/me/signals/{pk}/")]
    finally:
        promotions.unregister("scanning:detail")
        promotions.unregister("no_such:url")
    assert promotions.links_for(signals["private"]) == installed


def test_forget_person(signals, people):
    services.comment(signal=signals["group"], actor=people["bob"], text="bob was here")
    services.toggle_vote(signal=signals["group"], actor=people["bob"])
    services.create_signal(actor=people["bob"], edition=signals["group"].edition, title="bob's")
    done = services.forget_person(user=people["bob"])
    assert done["signals"] == 1 and done["comments"] == 1 and done["votes"] == 1
    assert not Signal.objects.filter(owner=people["bob"]).exists()
    assert Signal.objects.filter(pk=signals["group"].pk).exists()
