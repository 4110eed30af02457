"""Erasure does not rewrite other people's text (issue 9, finding 3). Erasing Mark Tall once turned another
applicant's "Remarkable Ltd / Markdown Tallinn Hub / Digital marketing" into "Re[erased]able Ltd / [erased]down
[erased]inn Hub / Digital [erased]eting", and erasing someone called Probe signed out a stranger whose address
holds "probe". Names are matched as whole words only, and other people's rows change only where the match is
certain (the person's full name or confirmed address); sessions go by account or by a confirmed address."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client

from campus.communications.models import OutboxMessage
from campus.core.activity import log_activity
from campus.core.models import ActivityLog
from campus.privacy import scrub, services
from campus.review.models import Review
from tests.applications.staff_factories import make_application

from .conftest import PASSWORD, make_privacy_officer, review_and_admission  # noqa: F401

pytestmark = pytest.mark.django_db

OTHER_TEXT = "Remarkable Ltd / Markdown Tallinn Hub / Digital marketing"


def test_whole_words_only_and_unicode_aware():
    names = scrub.Identifiers(anchors=["Mark Tall", "mark.tall@example.ee"], details=["Tall Ships Cluster"],
                              words=["Mark", "Tall"])
    assert scrub.scrub_linked(OTHER_TEXT, names) == OTHER_TEXT
    assert scrub.scrub_linked("Mark Tall, Tall & Mark's notes", names) == "[erased], [erased] & [erased]'s notes"
    assert scrub.scrub_linked("write to xmark.tall@example.ee.org", names) == "write to xmark.tall@example.ee.org"
    assert scrub.scrub_linked("write to <mark.tall@example.ee>.", names) == "write to <[erased]>."
    finnish = scrub.Identifiers(anchors=["Jaana Ääkkönen-Laine"], words=["Jaana", "Ääkkönen-Laine", "O'Neill"])
    assert scrub.scrub_linked("Dear ÄÄKKÖNEN-LAINE and o'neill", finnish) == "Dear [erased] and [erased]"
    assert scrub.scrub_linked("Ääkkönen Street, Jaanala, Neill", finnish) == "Ääkkönen Street, Jaanala, Neill"
    # in other people's rows: changed only where the full name or an address anchors it, or a whole value is a name
    assert scrub.scrub_other("Mark the date in your calendar", names) == "Mark the date in your calendar"
    assert scrub.scrub_other("Mark Tall called; Mark will write", names) == "[erased] called; Mark will write"
    assert scrub.scrub_other("Tall Ships Cluster is big", names) == "Tall Ships Cluster is big"  # shared names
    assert scrub.scrub_other("Mark Tall of Tall Ships Cluster", names) == "[erased] of [erased]"
    assert scrub.scrub_other({"q": "Tall", "note": "tall order"}, names) == {"q": "[erased]", "note": "tall order"}


def test_erasing_mark_tall_leaves_another_applicants_words(call, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        other = make_application(call, email="kadri@example.ee", first_name="Kadri", last_name="Kuusk",
                                 organisation="Remarkable Ltd", cluster_name="Markdown Tallinn Hub",
                                 role="Digital marketing", motivation_letter="Mark the date: Tallinn in May.")
        mark = make_application(call, email="mark.tall@example.ee", first_name="Mark", last_name="Tall",
                                organisation="Tall Ships Cluster")
    EmailAddress.objects.create(user=mark.applicant, email=mark.applicant.email, verified=True, primary=True)
    manager = make_privacy_officer("manager@example.org")
    staff_mail = OutboxMessage.objects.create(
        edition=call.edition, event="review_reminder", state="sent", recipient=manager, to_email=manager.email,
        subject="Mark Tall withdrew", body="Mark Tall (Tall Ships Cluster) withdrew. Mark the date for Kadri.",
        dedupe_key="t:staff")
    other_mail = OutboxMessage.objects.create(
        edition=call.edition, event="review_reminder", state="sent", recipient=other.applicant,
        to_email="kadri@example.ee", subject="Your cluster", body=OTHER_TEXT, dedupe_key="t:other")
    review = Review.objects.create(application=other, reviewer=manager, kind="review", recommendation="yes",
                                   total="3.00", comment_team=OTHER_TEXT, comment_applicant="Mark your calendar.",
                                   submitted_at=other.submitted_at)
    log_activity(action="applications.exported", target=call, actor=manager, filters={"q": OTHER_TEXT})
    other_before = {
        "snapshot": other.snapshot,
        "outbox": sorted(OutboxMessage.objects.filter(recipient=other.applicant).values_list("subject", "body")),
        "activity": sorted((e.pk, str(e.data)) for e in ActivityLog.objects.exclude(
            target_type="applications.application", target_id=str(mark.pk))),
    }

    with django_capture_on_commit_callbacks(execute=True):
        services.erase_person(user=mark.applicant, actor=manager)

    other.refresh_from_db()
    assert other.snapshot == other_before["snapshot"] and other.organisation == "Remarkable Ltd"
    assert sorted(OutboxMessage.objects.filter(recipient=other.applicant).values_list(
        "subject", "body")) == other_before["outbox"]
    other_mail.refresh_from_db()
    assert other_mail.body == OTHER_TEXT
    review.refresh_from_db()
    assert (review.comment_team, review.comment_applicant) == (OTHER_TEXT, "Mark your calendar.")
    exported = ActivityLog.objects.get(action="applications.exported")
    assert exported.data["filters"] == {"q": OTHER_TEXT}
    # the team's mail that names him (full name, his organisation) is scrubbed, its other words stay
    staff_mail.refresh_from_db()
    assert staff_mail.subject == "[erased] withdrew"
    assert staff_mail.body == "[erased] ([erased]) withdrew. Mark the date for Kadri."


def test_erasing_someone_called_probe_keeps_a_strangers_session(call, django_capture_on_commit_callbacks):
    stranger = Client()
    with django_capture_on_commit_callbacks(execute=True):  # a sign-in waiting for the address's confirmation
        stranger.post("/accounts/signup/", {"email": "probe.tester@example.org", "password1": PASSWORD,
                                            "password2": PASSWORD, "given_name": "Probe"})
        stranger.post("/accounts/login/", {"login": "probe.tester@example.org", "password": PASSWORD})
    assert "probe.tester@example.org" in str([s.get_decoded() for s in Session.objects.all()])
    signed_in = Client()
    other = get_user_model().objects.create_user(email="probe@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=other, email="probe@example.org", verified=True, primary=True)
    signed_in.force_login(other)
    sessions_before = set(Session.objects.values_list("pk", flat=True))
    assert len(sessions_before) == 2

    pia = get_user_model().objects.create_user(email="pia@example.org", password=PASSWORD, full_name="Pia Probe")
    EmailAddress.objects.create(user=pia, email="pia@example.org", verified=True, primary=True)
    pia_client = Client()
    pia_client.force_login(pia)
    services.erase_person(user=pia, actor=None)

    assert set(Session.objects.values_list("pk", flat=True)) == sessions_before  # only Pia's session went
    assert signed_in.get("/my-data/").status_code == 200


def test_a_namesake_keeps_their_own_name_in_their_own_mail(call, django_capture_on_commit_callbacks):
    """Two applicants called Mark Tall: erasing one leaves the other's receipt ("Dear Mark Tall") as it is."""
    with django_capture_on_commit_callbacks(execute=True):
        namesake = make_application(call, email="m.tall@example.org", first_name="Mark", last_name="Tall",
                                    organisation="Another Cluster")
        mark = make_application(call, email="mark.tall@example.ee", first_name="Mark", last_name="Tall",
                                organisation="Tall Ships Cluster")
    EmailAddress.objects.create(user=mark.applicant, email=mark.applicant.email, verified=True, primary=True)
    theirs = sorted(OutboxMessage.objects.filter(recipient=namesake.applicant).values_list("subject", "body"))
    assert theirs and all("Mark" in body for _subject, body in theirs)
    services.erase_person(user=mark.applicant, actor=None)
    assert sorted(OutboxMessage.objects.filter(recipient=namesake.applicant).values_list("subject", "body")) == theirs
