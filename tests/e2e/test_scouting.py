"""The scouting journey of issue 14 in Chromium, whole: a participant captures a signal through the form, in her
coaching group's log, promotes it to a card on the group's board, two group members score it, the decision lands
on the next draft edition of the group's radar, the participant publishes that edition and sees the blip marked
new (in the list and in the picture's text alternative); the module lead sees the cohort's radars on
/staff/radars/ and the signal on /staff/signals/; the radar's BYOR CSV export downloads and holds the blip with its
ring and quadrant. Every page passes axe (the SVG pictures included) at 1280 and 375 px."""

import csv
import io

import pytest
from playwright.sync_api import expect

TITLE = "Heat pumps in district heating"


@pytest.fixture
def people(site):
    from campus.coaching.models import CoachingGroup, CoachingRound, GroupMember
    from campus.programme.models import Edition
    from campus.team.models import TeamMembership
    from tests.radars.conftest import make_participant, make_user

    edition = Edition.objects.get(is_current=True)
    alice = make_participant(edition, "alice@example.org", "Alice Adams")
    bob = make_participant(edition, "bob@example.org", "Bob Brown")
    rnd = CoachingRound.objects.create(edition=edition, title="Round 1", proposal_key="r1")
    group = CoachingGroup.objects.create(round=rnd, number=1)
    for user in (alice, bob):
        GroupMember.objects.create(round=rnd, group=group, participant=user.participations.get())
    lead = make_user("lena.lead@example.org", "Lena Lead", is_staff=True)
    TeamMembership.objects.create(edition=edition, user=lead, role=TeamMembership.Role.MODULE_LEAD)
    return {"edition": edition, "alice": alice, "bob": bob, "group": group, "lead": lead}


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


def _capture(web):
    """Alice captures the signal in her coaching group's log, through the form (a refused first try keeps what
    she typed)."""
    page = web.page
    web.goto("/me/signals/")
    page.get_by_role("link", name="Capture a signal").first.click()
    page.get_by_label("My coaching group's log").check()
    page.get_by_label("Why it matters for my cluster").fill("Members ask about it")
    page.get_by_role("button", name="Save the signal").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Why it matters for my cluster")).to_have_value("Members ask about it")
    narrow(web, "scouting-capture-errors")
    page.get_by_label("Coaching group", exact=True).select_option(label="Round 1: group 1")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("What was seen").fill("Three utilities in the region tender large heat pumps.")
    page.get_by_label("STEEP(V) category").select_option(label="Environmental")
    page.get_by_label("Type").select_option(label="Emerging trend")
    page.get_by_label("Impact").select_option("5")
    page.get_by_role("button", name="Save the signal").click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("Coaching group 1")
    narrow(web, "scouting-signal")


def _card_scored_and_decided(web, people, board):
    page = web.page
    page.get_by_role("link", name="Promote to: Assessment card").click()
    web.check_page("assessment-from-signal")
    page.get_by_role("button", name="Make it a card").click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    narrow(web, "assessment-card")
    _score(web, 5)
    web.goto(f"/me/boards/{board.pk}/")
    narrow(web, "assessment-board")
    page.get_by_role("button", name=f"Move “{TITLE}” to Screening").click()
    expect(page.get_by_text("moved to Screening")).to_be_visible()

    web.sign_in_as(people["bob"])  # the second member of the group scores
    card = board.cards.get()
    web.goto(f"/me/boards/cards/{card.pk}/")
    expect(page.get_by_text("hidden until you have given yours")).to_be_visible()
    _score(web, 3)
    expect(page.get_by_text("Scorers disagree")).to_be_visible()
    web.check_page("assessment-card-scored")

    web.sign_in_as(people["alice"])
    web.goto(f"/me/boards/cards/{card.pk}/")
    page.get_by_label("Trial").check()
    page.get_by_label("Rationale").fill("Two members piloted it")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Decision recorded.")).to_be_visible()
    return card


def _publish_and_see_new(web, radar, blip):
    page = web.page
    web.goto(f"/me/radars/{radar.pk}/editions/")
    page.get_by_role("button", name=f"Publish {blip.edition.name}").click()
    expect(page.get_by_text(f"The edition “{blip.edition.name}” is published.")).to_be_visible()
    web.goto(f"/me/radars/{radar.pk}/")
    expect(page.locator(".radar-status")).to_contain_text(f"Edition {blip.edition.name}: published")
    expect(page.locator("li", has_text=TITLE).locator(".radar-move")).to_have_text("New")
    expect(page.locator("svg.radar-svg g title", has_text=TITLE)).to_contain_text("New")
    narrow(web, "scouting-radar-published")


def _lead_sees_the_cohorts_work(web, people, radar):
    page = web.page
    web.sign_in_as(people["lead"])
    web.goto("/staff/radars/")
    expect(page.get_by_role("link", name=radar.title)).to_be_visible()
    narrow(web, "scouting-staff-radars")
    page.get_by_role("link", name=radar.title).click()
    expect(page.locator("svg.radar-svg g title", has_text=TITLE)).to_contain_text("New")
    web.check_page("scouting-staff-radar")
    web.goto("/staff/signals/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    narrow(web, "scouting-staff-signals")
    page.get_by_label("STEEP(V)").select_option(label="Environmental")
    page.get_by_label("State").select_option(label="Promoted")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    page.get_by_label("STEEP(V)").select_option(label="Social")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("No signal matches the filter.")).to_be_visible()
    web.goto("/staff/signals/")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.locator(".comment")).to_contain_text("Seen at the fair")
    narrow(web, "scouting-staff-signal")


def test_the_scouting_journey_from_a_captured_signal_to_the_byor_export(web, people):
    from campus.assessment import services
    from campus.radars import services as radars
    from campus.radars.models import Blip
    from campus.scanning import services as scanning
    from campus.scanning.models import Signal

    alice, edition = people["alice"], people["edition"]
    radar = radars.create_radar(actor=alice, edition=edition, title="Group radar", owner_kind="group",
                                group=people["group"], first_edition="2021-10")
    radars.publish(edition=radar.editions.get(), actor=alice)
    board = services.create_board(actor=alice, edition=edition, title="Energy board", owner_kind="group",
                                  group=people["group"], target_radar=radar)
    page = web.page
    web.sign_in_as(alice)
    _capture(web)
    signal = Signal.objects.get(title=TITLE)
    assert signal.owner_kind == "group" and signal.group == people["group"] and signal.steep == "environmental"
    scanning.comment(signal=signal, actor=people["bob"], text="Seen at the fair too")

    card = _card_scored_and_decided(web, people, board)
    blip = Blip.objects.select_related("edition", "quadrant", "ring").get(item__name=TITLE)
    assert blip.edition.is_draft and blip.ring.name == "Trial" and blip.origin_url == f"/me/boards/cards/{card.pk}/"
    _publish_and_see_new(web, radar, blip)

    _lead_sees_the_cohorts_work(web, people, radar)

    web.sign_in_as(alice)
    web.goto(f"/me/radars/{radar.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export as BYOR CSV").click()
    with open(download.value.path(), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    [row] = [r for r in rows if r["name"] == TITLE]
    assert (row["ring"], row["quadrant"]) == ("Trial", blip.quadrant.name) == ("Trial", "Technologies")
    assert row["isNew"] == "TRUE" and row["status"] == "New"
