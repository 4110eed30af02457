"""The services of interviews: invitations, slots, bookings and the panel's assessment."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campus.applications.models import Application
from campus.communications.models import OutboxMessage
from campus.core.models import ActivityLog
from campus.interviews import selectors, services, states
from campus.interviews.models import InterviewSlot, Invitation
from campus.review.models import Review
from tests.applications.staff_factories import make_application

from .conftest import future


def invitation_mails():
    return OutboxMessage.objects.filter(event="interview_invitation")


# --- invitations --------------------------------------------------------------------------------------


def test_invite_is_idempotent_and_mails_once(invited, manager, django_capture_on_commit_callbacks):
    assert Invitation.objects.filter(application=invited, cancelled_at__isnull=True).count() == 1
    message = invitation_mails().get()
    assert message.state == OutboxMessage.State.QUEUED
    assert message.to_email == invited.applicant.email
    assert invited.reference in message.body
    with django_capture_on_commit_callbacks(execute=True):
        result = services.invite(applications=[invited], actor=manager)
    assert result["invited"] == [] and [a.pk for a in result["already"]] == [invited.pk]
    assert invitation_mails().count() == 1
    assert ActivityLog.objects.filter(action="interviews.invited").count() == 1


def test_only_submitted_applications_are_invited(call, manager):
    draft = make_application(call, email="draft@example.org", submit=False)
    result = services.invite(applications=[draft], actor=manager)
    assert [a.pk for a in result["skipped"]] == [draft.pk]
    assert not Invitation.objects.exists() and not invitation_mails().exists()


@pytest.mark.parametrize("who", ["interviewer", "foreign_interviewer"])
def test_only_the_manager_of_the_edition_invites(request, application, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.invite(applications=[application], actor=actor)
    assert not Invitation.objects.exists()


def test_cancelling_frees_the_slot_and_a_new_invitation_mails_again(invited, manager, make_slot):
    slot = make_slot()
    services.book(application=invited, slot=slot, actor=invited.applicant)
    services.cancel_invitation(invitation=invited.interview_invitation, actor=manager)
    slot.refresh_from_db()
    assert slot.booked_by is None
    invited.refresh_from_db()
    assert invited.interview_invitation.cancelled_at is not None
    result = services.invite(applications=[invited], actor=manager)
    assert [a.pk for a in result["invited"]] == [invited.pk]
    assert invitation_mails().count() == 2
    assert Invitation.objects.get().cancelled_at is None


# --- slots --------------------------------------------------------------------------------------------


def test_the_panel_is_chosen_among_the_edition_interviewers(call, manager, foreign_interviewer, interviewer):
    start = future()
    for wrong in (manager, foreign_interviewer):
        with pytest.raises(services.InterviewError, match="Not an interviewer"):
            services.create_slot(call=call, starts_at=start, ends_at=start + timedelta(minutes=30),
                                 timezone_name="Europe/Riga", place="Riga", panel=[interviewer, wrong], actor=manager)
    assert not InterviewSlot.objects.exists()


def test_a_slot_needs_a_link_or_a_place_and_an_order(call, manager):
    start = future()
    with pytest.raises(services.InterviewError, match="link or a place"):
        services.create_slot(call=call, starts_at=start, ends_at=start + timedelta(minutes=30),
                             timezone_name="Europe/Riga", actor=manager)
    with pytest.raises(services.InterviewError, match="end after"):
        services.create_slot(call=call, starts_at=start, ends_at=start, timezone_name="Europe/Riga", place="Riga",
                             actor=manager)


def test_slots_of_another_edition_cannot_be_made_by_its_foreigners(call, foreign_interviewer):
    start = future()
    with pytest.raises(PermissionDenied):
        services.create_slot(call=call, starts_at=start, ends_at=start + timedelta(minutes=30),
                             timezone_name="Europe/Riga", place="Riga", actor=foreign_interviewer)


def test_consecutive_slots(call, manager, interviewer):
    start = future()
    slots = services.create_slots(call=call, first_start=start, length=timedelta(minutes=30), count=4,
                                  gap=timedelta(minutes=10), timezone_name="Europe/Tallinn", place="Tallinn",
                                  panel=[interviewer], actor=manager)
    assert [s.starts_at for s in slots] == [start + timedelta(minutes=40 * i) for i in range(4)]
    assert all(s.ends_at - s.starts_at == timedelta(minutes=30) for s in slots)
    assert all(list(s.panel.all()) == [interviewer] for s in slots)


def test_a_booked_slot_is_not_deleted(invited, manager, make_slot):
    slot = make_slot()
    services.book(application=invited, slot=slot, actor=invited.applicant)
    with pytest.raises(services.InterviewError, match="cancel the booking first"):
        services.delete_slot(slot=slot, actor=manager)
    services.cancel_booking(application=invited, actor=manager)
    services.delete_slot(slot=slot, actor=manager)
    assert not InterviewSlot.objects.exists()


def test_update_keeps_the_booking(invited, manager, make_slot, second_interviewer):
    slot = make_slot()
    services.book(application=invited, slot=slot, actor=invited.applicant)
    later = slot.starts_at + timedelta(hours=2)
    services.update_slot(slot=slot, actor=manager, starts_at=later, ends_at=later + timedelta(minutes=45),
                         panel=[second_interviewer])
    slot.refresh_from_db()
    assert slot.starts_at == later and slot.booked_by_id == invited.pk
    assert list(slot.panel.all()) == [second_interviewer]


# --- bookings -----------------------------------------------------------------------------------------


def test_an_uninvited_applicant_cannot_book(application, make_slot):
    slot = make_slot()
    with pytest.raises(PermissionDenied):
        services.book(application=application, slot=slot, actor=application.applicant)
    assert InterviewSlot.objects.get().booked_by is None


def test_nobody_books_for_someone_else(invited, second_application, make_slot):
    slot = make_slot()
    with pytest.raises(PermissionDenied):
        services.book(application=invited, slot=slot, actor=second_application.applicant)


def test_booking_mails_an_ics_with_a_real_tzid(invited, make_slot, django_capture_on_commit_callbacks, run_tasks):
    slot = make_slot(zone="Europe/Helsinki")
    with django_capture_on_commit_callbacks(execute=True):
        services.book(application=invited, slot=slot, actor=invited.applicant)
    slot.refresh_from_db()
    assert slot.booked_by_id == invited.pk and slot.booked_at is not None
    message = OutboxMessage.objects.get(event="interview_booked")
    assert message.attachment == services.ICS_ATTACHMENT and message.related_id == str(slot.pk)
    local = timezone.localtime(slot.starts_at, slot.zone)
    assert f"{local:%H:%M}" in message.subject
    run_tasks()
    sent = [m for m in mail.outbox if m.to == [invited.applicant.email] and m.attachments]
    assert len(sent) == 1
    name, content, mimetype = sent[0].attachments[0]
    text = content.decode() if isinstance(content, bytes) else content
    assert name == "interview.ics" and mimetype.startswith("text/calendar")
    assert f"DTSTART;TZID=Europe/Helsinki:{local:%Y%m%dT%H%M%S}" in text
    assert "BEGIN:VTIMEZONE" in text and "meet.example.org/room-1" in text


def test_a_booked_slot_cannot_be_taken(invited, second_application, manager, make_slot):
    services.invite(applications=[second_application], actor=manager)
    slot = make_slot()
    services.book(application=invited, slot=slot, actor=invited.applicant)
    with pytest.raises(services.InterviewError, match="just taken"):
        services.book(application=second_application, slot=slot, actor=second_application.applicant)
    slot.refresh_from_db()
    assert slot.booked_by_id == invited.pk


def test_booking_again_moves_and_the_same_slot_twice_changes_nothing(invited, make_slot):
    first, second = make_slot(hour=9), make_slot(hour=11)
    services.book(application=invited, slot=first, actor=invited.applicant)
    services.book(application=invited, slot=first, actor=invited.applicant)
    assert OutboxMessage.objects.filter(event="interview_booked").count() == 1
    services.book(application=invited, slot=second, actor=invited.applicant)
    first.refresh_from_db(), second.refresh_from_db()
    assert first.booked_by is None and second.booked_by_id == invited.pk
    assert OutboxMessage.objects.filter(event="interview_booked").count() == 2


def test_no_booking_nor_change_within_the_last_hours(invited, make_slot, manager):
    soon = make_slot(days=0, hour=0)
    InterviewSlot.objects.filter(pk=soon.pk).update(starts_at=timezone.now() + timedelta(hours=3),
                                                   ends_at=timezone.now() + timedelta(hours=4))
    with pytest.raises(services.InterviewError, match="24 hours"):
        services.book(application=invited, slot=soon, actor=invited.applicant)
    InterviewSlot.objects.filter(pk=soon.pk).update(booked_by=invited)
    later = make_slot(days=5)
    with pytest.raises(services.InterviewError, match="write to the team"):
        services.book(application=invited, slot=later, actor=invited.applicant)
    with pytest.raises(services.InterviewError, match="write to the team"):
        services.cancel_booking(application=invited, actor=invited.applicant)
    assert services.cancel_booking(application=invited, actor=manager).pk == soon.pk  # the team can


def test_a_slot_of_another_call_cannot_be_booked(invited, make_slot, other_call, foreign_interviewer):
    start = future()
    foreign = services.create_slot(call=other_call, starts_at=start, ends_at=start + timedelta(minutes=30),
                                   timezone_name="Europe/Riga", place="Riga", actor=foreign_interviewer)
    with pytest.raises(services.InterviewError, match="no such"):
        services.book(application=invited, slot=foreign, actor=invited.applicant)


def test_a_withdrawn_application_cannot_book(invited, make_slot):
    from campus.applications import services as application_services

    application_services.withdraw(application=invited, actor=invited.applicant)
    invited.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.book(application=invited, slot=make_slot(), actor=invited.applicant)


# --- the assessment -----------------------------------------------------------------------------------


@pytest.fixture
def booked_slot(invited, make_slot):
    slot = make_slot()
    return services.book(application=invited, slot=slot, actor=invited.applicant)


def _assess(slot, who, criteria):
    scores = {c.pk: 5 if i == 0 else 2 for i, c in enumerate(criteria)}
    return services.record_assessment(slot=slot, panel_member=who, scores=scores,
                                      recommendation="yes", comment_team="Strong.")


def test_a_panel_member_records_an_interview_review(booked_slot, interviewer, criteria):
    review = _assess(booked_slot, interviewer, criteria)
    assert review.kind == "interview" and review.application_id == booked_slot.booked_by_id
    weights = [c.weight for c in criteria]
    expected = sum(w * v for w, v in zip(weights, [5] + [2] * (len(weights) - 1))) / sum(weights)
    assert float(review.total) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("who", ["second_interviewer", "foreign_interviewer"])
def test_nobody_else_assesses(request, booked_slot, criteria, who):
    with pytest.raises(PermissionDenied):
        _assess(booked_slot, request.getfixturevalue(who), criteria)
    assert not Review.objects.exists()


def test_a_manager_may_assess_and_a_free_slot_has_nobody_to_assess(booked_slot, manager, criteria, make_slot):
    assert _assess(booked_slot, manager, criteria).reviewer == manager
    with pytest.raises(services.InterviewError, match="Nobody"):
        _assess(make_slot(hour=15), manager, criteria)


def test_states_by_application_in_one_query(call, invited, second_application, manager, make_slot, interviewer,
                                            criteria):
    third = make_application(call, email="third@example.org")
    services.invite(applications=[second_application, third], actor=manager)
    slot = services.book(application=invited, slot=make_slot(), actor=invited.applicant)
    services.book(application=second_application, slot=make_slot(hour=13), actor=second_application.applicant)
    _assess(slot, interviewer, criteria)
    services.cancel_invitation(invitation=Invitation.objects.get(application=third), actor=manager)
    with CaptureQueriesContext(connection) as queries:
        states = selectors.states_by_application(call)
    assert len(queries) == 1
    assert states == {invited.pk: "assessed", second_application.pk: "booked"}
    fourth = make_application(call, email="fourth@example.org")
    services.invite(applications=[fourth], actor=manager)
    assert selectors.states_by_application(call)[fourth.pk] == "invited"


def test_a_withdrawn_applicants_slot_is_free_again(invited, second_application, manager, make_slot):
    from campus.applications import services as application_services

    slot = make_slot()
    services.book(application=invited, slot=slot, actor=invited.applicant)
    services.invite(applications=[second_application], actor=manager)
    assert selectors.free_slots(invited.call) == []
    application_services.withdraw(application=invited, actor=invited.applicant)
    assert selectors.free_slots(invited.call) == [slot]
    # freed on the row itself, through the state machine: the invitation is cancelled, the slot nobody's
    slot.refresh_from_db()
    invitation = Invitation.objects.get(application=invited)
    assert slot.booked_by_id is None and slot.booked_at is None
    assert states.state_of(invitation, states.held_slot(invited.pk)) == states.CANCELLED
    actions = list(ActivityLog.objects.filter(action__startswith="interviews.").values_list("action", "data"))
    assert {a for a, _ in actions} >= {"interviews.booking_cancelled", "interviews.invitation_cancelled"}
    cancelled = next(data for action, data in actions if action == "interviews.invitation_cancelled")
    assert cancelled["reason"] == "the application was withdrawn" and cancelled["from"] == "booked"
    services.book(application=second_application, slot=slot, actor=second_application.applicant)
    slot.refresh_from_db()
    assert slot.booked_by_id == second_application.pk


def test_withdrawing_cancels_an_invitation_without_a_booking(invited):
    from campus.applications import services as application_services

    application_services.withdraw(application=invited, actor=invited.applicant)
    invitation = Invitation.objects.get(application=invited)
    assert invitation.cancelled_at is not None


def test_a_failing_interviews_receiver_rolls_the_withdrawal_back(invited, make_slot, monkeypatch):
    from campus.applications import services as application_services

    slot = services.book(application=invited, slot=make_slot(), actor=invited.applicant)

    def broken(**kwargs):
        raise RuntimeError("interviews could not free the slot")

    monkeypatch.setattr(services, "application_withdrawn", broken)
    with pytest.raises(RuntimeError):
        application_services.withdraw(application=invited, actor=invited.applicant)
    invited.refresh_from_db()
    slot.refresh_from_db()
    assert invited.state == invited.State.SUBMITTED and slot.booked_by_id == invited.pk


def test_the_migration_frees_what_withdrawn_applications_held_before(invited, make_slot):
    """Rows written before interviews heard of withdrawals: a withdrawn application still holding its slot."""
    from importlib import import_module

    from django.apps import apps

    slot = services.book(application=invited, slot=make_slot(), actor=invited.applicant)
    Application.objects.filter(pk=invited.pk).update(state="withdrawn", withdrawn_at=timezone.now())
    migration = import_module("campus.interviews.migrations.0002_release_withdrawn_bookings")
    migration.release_withdrawn_bookings(apps, None)
    slot.refresh_from_db()
    assert slot.booked_by_id is None
    assert Invitation.objects.get(application=invited).cancelled_at == Application.objects.get(pk=invited.pk).withdrawn_at


def test_the_assessment_joins_the_ranking(booked_slot, interviewer, criteria):
    from campus.review import ranking

    review = _assess(booked_slot, interviewer, criteria)
    row = next(r for r in ranking.rows(booked_slot.call) if r.application.pk == booked_slot.booked_by_id)
    assert row.n_interviews == 1
    assert row.interview_mean == pytest.approx(float(review.total), abs=0.01)


def test_the_invitation_mail_says_where_and_until_when_to_book(application, manager, make_slot,
                                                               django_capture_on_commit_callbacks, run_tasks):
    slot = make_slot(days=6, zone="Europe/Vilnius")
    with django_capture_on_commit_callbacks(execute=True):
        services.invite(applications=[application], actor=manager, message="Bring your cluster strategy.")
    run_tasks()
    (sent,) = [m for m in mail.outbox if m.to == [application.applicant.email] and "interview" in m.subject.lower()]
    assert "/apply/status/" in sent.body
    deadline = timezone.localtime(slot.starts_at - timedelta(hours=services.CHANGE_HOURS), slot.zone)
    assert f"{deadline.day} {deadline:%B %Y, %H:%M}" in sent.body
