"""Signal scanning in Chromium: a participant captures a signal, triages it, sees it on the 2 × 2 (SVG and
table), promotes it to a radar item in the radar's next draft edition, shares it with the cohort and makes a
public link, which a visitor reads until it is revoked. Every page passes axe at 1280 and 375 px and loads nothing
from another origin."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect


@pytest.fixture
def alice(site):
    from campus.cohort.models import Participant
    from campus.programme.models import Edition
    from campus.radars import services as radars
    from tests.radars.conftest import make_user

    edition = Edition.objects.get(is_current=True)
    user = make_user("alice.scout@example.org", "Alice Scout")
    Participant.objects.create(edition=edition, user=user)
    radars.create_radar(actor=user, edition=edition, title="Cluster radar", first_edition="2026-10")
    return user


def check(web, label):
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def test_capture_triage_matrix_and_promote(web, alice):
    from campus.radars.models import Blip
    from campus.scanning.models import Signal

    page = web.page
    web.sign_in_as(alice)
    web.goto("/me/signals/")
    expect(page.get_by_role("heading", name="Signals", level=1)).to_be_visible()
    check(web, "scanning-list-empty")
    page.get_by_role("link", name="Capture a signal").first.click()
    page.get_by_label("Why it matters for my cluster").fill("Our members make pumps")
    page.get_by_role("button", name="Save the signal").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Why it matters for my cluster")).to_have_value("Our members make pumps")
    check(web, "scanning-new-errors")
    page.get_by_label("Title").fill("Heat pumps in district heating")
    page.get_by_label("Impact").select_option("5")
    page.get_by_label("Uncertainty").select_option("4")
    page.get_by_role("button", name="Save the signal").click()
    expect(page.get_by_role("heading", name="Heat pumps in district heating", level=1)).to_be_visible()
    check(web, "scanning-detail")

    page.get_by_role("button", name="Mark as watching").click()
    expect(page.locator(".lead")).to_contain_text("Watching")

    web.goto("/me/signals/matrix/")
    expect(page.locator("svg title#matrix-title")).to_have_count(1)
    expect(page.get_by_role("cell", name="Heat pumps in district heating")).to_be_visible()
    check(web, "scanning-matrix")

    signal = Signal.objects.get()
    web.goto(f"/me/signals/{signal.pk}/")
    page.get_by_label("Radar, quadrant and ring").select_option(label="Cluster radar — Technologies — Trial")
    page.get_by_role("button", name="Add to the radar's next draft edition").click()
    expect(page.get_by_text("is on Cluster radar, draft edition")).to_be_visible()
    blip = Blip.objects.get()
    assert blip.edition.is_draft and blip.ring.name == "Trial" and blip.origin_url == f"/me/signals/{signal.pk}/"
    assert Signal.objects.get().state == "promoted"
    check(web, "scanning-promoted")

    page.get_by_role("link", name="Sharing").click()
    expect(page.get_by_role("heading", name="Sharing", level=1)).to_be_visible()
    check(web, "scanning-sharing")
    page.get_by_label("The whole cohort").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Who can see the signal is saved.")).to_be_visible()
    assert Signal.objects.get().visibility == "cohort"
    expect(page.locator(".alert--warning")).to_contain_text("Anyone who has the link can read everything")
    page.get_by_role("button", name="Make a public link").click()
    link = urlsplit(page.locator("a.signal-url").get_attribute("href")).path
    check(web, "scanning-sharing-link")
    web.context.clear_cookies()  # a visitor with the link
    web.goto(link)
    expect(page.get_by_role("heading", name="Heat pumps in district heating", level=1)).to_be_visible()
    check(web, "scanning-public")
    web.sign_in_as(alice)
    web.goto(f"/me/signals/{signal.pk}/sharing/")
    page.get_by_role("button", name="Revoke the public link").click()
    expect(page.get_by_text("The public link is revoked")).to_be_visible()
    web.context.clear_cookies()
    web.goto(link, status=404)
