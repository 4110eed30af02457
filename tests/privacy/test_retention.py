"""Retention: the CVs and letters of applicants not admitted are deleted N months after their call closed
(N per edition), files and rows, with one log entry per call that names nobody. Idempotent."""

import json
import os
from datetime import datetime, timedelta, timezone as dt_timezone
from io import StringIO

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from campus.applications import services as application_services
from campus.applications.models import Application, Document
from campus.core.files import validate_document
from campus.core.models import ActivityLog
from campus.privacy import services
from campus.privacy.models import RetentionPolicy
from campus.applications import retention
from campus.privacy import selectors
from campus.privacy.selectors import add_months
from tests.applications.staff_factories import make_application

from tests.core.upload_corpus import docx_bytes

from .conftest import media_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def applications(call):
    """Three applications of the call (with CVs, one with a letter too), then the call closes."""
    lars = make_application(call, email="lars@example.se", first_name="Lars", last_name="Nilsson", submit=False)
    upload = SimpleUploadedFile("lars-letter.docx", docx_bytes())
    application_services.save_document(application=lars, kind="letter", detected=validate_document(upload),
                                       content=upload, actor=lars.applicant)
    application_services.record_consent(application=lars, version=call.privacy_version, actor=lars.applicant)
    application_services.submit(application=lars, actor=lars.applicant)
    ona = make_application(call, email="ona@example.lt", first_name="Ona", last_name="Kazlauskienė", submit=False)
    mia = make_application(call, email="mia@example.de", first_name="Mia", last_name="Schulz")
    return [Application.objects.get(pk=a.pk) for a in (lars, ona, mia)]


def close(call, *, months_ago: int, days: int = 1):
    call.closes_at = add_months(timezone.now(), -months_ago) - timedelta(days=days)
    call.opens_at = call.closes_at - timedelta(days=60)
    call.save()


def test_documents_stay_within_the_retention_period(call, applications):
    close(call, months_ago=5)
    assert services.purge_expired_documents() == {"calls": 0, "applications": 0, "documents": 0}
    assert Document.objects.count() == 4
    assert not ActivityLog.objects.filter(action="privacy.documents_purged").exists()


def test_after_the_period_the_files_and_rows_go_and_the_purge_is_logged_without_identity(
    call, applications, django_capture_on_commit_callbacks
):
    close(call, months_ago=6)
    paths = [d.file.path for d in Document.objects.all()]
    assert len(media_files(settings.MEDIA_ROOT)) == 4
    with django_capture_on_commit_callbacks(execute=True):
        summary = services.purge_expired_documents()
    assert summary == {"calls": 1, "applications": 3, "documents": 4}
    assert not Document.objects.exists()
    assert media_files(settings.MEDIA_ROOT) == []
    assert all(not os.path.exists(path) for path in paths)
    # the policy was created on demand, with the default
    assert RetentionPolicy.objects.get(edition=call.edition).documents_months == 6
    (entry,) = ActivityLog.objects.filter(action="privacy.documents_purged")
    assert (entry.target_type, entry.target_id, entry.actor) == ("applications.call", str(call.pk), None)
    assert entry.data == {"documents": 4, "applications": 3, "months": 6}
    # the submitted copy no longer names the files; the answers stay
    lars = Application.objects.get(pk=applications[0].pk)
    assert {d["kind"] for d in lars.snapshot["documents"]} == {"cv", "letter"}
    assert all(d["name"] == "" and d["sha256"] == "" and d["purged_on"] for d in lars.snapshot["documents"])
    assert lars.full_name == "Lars Nilsson" and lars.answers.exists()
    text = json.dumps(entry.data) + entry.target_type
    assert "Lars" not in text and "lars@" not in text

    # a second run deletes nothing more and logs nothing more
    with django_capture_on_commit_callbacks(execute=True):
        assert services.purge_expired_documents() == {"calls": 0, "applications": 0, "documents": 0}
    assert ActivityLog.objects.filter(action="privacy.documents_purged").count() == 1


def test_the_period_is_per_edition(call, applications):
    RetentionPolicy.objects.create(edition=call.edition, documents_months=12)
    close(call, months_ago=7)
    assert services.purge_expired_documents()["documents"] == 0
    close(call, months_ago=12)
    assert services.purge_expired_documents()["documents"] == 4


def test_an_extended_deadline_counts_from_the_extension(call, applications):
    close(call, months_ago=6)
    lars = applications[0]
    Application.objects.filter(pk=lars.pk).update(deadline_extended_to=call.closes_at + timedelta(days=10))
    summary = services.purge_expired_documents()
    assert summary["documents"] == 2 and summary["applications"] == 2
    assert set(Document.objects.values_list("application_id", flat=True)) == {lars.pk}


def test_admitted_applicants_keep_their_documents(call, applications):
    """There is no "admitted" state yet: the predicate is the one place that will decide."""
    close(call, months_ago=6)
    admitted = applications[2]
    Application.objects.filter(pk=admitted.pk).update(state="admitted")
    assert list(retention.not_admitted(Application.objects.filter(call=call), retained=selectors.retained()["applications"]).order_by("pk")) == applications[:2]
    services.purge_expired_documents()
    assert list(Document.objects.values_list("application_id", flat=True)) == [admitted.pk]


def test_the_command_dry_run_and_the_task(call, applications, django_capture_on_commit_callbacks, run_tasks):
    close(call, months_ago=6)
    out = StringIO()
    call_command("purge_expired_documents", "--dry-run", stdout=out)
    assert out.getvalue().strip() == "Would delete 4 document(s) of 3 application(s) in 1 call(s)."
    assert Document.objects.count() == 4 and not RetentionPolicy.objects.exists()

    from campus.privacy.tasks import purge_expired_documents

    with django_capture_on_commit_callbacks(execute=True):
        purge_expired_documents.enqueue()
    assert run_tasks() == 1
    assert not Document.objects.exists()
    out = StringIO()
    call_command("purge_expired_documents", stdout=out)
    assert out.getvalue().strip() == "Deleted 0 document(s) of 0 application(s) in 0 call(s)."


def test_calls_still_open_are_never_touched(call, applications):
    assert services.purge_expired_documents()["documents"] == 0
    assert Document.objects.count() == 4


@pytest.mark.parametrize("start, months, expected", [
    ("2020-04-30T22:00", 6, "2020-10-30T22:00"),
    ("2020-08-31T12:00", 6, "2021-02-28T12:00"),
    ("2023-08-31T12:00", 6, "2024-02-29T12:00"),
    ("2020-12-15T00:00", 1, "2021-01-15T00:00"),
    ("2020-01-31T00:00", 25, "2022-02-28T00:00"),
    ("2021-03-31T00:00", -1, "2021-02-28T00:00"),
])
def test_add_months(start, months, expected):
    moment = datetime.fromisoformat(start).replace(tzinfo=dt_timezone.utc)
    assert add_months(moment, months) == datetime.fromisoformat(expected).replace(tzinfo=dt_timezone.utc)


def test_an_accepted_offer_or_a_participant_record_keeps_the_documents(call, applications):
    """Admitted now means: the applicant accepted an offer, or is a participant of the edition. An offer
    declined, expired or still open does not keep them."""
    from campus.admissions.models import Offer
    from campus.cohort.models import Participant

    close(call, months_ago=6)
    lars, ona, mia = applications
    Offer.objects.create(application=lars, state="accepted")
    Participant.objects.create(edition=call.edition, user=ona.applicant, application=ona)
    Offer.objects.create(application=mia, state="declined")
    Offer.objects.create(application=mia, state="open")
    assert list(retention.not_admitted(Application.objects.filter(call=call), retained=selectors.retained()["applications"])) == [mia]
    services.purge_expired_documents()
    assert set(Document.objects.values_list("application_id", flat=True)) == {lars.pk, ona.pk}
