"""The scouting journey of issue 14 in Chromium (the assessment part): a participant promotes a captured signal to
a card on their coaching group's board, two group members score it, the decision lands on the next draft edition
of the radar, which the participant publishes. Board and card pages pass axe at 1280 and 375 px.
Not yet here: capturing the signal in the browser, the module lead's overview and the BYOR CSV export."""

import pytest
from playwright.sync_api import expect


@pytest.fixture
def people(site):
    from campus.coaching.models import CoachingGroup, CoachingRound, GroupMember
    from campus.programme.models import Edition
    from tests.radars.conftest import make_participant

    edition = Edition.objects.get(is_current=True)
    alice = make_participant(edition, "alice@example.org", "Alice Adams")
    bob = make_participant(edition, "bob@example.org", "Bob Brown")
    rnd = CoachingRound.objects.create(edition=edition, title="Round 1", proposal_key="r1")
    group = CoachingGroup.objects.create(round=rnd, number=1)
    for user in (alice, bob):
        GroupMember.objects.create(round=rnd, group=group, participant=user.participations.get())
    return {"edition": edition, "alice": alice, "bob": bob, "group": group}


def narrow(web, label):
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def _score(web, value):
    page = web.page
    for radio in page.locator(f'input[type="radio"][value="{value}"]').all():
        radio.check()
    page.get_by_role("button", name="Save my scores").click()
    expect(page.get_by_text("Your scores are saved.")).to_be_visible()


def test_signal_to_card_scored_decided_and_on_the_radar(web, people):
    from campus.assessment import services
    from campus.radars import services as radars
    from campus.radars.models import Blip
    from campus.scanning import services as scanning

    alice, edition = people["alice"], people["edition"]
    radar = radars.create_radar(actor=alice, edition=edition, title="Group radar", owner_kind="group",
                                group=people["group"], first_edition="2021-10")
    radars.publish(edition=radar.editions.get(), actor=alice)
    board = services.create_board(actor=alice, edition=edition, title="Energy board", owner_kind="group",
                                  group=people["group"], target_radar=radar)
    signal = scanning.create_signal(actor=alice, edition=edition, title="Heat pumps in district heating",
                                    why="Members ask about it")
    page = web.page
    web.sign_in_as(alice)
    web.goto(f"/me/signals/{signal.pk}/")
    page.get_by_role("link", name="Promote to: Assessment card").click()
    web.check_page("assessment-from-signal")
    page.get_by_role("button", name="Make it a card").click()
    expect(page.get_by_role("heading", name="Heat pumps in district heating", level=1)).to_be_visible()
    narrow(web, "assessment-card")
    _score(web, 5)
    web.goto(f"/me/boards/{board.pk}/")
    narrow(web, "assessment-board")
    page.get_by_role("button", name="Move “Heat pumps in district heating” to Screening").click()
    expect(page.get_by_text("moved to Screening")).to_be_visible()

    web.sign_in_as(people["bob"])
    card = board.cards.get()
    web.goto(f"/me/boards/cards/{card.pk}/")
    expect(page.get_by_text("hidden until you have given yours")).to_be_visible()
    _score(web, 3)
    expect(page.get_by_text("Scorers disagree")).to_be_visible()
    web.check_page("assessment-card-scored")

    web.sign_in_as(alice)
    web.goto(f"/me/boards/cards/{card.pk}/")
    page.get_by_label("Trial").check()
    page.get_by_label("Rationale").fill("Two members piloted it")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Decision recorded.")).to_be_visible()
    blip = Blip.objects.get(item__name="Heat pumps in district heating")
    assert blip.edition.is_draft and blip.ring.name == "Trial" and blip.origin_url == f"/me/boards/cards/{card.pk}/"
    radars.publish(edition=blip.edition, actor=alice)
    web.goto(f"/me/radars/{radar.pk}/")
    assert "Heat pumps in district heating: Trial, New" in page.content()  # the blip is marked new
    web.check_page("assessment-radar")
