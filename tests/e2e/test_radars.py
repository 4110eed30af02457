"""Radars in Chromium: a participant makes a radar, adds blips, publishes the edition, makes a new draft, moves a
blip towards the centre, publishes again and sees the blip marked "moved in" in the list and in the picture;
the item's timeline shows both editions. Every page passes axe (the SVG picture included) at 1280 and 375 px
and loads nothing from another origin."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect


@pytest.fixture
def alice(site):
    from campus.programme.models import Edition
    from tests.coaching.conftest import make_cohort

    edition = Edition.objects.get(is_current=True)
    return make_cohort(edition, 1, names=["Alice Adams"])[0].user


def narrow(web, label):
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def add_blip(page, name, quadrant, ring):
    page.get_by_role("link", name="Add a blip").click()
    page.get_by_label("Item").fill(name)
    page.get_by_label("Quadrant").select_option(label=quadrant)
    page.get_by_label("Ring").select_option(label=ring)
    page.get_by_label("Rationale").fill(f"Why {name} matters to our cluster.")
    page.get_by_role("button", name="Add the blip").click()
    expect(page.get_by_text(f"“{name}” is on the edition")).to_be_visible()


def test_make_publish_move_and_see_moved_in(web, alice):
    from campus.radars.models import Radar

    page = web.page
    web.sign_in_as(alice)
    web.goto("/me/radars/")
    expect(page.get_by_role("heading", name="Technology radars", level=1)).to_be_visible()
    web.check_page("radars-home")
    page.get_by_role("button", name="Make the radar").click()
    expect(page.locator(".error-summary")).to_be_visible()
    page.get_by_label("Title").fill("Smart energy radar")
    page.get_by_role("button", name="Make the radar").click()
    expect(page.get_by_role("heading", name="Smart energy radar", level=1)).to_be_visible()
    radar = Radar.objects.get(title="Smart energy radar")
    page.get_by_role("link", name="Add a blip").click()
    web.check_page("radars-blip-new")
    page.go_back()
    add_blip(page, "Digital twins", "Technologies", "Assess")
    add_blip(page, "Energy communities", "Business models and services", "Trial")
    page.get_by_role("button", name="Publish edition").click()
    expect(page.get_by_text("is published")).to_be_visible()
    expect(page.locator("svg.radar-svg title").first).to_contain_text("Smart energy radar")
    web.check_page("radars-radar")
    boxes = web.page.evaluate("""() => [...document.querySelectorAll(
        '.radar-filters input:not([type=hidden]), .radar-filters select')].map(e => e.getBoundingClientRect())
        .map(b => [Math.round(b.top), Math.round(b.height)])""")
    assert len(boxes) >= 4 and len(set(map(tuple, boxes))) == 1, f"the search box and the selects differ: {boxes}"
    narrow(web, "radars-radar")

    page.get_by_role("link", name="Editions", exact=True).click()
    web.check_page("radars-editions")
    page.get_by_label("Name of the new edition").fill("2022-04")
    page.get_by_role("button", name="Make the draft").click()
    expect(page.get_by_text("The draft edition “2022-04”")).to_be_visible()
    page.get_by_role("link", name="Move or edit Digital twins").click()
    web.check_page("radars-blip-edit")
    page.get_by_label("Ring").select_option(label="Trial")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish edition 2022-04").click()
    expect(page.get_by_text("The edition “2022-04” is published.")).to_be_visible()
    twins = page.locator("li", has_text="Digital twins")
    expect(twins.locator(".radar-move")).to_have_text("Moved in (was Assess)")
    expect(page.locator("svg.radar-svg g title", has_text="Digital twins")).to_contain_text("Moved in")
    web.check_page("radars-radar-moved")

    page.get_by_role("link", name="Digital twins").click()
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(page.locator(".radar-timeline li")).to_have_count(2)
    web.check_page("radars-item")
    narrow(web, "radars-item")

    web.goto(f"/me/radars/{radar.pk}/sharing/")
    web.check_page("radars-sharing")
    page.get_by_role("button", name="Make a public link").click()
    link = page.locator("a.radar-url").get_attribute("href")
    web.goto(f"/me/radars/{radar.pk}/settings/")
    web.check_page("radars-settings")
    narrow(web, "radars-settings")
    web.goto(f"/me/radars/{radar.pk}/print/")
    web.check_page("radars-print")
    web.context.clear_cookies()  # a visitor with the link
    web.goto(urlsplit(link).path)
    expect(page.get_by_role("heading", name="Smart energy radar", level=1)).to_be_visible()
    web.check_page("radars-public")
    narrow(web, "radars-public")
