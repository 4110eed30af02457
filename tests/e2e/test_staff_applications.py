"""The back office: a team member with the role finds the applications from the staff area, filters them,
opens one and overrides its eligibility with a reason. Every page passes axe, loads nothing from another
origin and runs without errors."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.applications.staff_factories import SCRIPT, make_application, make_staff

STAFF_EMAIL = "team.member@example.org"

@pytest.fixture
def applications(site, settings, tmp_path):
    from campus.applications.models import Call

    settings.MEDIA_ROOT = tmp_path / "media"
    call = Call.objects.get()
    call.opens_at = timezone.now() - timedelta(days=10)
    call.closes_at = timezone.now() + timedelta(days=20)
    call.save()
    make_application(call, email="aino@example.fi")
    make_application(call, email="lars@example.se", first_name="Lars", last_name="Nilsson",
                     country_of_residence="SE", organisation="Skåne Food Cluster")
    short = make_application(call, email="ona@example.lt", first_name="Ona", last_name="Kazlauskienė",
                             country_of_residence="LT", organisation="Kaunas ICT Cluster", years_as_manager=1)
    # a right-to-left override and a zero-width space: shown to staff as visible markers (axe checks them too)
    make_application(call, email="mallory@example.org", submit=False, first_name=SCRIPT, last_name="Mal\u202eyrol",
                     organisation="Evil\u200bCorp")
    assert short.eligibility == "not_eligible"
    return call


@pytest.fixture
def staff_web(web, applications):
    """Signed in as a team member with the role. The browser gets the session of a Django test client's
    ``force_login`` (the sign-in page itself belongs to the accounts tests)."""
    from django.conf import settings
    from django.test import Client

    web.goto("/staff/applications/")  # not signed in: to the sign-in page, which will send them back
    assert parse_qs(urlsplit(web.page.url).query).get("next") == ["/staff/applications/"], web.page.url
    assert "Ona" not in web.page.content()
    user = make_staff(STAFF_EMAIL, "view_application", "change_application", "view_document")
    client = Client()
    client.force_login(user)
    web.context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": web.base_url, "httpOnly": True, "sameSite": "Lax",
    }])
    return web


def test_staff_filter_open_and_override_an_application(staff_web):
    web = staff_web
    page = web.page
    # from the staff area's front page to the back office
    web.goto("/staff/")
    expect(page).to_have_url(re.compile(r"/staff/$"))
    web.check_page("staff-home")
    expect(page.locator(".staff-home").get_by_role("link")).to_have_text(["Applications"])  # no content permission: no "Content and data"
    page.locator(".staff-home").get_by_role("link", name="Applications", exact=True).click()
    expect(page).to_have_url(re.compile(r"/staff/applications/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Applications")
    table = page.get_by_role("table")
    expect(table.get_by_role("row")).to_have_count(5)  # the header and four applications
    expect(table).to_contain_text(SCRIPT)  # markup shows as text, never runs
    marker = table.locator(".invisible-char").first
    expect(marker).to_be_visible()
    expect(marker).to_have_attribute("title", "Invisible character typed here: right-to-left override (U+202E)")
    expect(table.locator(".invisible-char")).to_have_count(2)
    web.check_page("list")

    # filter: not eligible, then clear
    page.get_by_label("Eligibility").select_option("not_eligible")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"eligibility=not_eligible"))
    expect(table.get_by_role("row")).to_have_count(2)
    expect(table).to_contain_text("Ona Kazlauskienė")
    expect(page.get_by_text("1–1 of 1 application matching the filters")).to_be_visible()
    web.check_page("list-filtered")

    # open the application
    table.get_by_role("link", name="Ona Kazlauskienė").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ona Kazlauskienė")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Kaunas ICT Cluster")
    expect(main.get_by_role("link", name="cv.pdf")).to_be_visible()
    web.check_page("detail")

    # an override without a reason is refused next to the field, and what was chosen stays
    panel = page.get_by_role("region", name="Eligibility")
    panel.get_by_label("Eligible", exact=True).check()
    panel.get_by_role("button", name="Record the eligibility").click()
    expect(panel.locator(".field__error")).to_have_text("Record why you override the screening.")
    expect(panel.get_by_label("Eligible", exact=True)).to_be_checked()
    web.check_page("detail-override-error")

    panel.get_by_label("Reason").fill("Eight years as deputy manager of the cluster: counts as managing experience.")
    panel.get_by_role("button", name="Record the eligibility").click()
    expect(page.get_by_role("status")).to_contain_text("The eligibility is recorded.")
    expect(panel).to_contain_text("Decided by Team Member")
    expect(panel.locator(".badge-note")).to_have_text("overridden")
    expect(page.get_by_role("region", name="Activity")).to_contain_text("Overrode the eligibility: Eligible")
    web.check_page("detail-overridden")

    # back to the list: the marker shows there too
    page.get_by_role("link", name=re.compile("^Applications: ")).click()
    row = page.get_by_role("row", name=re.compile("Ona Kazlauskienė"))
    expect(row).to_contain_text("Eligible")
    expect(row).to_contain_text("overridden")


def test_back_office_at_phone_width(staff_web):
    web = staff_web
    web.set_width(375)
    web.goto("/staff/applications/")
    web.check_narrow()
    web.check_page("list-narrow")
    web.page.get_by_role("link", name="Lars Nilsson").click()
    expect(web.page.get_by_role("heading", level=1)).to_have_text("Lars Nilsson")
    web.check_narrow()
    web.check_page("detail-narrow")
