"""Subject access: a person downloads everything held about them; staff with the permission produce the same
zip by address. Tested with data that could leak: Jonas's export holds nothing of Aino, a staff member's export
holds nothing of the people they worked on, and who may ask for someone else's data is pinned."""

import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client

from campus.applications import selectors as application_selectors
from campus.core.models import ActivityLog
from campus.privacy.permissions import can_handle_requests
from campus.privacy.selectors import pseudonym
from campus.programme import services as programme_services

from .conftest import (
    AINO_CV, AINO_EMAIL, AINO_LETTER, AINO_SECOND, AINO_SECRETS, JONAS_EMAIL, PASSWORD, leaks,
    make_privacy_officer, signed_in,
)

pytestmark = pytest.mark.django_db


def archive_of(response) -> zipfile.ZipFile:
    assert response.status_code == 200, response.content[:2000]
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    return zipfile.ZipFile(io.BytesIO(response.content))


def every_byte(archive: zipfile.ZipFile) -> str:
    return "\n".join(archive.read(name).decode("utf-8", "replace") + name for name in archive.namelist())


def test_a_person_downloads_everything_held_about_them(aino):
    archive = archive_of(aino.client.get("/my-data/download.zip"))
    reference = aino.application.reference
    assert sorted(archive.namelist()) == sorted(
        ["data.json", f"{reference}/cv-aino-cv.pdf", f"{reference}/letter-aino-letter.docx"]
    )
    assert archive.read(f"{reference}/cv-aino-cv.pdf") == AINO_CV
    assert archive.read(f"{reference}/letter-aino-letter.docx") == AINO_LETTER
    data = json.loads(archive.read("data.json"))

    assert data["account"]["email"] == AINO_EMAIL and data["account"]["full_name"] == "Aino Virtanen"
    assert {a["email"] for a in data["email_addresses"]} == {AINO_EMAIL, AINO_SECOND}
    (application,) = data["applications"]
    assert application["reference"] == reference
    assert application["answers"] == application_selectors.answers_of(aino.application)
    assert application["answers"]["phone"] == "+358 40 123 4567"
    assert application["submitted_copy"] == aino.application.snapshot
    assert application["more_information_requested"].startswith("Dear Aino Virtanen")
    assert {d["kind"] for d in application["documents"]} == {"cv", "letter"}
    assert data["consents"] == [{"application": reference, "privacy_notice_version": aino.application.consent_version,
                                 "accepted_at": aino.application.consent_at.isoformat()}]
    # the contact message she sent from her second address (in capitals) is hers
    (message,) = data["contact_messages"]
    assert message["message"] == "Please call me back on +358 40 123 4567."
    # the activity log about her: her own steps, and what the team did (without saying which member)
    actions = [(entry["action"], entry["by"]) for entry in data["activity"]]
    assert ("applications.submitted", "you") in actions
    assert ("applications.eligibility_overridden", "the team") in actions
    override = next(e for e in data["activity"] if e["action"] == "applications.eligibility_overridden")
    assert "confirmed by phone" in override["details"]["reason"] and override["about"] == f"application {reference}"
    assert "team.lead@example.org" not in every_byte(archive) and "Privacy Officer" not in every_byte(archive)


def test_another_persons_export_holds_nothing_of_aino(aino, jonas):
    jonas_client = signed_in(jonas.applicant)
    archive = archive_of(jonas_client.get("/my-data/download.zip"))
    assert leaks(every_byte(archive), AINO_SECRETS) == []
    data = json.loads(archive.read("data.json"))
    assert [a["reference"] for a in data["applications"]] == [jonas.reference]
    assert data["contact_messages"] == []


def test_a_staff_members_export_shows_their_work_but_not_the_people_they_worked_on(aino):
    staff = get_user_model().objects.get(email="team.lead@example.org")
    archive = archive_of(signed_in(staff).get("/my-data/download.zip"))
    data = json.loads(archive.read("data.json"))
    assert data["applications"] == []
    actions = {entry["action"] for entry in data["activity"]}
    assert {"applications.eligibility_overridden", "applications.exported"} <= actions
    assert all("details" not in entry for entry in data["activity"])
    assert leaks(every_byte(archive), AINO_SECRETS) == []


def test_every_export_is_logged(aino, officer, officer_client):
    aino.client.get("/my-data/download.zip")
    archive_of(officer_client.post("/staff/privacy/export/", {"email": AINO_SECOND}))
    by_self, by_staff = ActivityLog.objects.filter(action="privacy.exported").order_by("id")
    assert (by_self.actor, by_self.data["by"]) == (aino.user, "self")
    assert (by_staff.actor, by_staff.data["by"]) == (officer, "staff")
    for entry in (by_self, by_staff):
        assert (entry.target_type, entry.target_id) == ("accounts.user", str(aino.user.pk))
        assert entry.data["applications"] == 1 and entry.data["files"] == 2 and entry.data["contact_messages"] == 1
        assert leaks(json.dumps(entry.data), AINO_SECRETS) == []


def test_the_old_applicant_address_leads_to_the_same_download(aino):
    response = aino.client.get("/apply/my-data.zip")
    assert response.status_code == 302 and response["Location"] == "/my-data/download.zip"
    anonymous = Client().get("/apply/my-data.zip")
    assert anonymous["Location"].startswith("/accounts/login/?next=")


def test_the_person_page_says_what_we_hold(aino):
    page = aino.client.get("/my-data/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "1 application," in text and "2 files" in text and "1 message sent" in text
    assert 'href="/my-data/download.zip"' in text and 'href="/my-data/erase/"' in text
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
    assert "/staff/privacy/" not in text  # not for applicants


def test_anonymous_visitors_are_sent_to_sign_in(aino):
    client = Client()
    for path in ("/my-data/", "/my-data/download.zip", "/my-data/erase/", "/staff/privacy/",
                 "/staff/privacy/erasure/1/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next="), path
        assert leaks(response.content.decode(), AINO_SECRETS) == []
    response = client.post("/staff/privacy/export/", {"email": AINO_EMAIL})
    assert response.status_code == 302 and "Content-Disposition" not in response
    assert not ActivityLog.objects.filter(action="privacy.exported").exists()


# --- staff: a person's data by address -------------------------------------------------------------


@pytest.mark.parametrize("who", ["applicant", "staff without the permission", "inactive officer",
                                 "officer who is not staff"])
def test_without_the_permission_nobody_gets_someone_elses_data(aino, jonas, who):
    if who == "applicant":
        user = jonas.applicant
    elif who == "staff without the permission":
        user = make_privacy_officer("viewer@example.org", permission=False)
        user.user_permissions.add(*Permission.objects.filter(codename__in=["view_application", "change_application"]))
    elif who == "inactive officer":
        user = make_privacy_officer("gone@example.org")
        user.is_active = False
        user.save()
    else:
        user = make_privacy_officer("helper@example.org")
        user.is_staff = False
        user.save()
    user = get_user_model().objects.get(pk=user.pk)
    assert not can_handle_requests(user)
    client = Client()
    client.force_login(user) if user.is_active else None
    for method, path, data in (("get", "/staff/privacy/", {}),
                               ("post", "/staff/privacy/export/", {"email": AINO_EMAIL}),
                               ("get", "/staff/privacy/erasure/1/", {})):
        response = getattr(client, method)(path, data)
        assert response.status_code in (302, 404), (who, path, response.status_code)
        assert "Content-Disposition" not in response
        assert leaks(response.content.decode("utf-8", "replace"), AINO_SECRETS) == []
    assert not ActivityLog.objects.filter(action="privacy.exported").exists()


def test_an_officer_and_a_superuser_get_the_same_zip_as_the_person(aino, officer_client):
    own = json.loads(archive_of(aino.client.get("/my-data/download.zip")).read("data.json"))
    superuser = make_privacy_officer("root@example.org", superuser=True)
    for client in (officer_client, signed_in(superuser)):
        archive = archive_of(client.post("/staff/privacy/export/", {"email": "  Aino@Example.FI "}))
        data = json.loads(archive.read("data.json"))
        for key in ("account", "email_addresses", "applications", "consents", "contact_messages"):
            assert data[key] == own[key], key
        assert archive.read(f"{aino.application.reference}/cv-aino-cv.pdf") == AINO_CV


def test_an_unknown_address_gives_a_clear_message_and_logs_nothing(aino, officer_client):
    response = officer_client.post("/staff/privacy/export/", {"email": "nobody@example.org"})
    assert response.status_code == 200
    assert "We hold nothing under this address" in response.content.decode()
    assert 'value="nobody@example.org"' in response.content.decode()  # what was typed is kept
    response = officer_client.post("/staff/privacy/export/", {"email": "not an address"})
    assert response.status_code == 200 and "Enter a valid email address" in response.content.decode()
    assert not ActivityLog.objects.filter(action="privacy.exported").exists()


def test_a_person_without_an_account_gets_their_contact_messages_and_the_log_keeps_no_address(
    seeded, officer, officer_client
):
    for text in ("First question", "Second question"):
        programme_services.submit_contact_message(
            programme=seeded.programme, name="Lars Nilsson", email="lars@example.se", organisation="Skåne Food",
            topic="know_more", message=text, client="192.0.2.9",
        )
    programme_services.submit_contact_message(
        programme=seeded.programme, name="Other", email="other@example.se", organisation="", topic="other",
        message="Not Lars's", client="192.0.2.10",
    )
    response = officer_client.post("/staff/privacy/export/", {"email": "LARS@example.se"})
    data = json.loads(archive_of(response).read("data.json"))
    assert data["account"] is None and data["applications"] == []
    assert [m["message"] for m in data["contact_messages"]] == ["First question", "Second question"]
    (entry,) = ActivityLog.objects.filter(action="privacy.exported")
    assert entry.actor == officer and entry.target_type == ""
    assert entry.data["subject"] == pseudonym("lars@example.se") and "lars" not in json.dumps(entry.data).lower()
    # a second export for the same address appears in the next export's activity, named by the pseudonym
    response = officer_client.post("/staff/privacy/export/", {"email": "lars@example.se"})
    data = json.loads(archive_of(response).read("data.json"))
    assert [e["action"] for e in data["activity"]].count("privacy.exported") == 1


def test_staff_pages_need_a_second_factor_when_required(aino, officer_client, settings):
    settings.CAMPUS_STAFF_REQUIRE_MFA = True
    response = officer_client.get("/staff/privacy/")
    assert response.status_code == 302 and "/accounts/2fa/" in response["Location"]
    response = officer_client.post("/staff/privacy/export/", {"email": AINO_EMAIL})
    assert response.status_code == 302 and "Content-Disposition" not in response


def test_staff_see_the_link_to_the_requests_and_applicants_do_not(aino, officer_client):
    assert 'href="/staff/privacy/"' in officer_client.get("/my-data/").content.decode()
    staff_page = officer_client.get("/staff/privacy/").content.decode()
    assert 'aria-current="page">Privacy requests' in staff_page
    assert Client().login(email=JONAS_EMAIL, password=PASSWORD) is False  # (made without a password)


def test_the_status_page_links_to_the_persons_data_through_privacys_registered_links(aino):
    """applications links to privacy's pages without naming them: privacy registers them (core.plugins.links)."""
    from campus.core.plugins import links

    text = aino.client.get("/apply/status/").content.decode()
    assert 'href="/my-data/download.zip"' in text and 'href="/my-data/"' in text and "Your data" in text
    saved = {name: links._links[name] for name in ("my_data", "my_data_download")}
    try:
        for name in saved:
            links.unregister(name)
        text = aino.client.get("/apply/status/").content.decode()
        assert "/my-data/" not in text and "Your data" not in text
    finally:
        for name, url_name in saved.items():
            links.register(name, url_name)
