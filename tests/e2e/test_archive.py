"""The archive in Chromium: a second edition, made and published in Python (the seed's modules six years on), takes
over the public site; /editions/ lists both; the pilot's archive pages carry the "past" notice and their links stay
in the archive; old links (/modules/1/, /booklet/<pilot>/) still work. Every page passes axe at 1280 and 375 px and
loads nothing from another origin."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.slow

PILOT = "2020-2021"


@pytest.fixture
def next_edition(site):
    from campus.programme import services
    from campus.programme.models import Edition, Module
    from tests.programme.test_current_edition import _copy

    pilot = Edition.objects.get(is_current=True)
    later = _copy(pilot, "2026-2027", 6, published=False)
    later.name = "2026–2027"
    later.save()
    Module.objects.filter(edition=later, number=1).update(title="Leadership, six years on")
    services.publish_edition(edition=later)  # the pilot has ended, the new one runs now: it becomes current
    later.refresh_from_db()
    assert later.is_current
    return later


def check_both(web, label):
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def test_the_public_site_follows_the_new_edition_and_the_pilot_moves_to_the_archive(web, next_edition):
    page = web.page
    web.goto("/")
    expect(page.locator(".hero .eyebrow")).to_contain_text("2026–2027")
    check_both(web, "archive-home-new-edition")

    # the footer links the archive (two published editions); it lists both, newest first
    page.get_by_role("contentinfo").get_by_role("link", name="Editions").click()
    expect(page.get_by_role("heading", name="Editions", level=1)).to_be_visible()
    cards = page.locator(".edition-card h2")
    expect(cards).to_have_count(2)
    expect(cards.nth(0)).to_contain_text("The 2026–2027 edition")
    expect(cards.nth(1)).to_contain_text("The 2020–2021 edition")
    expect(cards.nth(1)).to_contain_text("past")
    check_both(web, "archive-list")

    # the pilot's home in the archive: the notice, the edition's own pages
    page.get_by_role("link", name="The 2020–2021 edition", exact=True).click()
    expect(page).to_have_url(f"{web.base_url}/editions/{PILOT}/")
    notice = page.locator(".edition-bar")
    expect(notice).to_contain_text("This is the 2020–2021 edition (past). The current edition is 2026–2027.")
    check_both(web, "archive-pilot-home")

    # its modules and a module: links stay inside the archive
    notice.get_by_role("link", name="Modules").click()
    expect(page).to_have_url(f"{web.base_url}/editions/{PILOT}/modules/")
    expect(page.locator(".edition-bar")).to_contain_text("(past)")
    check_both(web, "archive-pilot-modules")
    page.get_by_role("link", name="Module 2: Strategic Management").click()
    expect(page).to_have_url(f"{web.base_url}/editions/{PILOT}/modules/2/")
    expect(page.locator(".edition-bar")).to_contain_text("This is the 2020–2021 edition (past).")
    expect(page.get_by_role("link", name="Module 2 of the 2020–2021 edition")).to_be_visible()
    check_both(web, "archive-pilot-module")
    page.get_by_role("link", name="Next Module 3").click()
    expect(page).to_have_url(f"{web.base_url}/editions/{PILOT}/modules/3/")
    page.locator(".edition-bar").get_by_role("link", name="Schedule").click()
    expect(page).to_have_url(f"{web.base_url}/editions/{PILOT}/schedule/")
    expect(page.locator(".timeline__meetups").first).to_contain_text("Opening meetup")  # the pilot's own meetups
    check_both(web, "archive-pilot-schedule")

    # the notice leads to the current edition
    page.locator(".edition-bar").get_by_role("link", name="2026–2027").click()
    expect(page).to_have_url(f"{web.base_url}/")

    # old links keep working: /modules/1/ is today's module 1 (with its edition named), the pilot's booklet stays
    web.goto("/modules/1/")
    expect(page.get_by_role("heading", name="Leadership, six years on", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Module 1 of the 2026–2027 edition")).to_be_visible()
    check_both(web, "archive-old-module-link")
    web.goto(f"/booklet/{PILOT}/")
    check_both(web, "archive-pilot-booklet")

    # the current edition's archive page is the same content, its canonical address the root page
    web.goto("/editions/2026-2027/modules/1/")
    assert page.locator('link[rel="canonical"]').get_attribute("href").endswith("/modules/1/")
    check_both(web, "archive-current-in-archive")


def test_a_draft_edition_is_404_for_the_public(web, site):
    from campus.programme.models import Edition
    from tests.programme.test_current_edition import _copy

    _copy(Edition.objects.get(is_current=True), "next-draft", 6, published=False)
    web.goto("/editions/next-draft/", status=404)
    web.goto("/editions/")
    expect(web.page.locator(".edition-card")).to_have_count(1)
