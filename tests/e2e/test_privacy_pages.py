"""The privacy pages in a browser: an applicant finds "Your data" in the account menu, downloads the zip,
asks to be erased (first forgetting the confirmation); a privacy officer finds the request, refuses it without a
note (an error), then approves it. Every page passes axe, loads nothing from another origin and runs cleanly,
also at phone width."""

import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.applications.staff_factories import make_application

OFFICER_EMAIL = "privacy.officer@example.org"

@pytest.fixture
def applicant(site, settings, tmp_path):
    from campus.applications.models import Call

    settings.MEDIA_ROOT = tmp_path / "media"
    call = Call.objects.get()
    call.opens_at = timezone.now() - timedelta(days=10)
    call.closes_at = timezone.now() + timedelta(days=20)
    call.save()
    return make_application(call, email="aino@example.fi", first_name="Aino", last_name="Virtanen").applicant


@pytest.fixture
def officer(site):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(
        email=OFFICER_EMAIL, password="a-long-staff-password-1", is_staff=True, full_name="Privacy Officer"
    )
    user.user_permissions.add(Permission.objects.get(codename="handle_requests"))
    return user


def test_a_person_downloads_their_data_and_asks_to_be_erased(web, applicant, officer):
    from campus.privacy.models import ErasureRequest

    page = web.page
    web.sign_in_as(applicant)
    web.goto("/accounts/email/")
    page.get_by_role("navigation", name="Account settings").get_by_role("link", name="Your data").click()
    expect(page).to_have_url(re.compile(r"/my-data/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data")
    expect(page.get_by_role("main")).to_contain_text("1 application")
    web.check_page("my-data")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my data (zip)").click()
    archive = zipfile.ZipFile(io.BytesIO(open(download_info.value.path(), "rb").read()))
    assert json.loads(archive.read("data.json"))["account"]["email"] == "aino@example.fi"

    page.get_by_role("link", name="Ask us to erase my data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erase your data")
    web.check_page("erase")
    page.get_by_label("Why do you want us to erase your data? (optional)").fill("I changed jobs.")
    page.get_by_role("button", name="Ask to erase my data").click()
    expect(page.locator(".field__error")).to_have_text("Please tick the box to confirm that you want your data erased.")
    expect(page.get_by_label("Why do you want us to erase your data? (optional)")).to_have_value("I changed jobs.")
    web.check_page("erase-error")
    page.get_by_label("I understand that my account").check()
    page.get_by_role("button", name="Ask to erase my data").click()
    expect(page).to_have_url(re.compile(r"/my-data/$"))
    expect(page.get_by_role("main")).to_contain_text("Waiting for the team’s decision")
    web.check_page("my-data-pending")
    web.set_width(375)
    web.goto("/my-data/")
    web.check_page("my-data-narrow", narrow=True)
    assert ErasureRequest.objects.get().state == "pending"


def test_an_officer_refuses_then_approves(web, applicant, officer):
    from campus.privacy import services

    request = services.request_erasure(user=applicant, reason="I changed jobs.")
    page = web.page
    web.sign_in_as(officer)
    web.goto("/my-data/")
    page.get_by_role("link", name="Privacy requests").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy requests")
    expect(page.get_by_role("table")).to_contain_text("aino@example.fi")
    web.check_page("staff-index")

    # an export by address with a typo: a clear message next to the field
    page.get_by_label("The person's email address").fill("nobody@example.org")
    page.get_by_role("button", name="Download their data (zip)").click()
    expect(page.locator(".field__error")).to_contain_text("We hold nothing under this address")
    web.check_page("staff-index-error")

    page.get_by_role("link", name="Aino Virtanen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Request to be erased #{request.pk}")
    web.check_page("staff-erasure")
    page.get_by_label("Refuse the request").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".field__error")).to_have_text("Tell the person why the request is refused.")
    web.check_page("staff-erasure-error")
    page.get_by_label("Approve: erase this person's data now").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("status")).to_contain_text("The person's data is erased.")
    expect(page.get_by_role("main")).not_to_contain_text("Aino")
    web.check_page("staff-erasure-done")
    web.set_width(375)
    web.goto("/staff/privacy/")
    web.check_page("staff-index-narrow", narrow=True)
