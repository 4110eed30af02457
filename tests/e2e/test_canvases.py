"""Canvases in Chromium: a participant makes a SWOT, adds notes to its four boxes, moves one note to another box
with the keyboard (the plain "Move" form: no mouse, no script), saves a version, changes a note, compares the
version with the canvas now, shares the canvas with the module leads; the module lead opens it from the staff
overview and writes feedback, which the participant then reads on the canvas. Every page passes axe at 1280 and
375 px and loads nothing from another origin."""

import pytest
from playwright.sync_api import expect


@pytest.fixture
def people(site):
    from campus.canvases.catalogue import load
    from campus.canvases.models import CanvasBox, CanvasType
    from campus.programme.models import Edition
    from campus.team.models import TeamMembership
    from tests.coaching.conftest import make_cohort
    from tests.interviews.conftest import make_person

    load(CanvasType, CanvasBox)  # the data migration's types (a transactional test before may have flushed them)
    edition = Edition.objects.get(is_current=True)
    alice = make_cohort(edition, 1, names=["Alice Adams"])[0].user
    lead = make_person("lea.lead@example.org", edition=edition)
    TeamMembership.objects.create(edition=edition, user=lead, role=TeamMembership.Role.MODULE_LEAD)
    return {"alice": alice, "lead": lead}


def narrow(web, label):
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def add_note(page, box, text):
    section = page.locator("section.cv-box", has=page.get_by_role("heading", name=box, exact=True))
    section.locator("summary").click()
    section.get_by_label("Note").fill(text)
    section.get_by_role("button", name=f"Add the note to {box}").click()
    expect(page.get_by_text("The note is added.")).to_be_visible()


def test_fill_a_swot_version_compare_share_and_get_feedback(web, people):
    page = web.page
    web.sign_in_as(people["alice"])
    web.goto("/me/canvases/")
    expect(page.get_by_role("heading", name="Strategy canvases", level=1)).to_be_visible()
    web.check_page("canvases-home")
    narrow(web, "canvases-home")
    page.get_by_role("button", name="Make the canvas").click()
    expect(page.locator(".error-summary")).to_be_visible()
    web.check_page("canvases-home-errors")
    page.get_by_label("SWOT analysis").check()
    page.get_by_label("Title").fill("Our cluster SWOT")
    page.get_by_role("button", name="Make the canvas").click()
    expect(page.get_by_role("heading", name="Our cluster SWOT", level=1)).to_be_visible()

    add_note(page, "Strengths", "Strong research partners")
    add_note(page, "Weaknesses", "Two staff only")
    add_note(page, "Opportunities", "EU green deal funding")
    add_note(page, "Threats", "Members leaving for a rival cluster")
    add_note(page, "Threats", "Ports investing in automation")
    web.check_page("canvases-canvas")
    narrow(web, "canvases-canvas")

    # move "Ports investing in automation" to Opportunities with the keyboard only
    select = page.get_by_label("Move “Ports investing in automation” to the box")
    select.focus()
    page.keyboard.press("Home")
    select.select_option(label="Opportunities")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Move to that box")
    page.keyboard.press("Enter")
    expect(page.get_by_text("The note moved to Opportunities.")).to_be_visible()
    opportunities = page.locator("section.cv-box", has=page.get_by_role("heading", name="Opportunities", exact=True))
    expect(opportunities.locator(".cv-note")).to_have_count(2)

    page.get_by_role("link", name="Versions (save a version)").click()
    page.get_by_label("What changed (optional)").fill("First draft")
    page.get_by_role("button", name="Save a version").click()
    expect(page.get_by_text("Version 1 is saved.")).to_be_visible()
    web.check_page("canvases-versions")
    narrow(web, "canvases-versions")

    page.get_by_role("link", name="Our cluster SWOT").click()
    page.get_by_role("link", name="Edit note “Two staff only”").click()
    web.check_page("canvases-note-edit")
    page.get_by_label("Note").fill("Two staff, one on leave")
    page.get_by_role("button", name="Save the note").click()
    expect(page.get_by_text("The note is saved.")).to_be_visible()

    page.get_by_role("link", name="Versions (save a version)").click()
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", name="Version 1 compared with the canvas now")).to_be_visible()
    weaknesses = page.locator("section[aria-labelledby='diff-weaknesses']")
    expect(weaknesses).to_contain_text("was: Two staff only")
    web.check_page("canvases-compare")
    narrow(web, "canvases-compare")

    page.get_by_role("link", name="Our cluster SWOT").click()
    page.get_by_role("link", name="Sharing").click()
    page.get_by_label("The module leads of my edition (and the owners)").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Who can see the canvas is saved.")).to_be_visible()
    web.check_page("canvases-sharing")
    narrow(web, "canvases-sharing")

    # the module lead: the staff overview, the canvas, feedback
    web.sign_in_as(people["lead"])
    web.goto("/staff/canvases/")
    web.check_page("canvases-staff-home")
    narrow(web, "canvases-staff-home")
    page.get_by_role("link", name="Our cluster SWOT").click()
    expect(page.get_by_text("Two staff, one on leave")).to_be_visible()
    page.get_by_role("button", name="Post the comment").click()
    expect(page.locator(".error-summary")).to_be_visible()
    page.get_by_label("Your comment").fill("Add the skills gap as a weakness.")
    page.get_by_role("button", name="Post the comment").click()
    expect(page.get_by_text("Your feedback is posted")).to_be_visible()
    web.check_page("canvases-staff-canvas")
    narrow(web, "canvases-staff-canvas")

    web.sign_in_as(people["alice"])
    web.goto("/me/canvases/")
    page.get_by_role("link", name="Our cluster SWOT").click()
    comment = page.locator(".cv-comment--feedback")
    expect(comment).to_contain_text("Add the skills gap as a weakness.")
    expect(comment).to_contain_text("Feedback from the module lead")
