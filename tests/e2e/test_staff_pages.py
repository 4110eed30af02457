"""The staff area: a programme manager signs in like a person, edits a module date, and the public site
follows. Every staff page passes axe and loads nothing from another origin."""

import pytest
from playwright.sync_api import expect

STAFF_EMAIL = "manager@example.org"
STAFF_PASSWORD = "a-long-staff-password-1"


def make_staff():
    from campus.accounts.services import ensure_staff_account

    ensure_staff_account(email=STAFF_EMAIL, password=STAFF_PASSWORD)


@pytest.fixture
def staff_web(web):
    make_staff()
    web.goto("/staff/")  # the staff area sends people to the one sign-in page
    assert "/accounts/login/" in web.page.url
    web.check_axe(label="(sign-in)")
    web.page.get_by_label("Email address").fill(STAFF_EMAIL)
    web.page.get_by_label("Password").fill(STAFF_PASSWORD)
    web.page.get_by_role("button", name="Sign in").click()
    web.page.wait_for_url("**/staff/")
    web.check_axe(label="(staff area)")
    return web


def test_wrong_password_is_refused_with_a_message(web):
    make_staff()
    web.goto("/staff/")
    web.page.get_by_label("Email address").fill(STAFF_EMAIL)
    web.page.get_by_label("Password").fill("wrong-password")
    web.page.get_by_role("button", name="Sign in").click()
    expect(web.page.get_by_role("alert")).to_contain_text("password")
    assert "/accounts/login/" in web.page.url


STAFF_PAGES = [
    "/staff/content/",
    "/staff/content/programme/module/",
    "/staff/content/programme/edition/",
    "/staff/content/programme/meetup/",
    "/staff/content/programme/faq/",
    "/staff/content/programme/contactmessage/",
]


def test_staff_pages_pass_axe_and_load_nothing_foreign(staff_web):
    for path in STAFF_PAGES:
        staff_web.goto(path)
        staff_web.check_axe(label=f"({path})")
        staff_web.check_same_origin()


def test_a_module_date_edited_by_staff_shows_on_the_public_site(staff_web):
    from campus.programme.models import Module

    module = Module.objects.get(number=3)
    staff_web.goto(f"/staff/content/programme/module/{module.pk}/change/")
    staff_web.check_axe(label="(module edit form)")
    staff_web.page.locator("#id_starts_on").fill("2021-03-22")
    staff_web.page.get_by_role("button", name="Save", exact=True).click()
    staff_web.page.wait_for_url("**/staff/content/programme/module/")
    assert "was changed successfully" in staff_web.page.inner_text("body")
    staff_web.check_axe(label="(module list after saving)")
    staff_web.goto("/modules/3/")
    assert "22 March – 21 May 2021" in staff_web.page.inner_text("main")
