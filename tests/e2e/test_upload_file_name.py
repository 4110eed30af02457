"""A CV whose file name is about 1,000 bytes (issue 9, finding 10), chosen in Chromium: the page renames it
before the upload and says so next to the field, the upload goes through, and the stored name is the cleaned
one (no direction characters, at most 100 characters, the extension kept)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.applications.conftest import pdf_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONG_NAME = "Lebenslauf \u202e" + "Überlänge " * 100 + ".pdf"  # about 1,100 bytes in UTF-8


@pytest.fixture
def applicant(site):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from campus.applications.models import Call

    call = Call.objects.get()
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=14)
    call.save()
    user = get_user_model().objects.create_user(email="lena@example.de", password=None, full_name="Lena Berg")
    client = Client()
    client.force_login(user)
    assert client.post("/apply/begin/").status_code == 302
    return user


def test_a_very_long_file_name_is_shortened_in_the_browser_and_kept_short(web, applicant):
    from campus.applications.models import Document

    assert len(LONG_NAME.encode()) > 1000
    web.sign_in_as(applicant)
    page = web.page
    page.goto(web.base_url + "/apply/step/cv/")
    page.get_by_label("Your CV").set_input_files(
        files=[{"name": LONG_NAME, "mimeType": "application/pdf", "buffer": pdf_bytes()}])
    note = page.locator("#" + page.get_by_label("Your CV").get_attribute("id") + "-name-note")
    expect(note).to_contain_text("will be sent as")
    web.check_axe(label="(cv step with the renaming note)")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue").click()
    assert "/apply/step/cv/" not in page.url  # the step was saved and the next one opened
    stored = Document.objects.get(application__applicant=applicant).original_name
    assert stored.endswith(".pdf") and len(stored) <= 100
    assert "\u202e" not in stored and stored.startswith("Lebenslauf Überlänge")
