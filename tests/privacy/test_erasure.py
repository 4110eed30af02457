"""Erasure, tested with data that could leak: after Aino's request is approved, no table (every row of every
table, sessions decoded) and no file under MEDIA_ROOT holds her name, addresses, phone, organisation, the
words she wrote or her files' bytes. Jonas, another applicant, keeps everything; the counts stay."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from campus.applications import selectors as application_selectors
from campus.applications.models import Answer, Document
from campus.core.models import ActivityLog
from campus.privacy import services
from campus.privacy.models import ErasureRequest
from campus.privacy.services import SAFE_ACTIVITY_KEYS

from .conftest import (
    AINO_CV, AINO_EMAIL, AINO_LETTER, AINO_LETTER_PDF, AINO_REVIEW_SECRETS, AINO_SECRETS, PASSWORD, database_text,
    leaks, make_privacy_officer, media_files, review_and_admission, signed_in,
)

pytestmark = pytest.mark.django_db


def ask_and_approve(aino, officer_client, django_capture_on_commit_callbacks) -> ErasureRequest:
    response = aino.client.post("/my-data/erase/", {"reason": "I, Aino Virtanen, changed jobs.", "confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/my-data/"
    request = ErasureRequest.objects.get(user=aino.user)
    assert request.state == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(f"/staff/privacy/erasure/{request.pk}/", {"decision": "approve", "note": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    request.refresh_from_db()
    assert request.state == "approved"
    return request


def test_the_fixture_really_holds_aino_everywhere(aino, jonas, officer_client):
    """The leak test below means something only if every secret is there before the erasure."""
    review_and_admission(aino, jonas)
    officer_client.post("/staff/privacy/export/", {"email": AINO_EMAIL})
    aino.client.get("/my-data/download.zip")
    text = database_text()
    assert leaks(text, AINO_SECRETS) == [s for s in AINO_SECRETS if s != "changed jobs"]  # (her erasure reason)
    for table in ("accounts_user", "account_emailaddress", "applications_answer", "applications_application",
                  "programme_contactmessage", "core_activitylog", "django_admin_log",
                  "django_tasks_database_dbtaskresult"):
        assert "aino" in "\n".join(line for line in text.splitlines() if line.startswith(table + ":")).lower(), table
    assert leaks(text, AINO_REVIEW_SECRETS) == [s for s in AINO_REVIEW_SECRETS if s != "kelpie-letter"]  # (a file)
    for table in ("communications_outboxmessage", "review_review", "review_conflictofinterest",
                  "interviews_invitation", "admissions_decision", "core_activitylog"):
        assert "kelpie" in "\n".join(line for line in text.splitlines() if line.startswith(table + ":")), table
    stored = [path.read_bytes() for path in media_files(settings.MEDIA_ROOT)]
    assert AINO_CV in stored and AINO_LETTER in stored and AINO_LETTER_PDF in stored


def test_after_erasure_no_trace_of_aino_remains_in_any_table_or_file(
    aino, jonas, officer_client, django_capture_on_commit_callbacks
):
    review_and_admission(aino, jonas)  # reviews, interview, released decision, offer with letter, outbox, cohort
    officer_client.post("/staff/privacy/export/", {"email": AINO_EMAIL})
    aino.client.get("/my-data/download.zip")
    jonas_files = {d.file.path: d.file.read() for d in Document.objects.filter(application=jonas)}
    call = aino.application.call
    counts_before = application_selectors.staff_counts(call)

    ask_and_approve(aino, officer_client, django_capture_on_commit_callbacks)

    text = database_text()
    secrets = AINO_SECRETS + AINO_REVIEW_SECRETS
    assert leaks(text, secrets) == [], [line for line in text.splitlines() if leaks(line, secrets)][:20]
    remaining = [path.read_bytes() for path in media_files(settings.MEDIA_ROOT)]
    assert AINO_CV not in remaining and AINO_LETTER not in remaining and AINO_LETTER_PDF not in remaining
    assert sorted(remaining) == sorted(jonas_files.values())  # only Jonas's files are left

    # Jonas keeps everything
    jonas.refresh_from_db()
    assert jonas.full_name == "Jonas Petraitis" and jonas.organisation == "Kaunas IT Cluster"
    assert application_selectors.answers_of(jonas)["last_name"] == "Petraitis"
    assert {d.file.path: d.file.read() for d in Document.objects.filter(application=jonas)} == jonas_files
    assert jonas.snapshot["answers"] and any(item["display"] == "Petraitis" for item in jonas.snapshot["answers"])

    # the counts by state survive: the row is still there
    counts_after = application_selectors.staff_counts(call)
    assert counts_after["total"] == counts_before["total"] == 2
    assert counts_after["state"] == counts_before["state"]


def test_what_erasure_leaves_of_the_account_the_application_and_the_log(
    aino, officer, officer_client, django_capture_on_commit_callbacks
):
    application = aino.application
    actions_before = list(
        ActivityLog.objects.filter(target_type="applications.application", target_id=str(application.pk))
        .order_by("id").values_list("id", "action", "created_at")
    )
    request = ask_and_approve(aino, officer_client, django_capture_on_commit_callbacks)

    user = get_user_model().objects.get(pk=aino.user.pk)
    assert user.email.startswith("erased-") and user.email.endswith("@erased.invalid")
    assert user.full_name == "" and not user.has_usable_password() and not user.is_active
    assert not user.is_staff and user.last_login is None
    assert not EmailAddress.objects.filter(user=user).exists()

    application.refresh_from_db()
    assert (application.full_name, application.organisation, application.country) == ("", "", "")
    assert application.state == "more_info" and application.reference and application.submitted_at
    assert application.more_info_request == "" and application.eligibility_override_reason == ""
    assert not Answer.objects.filter(application=application).exists()
    assert not Document.objects.filter(application=application).exists()
    assert application.snapshot["erased"] is True
    assert all(item["value"] is None and item["display"] == "" for item in application.snapshot["answers"])
    assert all(reason["message"] == "" for reason in application.eligibility_reasons)

    # the log keeps what happened and when, but not who or anything personal; the staff member who acted
    # stays (their accountability, not her identity)
    staff = get_user_model().objects.get(email="team.lead@example.org")
    after = ActivityLog.objects.filter(
        target_type="applications.application", target_id=str(application.pk)
    ).order_by("id")
    assert list(after.values_list("id", "action", "created_at")) == actions_before
    for entry in after:
        assert entry.actor_id in (None, staff.pk)
        assert set(entry.data) <= SAFE_ACTIVITY_KEYS, entry.data
    assert not ActivityLog.objects.filter(actor=user).exists()

    # the erasure itself is logged with counts, by the officer, about the request: never the person
    (erased,) = ActivityLog.objects.filter(action="privacy.erased")
    assert erased.actor == officer and erased.target_type == "privacy.erasurerequest"
    assert erased.target_id == str(request.pk)
    assert erased.data["applications"] == 1 and erased.data["documents"] == 2 and erased.data["contact_messages"] == 1
    assert erased.data["sessions"] >= 1 and erased.data["tasks"] >= 1

    # the contact message keeps its topic and date only
    aino.contact.refresh_from_db()
    assert (aino.contact.name, aino.contact.email, aino.contact.organisation, aino.contact.message) == ("", "", "", "")
    assert aino.contact.topic == "other" and aino.contact.created_at

    # she is signed out everywhere and cannot sign in again
    assert aino.client.get("/my-data/")["Location"].startswith("/accounts/login/")
    assert not Client().login(email=AINO_EMAIL, password=PASSWORD)


def test_the_staff_pages_no_longer_show_who_it_was(aino, officer_client, django_capture_on_commit_callbacks):
    request = ask_and_approve(aino, officer_client, django_capture_on_commit_callbacks)
    for path in ("/staff/privacy/", f"/staff/privacy/erasure/{request.pk}/"):
        page = officer_client.get(path).content.decode()
        assert leaks(page, AINO_SECRETS) == [], path


def test_erasure_is_idempotent(aino, officer, officer_client, django_capture_on_commit_callbacks):
    request = ask_and_approve(aino, officer_client, django_capture_on_commit_callbacks)
    user = get_user_model().objects.get(pk=aino.user.pk)
    snapshot = database_text()
    # a second click on approve, and the service run again: nothing more changes, nothing more is logged
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(f"/staff/privacy/erasure/{request.pk}/", {"decision": "approve", "note": ""})
    assert ActivityLog.objects.filter(action="privacy.erased").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.erase_person(user=user, actor=officer)
    assert counts["answers"] == counts["documents"] == counts["contact_messages"] == counts["sessions"] == 0
    user.refresh_from_db()
    assert get_user_model().objects.get(pk=user.pk).email == user.email  # the same placeholder
    # apart from the second "privacy.erased" entry and the moment, the database is as it was
    assert leaks(database_text(), AINO_SECRETS) == []
    assert len(database_text()) - len(snapshot) < 1000


def test_erasing_a_staff_member_forgets_their_name_on_the_decisions(aino, django_capture_on_commit_callbacks):
    """The staff member who overrode Aino's eligibility asks to be erased: their decisions stay, by nobody."""
    staff = get_user_model().objects.get(email="team.lead@example.org")
    staff.full_name = "Tiina Teamlead"
    staff.save()
    application = aino.application
    application.refresh_from_db()
    assert application.eligibility_override_by == staff
    second_officer = make_privacy_officer("second.officer@example.org")
    request = services.request_erasure(user=staff, reason="")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_erasure(request=request, approve=True, note="", actor=second_officer)
    application.refresh_from_db()
    assert application.eligibility_override_by is None and application.eligibility_override == "eligible"
    assert not ActivityLog.objects.filter(actor=staff).exists()
    assert leaks(database_text(), ["Tiina", "Teamlead", "team.lead@example.org"]) == []
    # Aino's own data is untouched by someone else's erasure
    assert application.full_name == "Aino Virtanen"


def test_nobody_decides_on_their_own_request(aino, officer, officer_client):
    request = services.request_erasure(user=officer, reason="")
    response = officer_client.post(f"/staff/privacy/erasure/{request.pk}/", {"decision": "approve", "note": ""})
    assert response.status_code == 200
    assert "another team member must decide" in response.content.decode().lower()
    request.refresh_from_db()
    assert request.state == "pending"
    with pytest.raises(services.PrivacyError):
        services.decide_erasure(request=request, approve=True, note="", actor=officer)
    officer.refresh_from_db()
    assert officer.is_active


def test_a_superuser_may_decide(aino, django_capture_on_commit_callbacks):
    superuser = make_privacy_officer("root@example.org", superuser=True)
    ask_and_approve(aino, signed_in(superuser), django_capture_on_commit_callbacks)
