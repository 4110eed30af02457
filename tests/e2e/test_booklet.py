"""The booklet in Chromium: a participant fills the profile with a photo (a refused SVG first: the error by the
field, nothing typed lost), publishes it (public consent), sees it on the public booklet and its page, withdraws
and sees it gone; a fellow participant sees shared profiles in the cohort's booklet and the directory; a
manager works the staff list, a profile and the settings. Every page passes axe at 1280 and 375 px, loads
nothing from another origin and runs without errors."""

import re

import pytest
from playwright.sync_api import expect

from tests.booklet import photo_files


@pytest.fixture
def people(site):
    from campus.programme.models import Edition
    from campus.team.models import TeamMembership
    from tests.booklet.conftest import make_profile
    from tests.cohort.conftest import make_participant
    from tests.interviews.conftest import make_person

    edition = Edition.objects.get(is_current=True)
    pia = make_participant(edition, "pia.participant@example.org", given="Pia", family="Participant")
    bo = make_profile(edition, "bo.berg@example.org", level="participants", given="Bo", family="Berg",
                      country="SE", cluster_name="Stockholm Life Science", role="Cluster director")
    manager = make_person("mia.manager@example.org", TeamMembership.Role.MANAGER, edition=edition)
    return {"edition": edition, "pia": pia, "bo": bo, "manager": manager}


@pytest.fixture
def photos(tmp_path):
    jpeg = tmp_path / "portrait.jpg"
    jpeg.write_bytes(photo_files.jpeg((1600, 2000), color=(70, 120, 160), orientation=1, gps=True))
    svg = tmp_path / "drawing.svg"
    svg.write_bytes(photo_files.SVG)
    return {"jpeg": jpeg, "svg": svg}


def check(web, label):
    web.set_width(1280)
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280)


def fill_profile(page):
    page.get_by_label("Your role").fill("Cluster manager")
    page.get_by_label("Organisation").fill("Vaasa Energy Cluster Oy")
    page.get_by_label("Cluster name").fill("EnergyVaasa")
    page.get_by_label("Cluster website").fill("https://energyvaasa.example.fi")
    page.get_by_label("Country of your cluster").select_option("FI")
    page.get_by_label("Sector", exact=True).select_option("energy")
    page.get_by_label("Your cluster in a few sentences").fill("Energy technology companies around Vaasa.")
    page.get_by_label("Why you applied").fill("To learn how other cluster managers work.")
    page.get_by_label("What you expect to gain").fill("Tools, peers and new collaborations.")


def photo_loaded(page, selector) -> bool:
    """The photo came through the view and decoded (waits for it: a click's navigation returns early)."""
    page.wait_for_function("(s) => { const img = document.querySelector(s); return img && img.complete "
                           "&& img.naturalWidth > 0; }", arg=selector, timeout=10_000)
    return True


def test_publish_see_withdraw(web, people, photos):
    page = web.page
    edition = people["edition"]
    web.sign_in_as(people["pia"].user)
    web.goto("/me/")
    expect(page.get_by_role("heading", name="Complete your booklet profile")).to_be_visible()
    page.get_by_role("link", name="Your booklet profile").click()
    expect(page.get_by_role("heading", name="Your booklet profile", level=1)).to_be_visible()
    check(web, "booklet-edit")

    # a drawing instead of a photo: refused by the field, nothing typed is lost
    fill_profile(page)
    page.get_by_label("Photo", exact=True).set_input_files(str(photos["svg"]))
    page.get_by_role("button", name="Save and preview").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".field__error").first).to_contain_text("not a photo")
    expect(page.get_by_label("Cluster name")).to_have_value("EnergyVaasa")
    expect(page.get_by_label("Why you applied")).to_have_value("To learn how other cluster managers work.")
    check(web, "booklet-edit-refused")

    page.get_by_label("Photo", exact=True).set_input_files(str(photos["jpeg"]))
    page.get_by_role("button", name="Save and preview").click()
    expect(page.get_by_role("heading", name="Preview of your booklet profile")).to_be_visible()
    expect(page.get_by_role("heading", name="Pia Participant")).to_be_visible()
    assert photo_loaded(page, ".bk-profile__photo img")
    check(web, "booklet-preview")

    page.get_by_role("link", name="Change who may see it").click()
    check(web, "booklet-consent")
    page.get_by_label(re.compile(r"^\s*The public")).check()
    page.get_by_role("button", name="Save my choice").click()
    expect(page.get_by_text("Your booklet profile is now public.")).to_be_visible()

    # the public booklet, as a visitor
    web.context.clear_cookies()
    web.goto("/booklet/")
    expect(page.get_by_text("1 cluster manager from 1 country")).to_be_visible()
    expect(page.get_by_role("link", name="Pia Participant")).to_be_visible()
    expect(page.get_by_text("Bo Berg")).to_have_count(0)  # shared with participants only
    check(web, "booklet-public")
    page.get_by_label("Country").select_option("FI")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("1 of 1 profiles shown")).to_be_visible()
    page.get_by_role("link", name="Pia Participant").click()
    expect(page.get_by_role("heading", name="Pia Participant", level=1)).to_be_visible()
    assert photo_loaded(page, ".bk-profile__photo img")
    profile_url = page.url
    check(web, "booklet-public-profile")
    web.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Participant booklet").click()
    expect(page).to_have_url(re.compile(r"/booklet/[a-z0-9-]+/$"))

    # withdrawn: gone at once
    web.sign_in_as(people["pia"].user)
    web.goto("/me/booklet/consent/")
    page.get_by_label(re.compile(r"^\s*Nobody")).check()
    page.get_by_role("button", name="Save my choice").click()
    expect(page.get_by_text("Your booklet profile is now hidden")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="The public")).to_have_count(1)  # the history
    web.context.clear_cookies()
    web.goto("/booklet/")
    expect(page.get_by_role("link", name="Pia Participant")).to_have_count(0)
    # nobody public: the programme's own booklet page stands in for the introduction's "0 cluster managers"
    expect(page.get_by_text("has published a profile yet")).to_be_visible()
    response = page.goto(profile_url)
    assert response.status == 404


def test_the_cohort_sees_shared_profiles_and_staff_work_the_list(web, people):
    page = web.page
    web.sign_in_as(people["pia"].user)
    web.goto("/me/booklet/cohort/")
    expect(page.get_by_role("link", name="Bo Berg")).to_be_visible()
    check(web, "booklet-cohort")
    page.get_by_role("link", name="Bo Berg").click()
    expect(page.get_by_role("heading", name="Bo Berg", level=1)).to_be_visible()
    check(web, "booklet-cohort-profile")
    web.goto("/me/cohort/")
    expect(page.get_by_text("Cluster director")).to_be_visible()
    expect(page.get_by_role("link", name="Booklet profile of Bo Berg")).to_be_visible()
    check(web, "booklet-directory")

    web.sign_in_as(people["manager"])
    web.goto("/staff/booklet/")
    expect(page.get_by_role("heading", name="Booklet", level=1)).to_be_visible()
    check(web, "booklet-staff")
    page.get_by_role("button", name="Lock all profiles", exact=True).click()
    expect(page.get_by_text("1 profile locked.")).to_be_visible()
    page.get_by_role("link", name="Bo Berg").click()
    expect(page.get_by_text("The participant cannot change this profile")).to_be_visible()
    check(web, "booklet-staff-profile")
    page.get_by_label("Your role").fill("Cluster director and founder")
    page.get_by_role("button", name="Save the profile").click()
    expect(page.get_by_text("The profile is saved.")).to_be_visible()
    web.goto("/staff/booklet/")
    page.get_by_role("link", name="Introduction and settings").click()
    check(web, "booklet-staff-settings")

    web.sign_in_as(people["bo"].participant.user)
    web.goto("/me/booklet/")
    expect(page.get_by_text("Your profile is locked")).to_be_visible()
    check(web, "booklet-locked")
