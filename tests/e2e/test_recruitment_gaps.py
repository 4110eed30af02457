"""The last gaps of issue 11 in the browser: the phone menu after a resize (made narrow from 1280 to 375 px it is
folded; opened, widened and narrowed again it is folded again instead of covering the page); the staff bar at
375 px (wraps, scrolls nothing sideways, every link by keyboard); the interviews' invite form refused (its error
summary); a reviewer's list of applications in blind review (no names), at 1280 and 375 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import NARROW
from tests.security.world import build_world

pytestmark = pytest.mark.slow


def test_from_1280_to_375_px_the_menu_is_folded(web):
    page = web.page
    web.set_width(1280, 800)
    web.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Modules")).to_be_visible()
    web.set_width(NARROW["width"], 812)
    button = page.get_by_role("button", name="Menu")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name="Modules")).to_be_hidden()
    # opened on the phone, the window made wide and narrow again: folded, and the button says so
    button.click()
    expect(nav.get_by_role("link", name="Modules")).to_be_visible()
    web.set_width(1280, 800)
    expect(nav.get_by_role("link", name="Modules")).to_be_visible()
    web.set_width(NARROW["width"], 812)
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name="Modules")).to_be_hidden()
    web.check_page("home after a resize to 375 px", narrow=True)


def test_the_staff_bar_at_375_px_wraps_and_works_by_keyboard(web):
    world = build_world()
    web.sign_in_as(world.user("superuser"))  # every section: the longest bar
    page = web.page
    web.set_width(NARROW["width"], 812)
    web.goto("/staff/applications/")
    bar = page.get_by_role("navigation", name="Staff area")
    links = bar.get_by_role("link")
    assert links.count() >= 6
    assert page.evaluate("() => document.querySelector('.staff-bar').scrollWidth <= innerWidth")
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"], (links.nth(i).inner_text(), box)
    # by keyboard: from the first link of the bar, Tab reaches every other one in order, each fully on screen
    links.first.focus()
    for i in range(1, links.count()):
        page.keyboard.press("Tab")
        expect(links.nth(i)).to_be_focused()
        box = links.nth(i).bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= 812
    web.check_page("staff bar at 375 px", narrow=True)
    web.set_width(1280, 800)
    web.goto("/staff/applications/")
    web.check_page("staff bar at 1280 px")


def test_the_refused_invite_form_focuses_its_summary_and_keeps_the_note(web):
    """The interviews overview's invite form (issue 11: it had no error summary), refused at 1280 and 375 px."""
    from campus.applications.models import Call
    from tests.applications.staff_factories import make_application

    world = build_world()
    call = Call.objects.get(pk=world.values["call"])
    make_application(call, email="ulla.uninvited@example.org", first_name="Ulla", last_name="Uninvited")
    web.sign_in_as(world.user("manager"))
    page = web.page
    for width in (1280, NARROW["width"]):
        web.set_width(width, 900)
        web.goto(f"/staff/interviews/?call={call.pk}")
        page.get_by_label("A note to the invited (optional)").fill("Bring your strategy.")
        page.get_by_role("button", name="Invite the chosen applicants").click()
        summary = page.locator(".error-summary")
        expect(summary).to_be_focused()
        assert page.title().startswith("Error: ")
        link = summary.get_by_role("link", name=re.compile("Choose at least one application"))
        expect(page.get_by_label("A note to the invited (optional)")).to_have_value("Bring your strategy.")
        web.check_page(f"interviews invite refused at {width} px", narrow=width < 400)
        link.focus()
        page.keyboard.press("Enter")
        expect(page.get_by_label(re.compile("Ulla Uninvited"))).to_be_focused()
    # chosen now, from the refused page: invited, and back on the overview
    page.keyboard.press("Space")
    page.get_by_role("button", name="Invite the chosen applicants").click()
    expect(page.get_by_text("1 invited.")).to_be_visible()
    assert page.url.endswith(f"/staff/interviews/?call={call.pk}")


def test_a_reviewer_reads_the_list_of_applications_without_names_in_blind_review(web):
    from django.contrib.auth.models import Permission

    from campus.review.models import ReviewPhase

    world = build_world()
    reviewer = world.user("reviewer")
    reviewer.user_permissions.add(*Permission.objects.filter(codename__in=("view_application", "view_document")))
    ReviewPhase.objects.filter(call_id=world.values["call"], is_active=True).update(blind=True)
    web.sign_in_as(reviewer)
    page = web.page
    for width in (1280, NARROW["width"]):
        web.set_width(width, 900)
        web.goto(f"/staff/applications/?call={world.values['call']}")
        expect(page.get_by_text("Blind review: the names")).to_be_visible()
        table = page.get_by_role("table")
        expect(table.get_by_role("columnheader", name="Name")).to_have_count(0)
        assert "SECRET" not in page.inner_text("main")
        web.check_page(f"applications in blind review at {width} px", narrow=width < 400)
