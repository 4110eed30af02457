"""The forum's check-in in Chromium, at 1280 px and on a phone (375 px): a manager of the edition searches a
registrant by name, checks them in (the count goes up), opens the registration list filtered by the check-in,
and the personal QR code's page. Every page passes axe, loads nothing from another origin, runs without errors.
Without BarcodeDetector support (Debian's Chromium has none), the scanner stays hidden."""

import pytest
from playwright.sync_api import expect


@pytest.fixture
def forum(site):
    from campus.programme.models import Edition
    from tests.forum.staff_world import fill, make_event, make_staff

    edition = Edition.objects.get(is_current=True)
    event = make_event(edition, capacity=4)
    people = fill(event)  # Eva Ek waits
    return {"event": event, "people": people, "manager": make_staff(edition, "maria.manager@example.org")}


@pytest.mark.parametrize("width", [1280, 375])
def test_check_in_by_search(web, forum, width):
    page, event = web.page, forum["event"]
    anna = forum["people"][0]
    narrow = width < 600
    web.sign_in_as(forum["manager"])
    web.set_width(width)
    web.goto("/staff/forum/")
    expect(page.get_by_role("heading", name="Forum events", level=1)).to_be_visible()
    web.check_page(f"forum-staff-home-{width}", narrow=narrow)
    page.get_by_role("link", name="Cluster Education Forum Test").click()
    expect(page.get_by_role("heading", name="Registrations: Cluster Education Forum Test")).to_be_visible()
    web.check_page(f"forum-staff-registrations-{width}", narrow=narrow)

    page.get_by_role("navigation", name="This event").get_by_role("link", name="Check-in").click()
    expect(page.get_by_role("heading", name="Check-in: Cluster Education Forum Test")).to_be_visible()
    expect(page.locator("#checkin-count")).to_have_text("0 of 4 in")
    expect(page.locator(".forum-scan")).to_be_hidden()  # no BarcodeDetector here
    web.check_page(f"forum-checkin-{width}", narrow=narrow)

    search = page.get_by_label("Name or organisation")
    search.fill("aalto")
    search.press("Enter")
    expect(page.get_by_role("list", name="Registrants matching “aalto”").get_by_role("listitem")).to_have_count(1)
    page.get_by_role("button", name="Check in Anna Aalto").click()
    expect(page.get_by_text("Anna Aalto is checked in.")).to_be_visible()
    expect(page.locator("#checkin-count")).to_have_text("1 of 4 in")
    expect(page.get_by_label("Name or organisation")).to_have_value("aalto")
    web.check_page(f"forum-checkin-done-{width}", narrow=narrow)
    anna.refresh_from_db()
    assert anna.checked_in_at is not None

    # the count follows check-ins made on another phone (checkin.js polls the JSON endpoint)
    from campus.forum.services.staff import check_in

    check_in(registration=forum["people"][1], actor=forum["manager"])
    expect(page.locator("#checkin-count")).to_have_text("2 of 4 in", timeout=12000)

    # the personal QR code's URL: the person and a button; the GET checked nobody in
    cara = forum["people"][2]
    web.goto(f"/staff/forum/check-in/code/{cara.checkin_code}/")
    expect(page.get_by_role("heading", name="Cara Cole", level=1)).to_be_visible()
    web.check_page(f"forum-checkin-code-{width}", narrow=narrow)
    cara.refresh_from_db()
    assert cara.checked_in_at is None
    page.get_by_role("button", name="Check in Cara Cole").click()
    expect(page.get_by_text("Cara Cole is checked in.")).to_be_visible()

    web.goto(f"/staff/forum/{event.pk}/?checked_in=yes")
    expect(page.get_by_text("1–3 of 3 registrations matching the filters")).to_be_visible()

    # the other pages of the event: a message (preview and count), the badges' form
    page.get_by_role("link", name="Write to these registrants").click()
    expect(page.locator("#recipient-count")).to_have_text("3 registrants will get this message.")
    page.get_by_label("Subject").fill("Welcome")
    page.get_by_label("Message").fill("Lunch is at noon.")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name="Preview: the mail to anna.aalto@example.org")).to_be_visible()
    web.check_page(f"forum-message-preview-{width}", narrow=narrow)
    page.get_by_role("navigation", name="This event").get_by_role("link", name="Name badges").click()
    expect(page.get_by_role("heading", name="Name badges: Cluster Education Forum Test")).to_be_visible()
    web.check_page(f"forum-badges-{width}", narrow=narrow)
