"""Staging, release, offers, the waitlist and promotions, through the services (one behaviour per test)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campus.admissions import services
from campus.admissions.models import AdmissionSettings, Decision, Offer
from campus.cohort.models import Participant
from campus.communications.models import OutboxMessage
from campus.core.models import ActivityLog

from .conftest import bulk_applications

A, W, R = "admit", "waitlist", "reject"


def stage(call, actor, plan):
    return services.stage_decisions(call=call, decisions={a.pk: v for a, v in plan}, actor=actor)


def test_settings_default_release_at_is_the_acceptance_letter_day_at_nine_in_the_call_zone(call):
    config = services.settings_for(call)
    local = timezone.localtime(config.release_at, call.zone)
    assert (local.date(), local.hour, local.minute) == (call.edition.acceptance_letter_on, 9, 0)
    assert services.settings_for(call).pk == config.pk


def test_stage_renumbers_the_waitlist_in_the_order_given(call, team_manager):
    apps = bulk_applications(call, 5)
    changed = stage(call, team_manager, [(apps[0], (A, None)), (apps[3], (W, 7)), (apps[1], (W, 2)), (apps[2], (W, None)),
                                         (apps[4], (R, None))])
    assert changed == 5
    ranks = dict(Decision.objects.filter(outcome=W).values_list("application_id", "waitlist_rank"))
    assert ranks == {apps[1].pk: 1, apps[3].pk: 2, apps[2].pk: 3}
    assert Decision.objects.get(application=apps[0]).waitlist_rank is None
    log = ActivityLog.objects.filter(action="admissions.decision_staged", target_id=str(apps[3].pk)).get()
    assert log.data["from"] == "no decision" and log.data["to"] == "waitlist #2"
    # staging the same again changes nothing
    assert stage(call, team_manager, [(apps[0], (A, None))]) == 0


def test_stage_refuses_drafts_and_other_calls_and_released_decisions(call, team_manager):
    apps = bulk_applications(call, 2)
    draft = bulk_applications(call, 1, prefix="draft", state="draft")[0]
    with pytest.raises(services.AdmissionError, match="not submitted"):
        stage(call, team_manager, [(apps[0], (A, None)), (draft, (A, None))])
    assert not Decision.objects.exists()  # nothing staged when one is refused
    stage(call, team_manager, [(apps[0], (A, None))])
    services.release(call=call, actor=team_manager)
    with pytest.raises(services.AdmissionError, match="already released"):
        stage(call, team_manager, [(apps[0], (R, None))])
    with pytest.raises(services.AdmissionError):
        stage(call, team_manager, [(apps[1], ("maybe", None))])


def test_release_offers_up_to_capacity_overflow_tops_the_waitlist(call, team_manager, small_capacity,
                                                                 django_capture_on_commit_callbacks):
    apps = bulk_applications(call, 8)
    stage(call, team_manager, [(a, (A, None)) for a in apps[:5]] + [(apps[5], (W, None)), (apps[6], (W, None)),
                                                                     (apps[7], (R, None))])
    plan = services.release_plan(call)
    assert (len(plan.admits), len(plan.overflow), len(plan.waitlist), len(plan.rejects)) == (3, 2, 2, 1)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.release(call=call, actor=team_manager)
    assert (result.offers, result.waitlisted, result.rejected, result.moved_to_waitlist) == (3, 4, 1, 2)
    assert Offer.objects.filter(state="open").count() == 3
    ranks = list(Decision.objects.filter(outcome=W).order_by("waitlist_rank").values_list("application_id", flat=True))
    assert ranks == [apps[3].pk, apps[4].pk, apps[5].pk, apps[6].pk]
    offer = Offer.objects.first()
    local = timezone.localtime(offer.reply_by, call.zone)
    assert local.date() == timezone.localdate(timezone.now(), call.zone) + timedelta(days=14)
    assert (local.hour, local.minute) == (23, 59)
    # one draft per person (a release by hand), none sent
    messages = OutboxMessage.objects.all()
    assert messages.count() == 8 and set(messages.values_list("state", flat=True)) == {"draft"}
    assert sorted(messages.values_list("event", flat=True)) == ["offer"] * 3 + ["rejected"] + ["waitlisted"] * 4
    assert AdmissionSettings.objects.get(call=call).released_at is not None
    # releasing twice changes nothing
    assert services.release(call=call, actor=team_manager) == services.Released()
    assert OutboxMessage.objects.count() == 8 and Offer.objects.count() == 3


def test_automatic_release_queues_the_mails(call, small_capacity, django_capture_on_commit_callbacks):
    apps = bulk_applications(call, 2)
    stage(call, None, [(apps[0], (A, None)), (apps[1], (R, None))])
    config = services.settings_for(call)
    config.auto_release, config.release_at = True, timezone.now() + timedelta(hours=1)
    config.save()
    assert services.tick().released == 0  # not due yet
    with django_capture_on_commit_callbacks(execute=True):
        done = services.tick(now=timezone.now() + timedelta(hours=2))
    assert done.released == 1
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {"queued"}
    assert services.tick(now=timezone.now() + timedelta(hours=3)).released == 0


def released_with_waitlist(call, actor, n_admit=3, n_wait=3):
    apps = bulk_applications(call, n_admit + n_wait)
    stage(call, actor, [(a, (A, None)) for a in apps[:n_admit]] + [(a, (W, None)) for a in apps[n_admit:]])
    services.release(call=call, actor=actor)
    return apps


def test_accept_creates_the_participant_once(call, team_manager, small_capacity):
    apps = released_with_waitlist(call, team_manager)
    offer = Offer.objects.get(application=apps[0])
    services.accept_offer(offer=offer, actor=apps[0].applicant)
    services.accept_offer(offer=offer, actor=apps[0].applicant)  # a double click
    participant = Participant.objects.get()
    assert (participant.user, participant.edition, participant.application) == (apps[0].applicant, call.edition, apps[0])
    with pytest.raises(services.AdmissionError):
        services.decline_offer(offer=offer, actor=apps[0].applicant)


def test_decline_promotes_the_next_on_the_waitlist_once(call, team_manager, small_capacity,
                                                       django_capture_on_commit_callbacks):
    apps = released_with_waitlist(call, team_manager)
    offer = Offer.objects.get(application=apps[1])
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_offer(offer=offer, actor=apps[1].applicant)
        services.decline_offer(offer=offer, actor=apps[1].applicant)
    promoted = Offer.objects.get(via="promotion")
    assert (promoted.application, promoted.state, promoted.replaces) == (apps[3], "open", offer)
    assert OutboxMessage.objects.get(event="promoted").state == "queued"
    assert Offer.objects.filter(state__in=["open", "accepted"]).count() == 3


def test_suggest_mode_waits_for_a_manager(call, team_manager, small_capacity):
    config = services.settings_for(call)
    config.promotion = AdmissionSettings.Promotion.SUGGEST
    config.save()
    apps = released_with_waitlist(call, team_manager)
    services.decline_offer(offer=Offer.objects.get(application=apps[0]), actor=apps[0].applicant)
    suggested = Offer.objects.get(state="suggested")
    assert suggested.application == apps[3] and not OutboxMessage.objects.filter(event="promoted").exists()
    services.dismiss_promotion(offer=suggested, actor=team_manager)
    suggested = Offer.objects.get(state="suggested")
    assert suggested.application == apps[4]
    services.confirm_promotion(offer=suggested, actor=team_manager)
    suggested.refresh_from_db()
    assert suggested.state == "open" and suggested.reply_by
    assert OutboxMessage.objects.filter(event="promoted").count() == 1


def test_expiry_reminder_and_tick_are_idempotent(call, team_manager, small_capacity):
    apps = released_with_waitlist(call, team_manager)
    offer = Offer.objects.get(application=apps[0])
    before = offer.reply_by - timedelta(hours=47)
    first = services.tick(now=before)
    assert first.reminded == 3 and services.tick(now=before).reminded == 0
    reminders = OutboxMessage.objects.filter(event="reminder")
    assert reminders.count() == 3 and all("Action required" in m.subject for m in reminders)
    with pytest.raises(services.AdmissionError):  # an expired offer cannot be accepted
        offer_after = offer.reply_by + timedelta(seconds=1)
        from unittest import mock

        with mock.patch("django.utils.timezone.now", return_value=offer_after):
            services.accept_offer(offer=offer, actor=apps[0].applicant)
    after = offer.reply_by + timedelta(minutes=1)
    done = services.tick(now=after)
    assert done.expired == 3
    assert services.tick(now=after).expired == 0
    # three freed places, three waiting: each promoted exactly once
    promoted = Offer.objects.filter(via="promotion")
    assert promoted.count() == 3 and set(promoted.values_list("application", flat=True)) == {a.pk for a in apps[3:]}


def test_staged_decisions_change_nothing_for_the_applicant(call, team_manager, applicant_client, applicant):
    from tests.applications.staff_factories import make_application

    application = make_application(call, email="someone@example.org")
    application.applicant = applicant
    application.save()
    stage(call, team_manager, [(application, (A, None))])
    page = applicant_client.get("/apply/status/").content.decode()
    assert "Offer" not in page and "offer" not in page.lower().replace("we offer", "")
    assert applicant_client.get("/apply/offer/").status_code == 404
    assert applicant_client.get("/apply/offer/letter.pdf").status_code == 404


def test_waitlist_additions_without_rank_go_to_the_end(call, team_manager):
    apps = bulk_applications(call, 4)
    stage(call, team_manager, [(apps[0], (W, None)), (apps[1], (W, None))])
    stage(call, team_manager, [(apps[2], (W, None))])
    stage(call, team_manager, [(apps[3], (W, 1))])
    ranks = list(Decision.objects.filter(outcome=W).order_by("waitlist_rank").values_list("application_id", flat=True))
    assert ranks == [apps[3].pk, apps[0].pk, apps[1].pk, apps[2].pk]
    services.clear_decision(application=apps[3], actor=team_manager)
    stage(call, team_manager, [(apps[0], (R, None))])
    ranks = list(Decision.objects.filter(outcome=W).order_by("waitlist_rank").values_list("waitlist_rank", flat=True))
    assert ranks == [1, 2]


def test_no_reminder_for_an_offer_made_within_the_last_48_hours(call, team_manager):
    config = services.settings_for(call)
    config.offer_reply_days = 1
    config.save()
    apps = bulk_applications(call, 1)
    stage(call, team_manager, [(apps[0], (A, None))])
    services.release(call=call, actor=team_manager)
    offer = Offer.objects.get()
    assert services.tick(now=offer.reply_by - timedelta(hours=1)).reminded == 0
    assert not OutboxMessage.objects.filter(event="reminder").exists()


def test_withdrawing_the_application_frees_the_place(call, team_manager, small_capacity):
    from campus.applications import services as applications

    apps = released_with_waitlist(call, team_manager)
    applications.withdraw(application=apps[0], actor=apps[0].applicant)
    assert Offer.objects.get(application=apps[0]).state == "withdrawn"
    promoted = Offer.objects.get(via="promotion")
    assert promoted.application == apps[3] and promoted.replaces.application == apps[0]
    assert Offer.objects.filter(state__in=["open", "accepted"]).count() == 3
    # the withdrawn person is never promoted from anywhere
    assert apps[0].pk not in services.waiting(call).values_list("application", flat=True)
