"""Peer coaching in Chromium: a manager generates a round (preview, then save) and moves a participant by hand
(past the warning that a group drops under 3); a participant sees their group on the home and on the coaching
page, and logs a session. Every page passes axe at 1280 and 375 px and loads nothing from another origin."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

NAMES = ["Aino Virtanen", "Björn Larsson", "Rūta Kazlauskienė", "Jonas Petraitis", "Greta Schulz", "Mikko Laine",
         "Sofia Berg", "Lukas Weber", "Ieva Jankauskaitė"]


@pytest.fixture
def people(site):
    from campus.programme.models import Edition
    from campus.team.models import TeamMembership
    from tests.coaching.conftest import make_cohort
    from tests.interviews.conftest import make_person

    edition = Edition.objects.get(is_current=True)
    return {
        "edition": edition,
        "manager": make_person("mia.manager@example.org", TeamMembership.Role.MANAGER, edition=edition),
        "cohort": make_cohort(edition, 9, names=NAMES),
    }


def narrow(web, label):
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def test_generate_save_move_and_log_a_session(web, people):
    from campus.coaching.models import CoachingRound, CoachingSession, GroupMember

    page = web.page
    web.sign_in_as(people["manager"])
    web.goto("/staff/coaching/")
    expect(page.get_by_role("heading", name="Peer coaching", level=1)).to_be_visible()
    web.check_page("coaching-home-empty")
    page.get_by_role("link", name="Generate a new round").click()
    web.check_page("coaching-new")
    page.get_by_label("Title of the round").fill("Module 1 coaching groups")
    page.get_by_label("Seed").fill("0")
    page.get_by_role("button", name="Preview the groups").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Title of the round")).to_have_value("Module 1 coaching groups")
    page.get_by_label("Seed").fill("1")
    page.get_by_role("button", name="Preview the groups").click()
    expect(page.get_by_role("heading", name="Preview: 3 groups for 9 participants")).to_be_visible()
    expect(page.locator(".coaching-group__reason").first).to_contain_text("no one met before")
    web.check_page("coaching-preview")
    narrow(web, "coaching-preview")
    page.get_by_role("button", name="Save these groups").click()
    expect(page.get_by_text("“Module 1 coaching groups” is saved with 3 groups.")).to_be_visible()
    web.check_page("coaching-round")
    narrow(web, "coaching-round")

    round_ = CoachingRound.objects.get()
    first = round_.groups.get(number=1)
    mover = first.members.order_by("pk").first().participant
    page.get_by_label("Participant").select_option(str(mover.pk))
    page.get_by_label("Move to").select_option(label="Group 2 (3)")
    page.get_by_role("button", name="Move", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("group 1 would have 2 members (fewer than 3)")
    web.check_page("coaching-move-warning")
    page.get_by_role("button", name="Move anyway").click()
    expect(page.get_by_text(f"{mover.user.full_name} is now in group 2.")).to_be_visible()
    assert GroupMember.objects.get(round=round_, participant=mover).group.number == 2

    # --- a participant sees the group and logs a session ------------------------------------------------
    me = round_.groups.get(number=3).members.order_by("pk").first().participant
    web.sign_in_as(me.user)
    web.goto("/me/")
    expect(page.get_by_role("heading", name="Your coaching group")).to_be_visible()
    web.check_page("coaching-participant-home")
    page.get_by_role("link", name="Your group and its sessions").click()
    expect(page.get_by_role("heading", name="Peer coaching", level=1)).to_be_visible()
    web.check_page("coaching-participant")
    page.get_by_text("Log a session of group 3").click()
    page.get_by_label("Date of the session").fill(timezone.localdate().isoformat())
    page.get_by_label("Notes").fill("We compared our funding plans.")
    page.get_by_role("button", name="Log the session").click()
    expect(page.get_by_text("The session is in your group's log.")).to_be_visible()
    expect(page.get_by_text("We compared our funding plans.")).to_be_visible()
    web.check_page("coaching-participant-logged")
    narrow(web, "coaching-participant")
    session = CoachingSession.objects.get()
    assert list(session.attendees.all()) == [me]
