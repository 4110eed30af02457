"""The registration flow through the services: guests confirm their address, capacity and the waitlist in
arrival order, offers (automatic and by staff), lapses, cancellations, mails at each step."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campus.communications.models import OutboxMessage
from campus.forum import selectors, services
from campus.forum.models import Event, Registration

from .conftest import DETAILS, guest, make_event, make_user

pytestmark = pytest.mark.django_db
R = Registration.State


def mails(key):
    return list(OutboxMessage.objects.filter(event=key).order_by("id"))


def test_a_guest_is_unconfirmed_until_the_address_is_confirmed(event):
    registration, new = services.register(event=event, email=" Guest@Example.org ", details=DETAILS)
    assert new and registration.state == R.UNCONFIRMED and registration.email == "guest@example.org"
    assert registration.queued_at is None and selectors.seats(event).held == 0
    (mail,) = mails("forum_confirm_email")
    assert mail.to_email == "guest@example.org" and mail.recipient is None and mail.state == "queued"
    assert f"/forum/registration/{registration.token}/confirm/" in mail.body
    assert "Dear Guest Person," in mail.body
    confirmed = services.confirm_email(registration=registration)
    assert confirmed.state == R.CONFIRMED and confirmed.email_confirmed_at and confirmed.confirmed_at
    assert services.confirm_email(registration=registration).state == R.CONFIRMED  # twice: nothing more
    (done,) = mails("forum_registered")
    assert done.attachment == "forum_registration" and registration.event.title in done.subject


def test_an_account_with_a_confirmed_address_is_placed_at_once(event):
    user = make_user("pia@example.org")
    registration, _ = services.register(event=event, email="someone-else@example.org", user=user,
                                        details={**DETAILS, "name": "Pia Person"})
    assert registration.state == R.CONFIRMED and registration.email == "pia@example.org"
    assert registration.user == user and mails("forum_confirm_email") == []
    assert mails("forum_registered")[0].recipient == user


def test_an_account_with_an_unconfirmed_address_confirms_it_by_mail(event):
    user = make_user("new@example.org", confirmed=False)
    registration, _ = services.register(event=event, email="", user=user, details=DETAILS)
    assert registration.state == R.UNCONFIRMED and mails("forum_confirm_email")[0].recipient == user


def test_past_capacity_the_waitlist_keeps_arrival_order_and_a_freed_seat_is_offered(full_event):
    event = full_event
    regs = {r.email.split("@")[0]: r for r in Registration.objects.filter(event=event)}
    assert [regs[n].state for n in ("anna", "bert", "cara", "dan")] == [R.CONFIRMED, R.CONFIRMED, R.WAITLISTED,
                                                                       R.WAITLISTED]
    assert [selectors.waitlist_position(regs[n]) for n in ("cara", "dan")] == [1, 2]
    assert "number 2 on the waitlist" in mails("forum_waitlisted")[1].body
    services.cancel(registration=regs["bert"])
    cara = Registration.objects.get(pk=regs["cara"].pk)
    assert cara.state == R.OFFERED
    assert timedelta(hours=23, minutes=59) < cara.offer_expires_at - cara.offered_at <= timedelta(hours=24)
    assert Registration.objects.get(pk=regs["dan"].pk).state == R.WAITLISTED
    (offer,) = mails("forum_offer")
    assert offer.to_email == "cara@example.org" and f"/registration/{cara.token}/accept/" in offer.body
    assert mails("forum_cancelled")[0].to_email == "bert@example.org"
    assert services.accept_offer(registration=cara).state == R.CONFIRMED
    assert selectors.seats(event).held == 2
    assert [m.to_email for m in mails("forum_registered")][-1] == "cara@example.org"


def test_a_new_registration_does_not_jump_the_waitlist(full_event):
    regs = list(Registration.objects.filter(event=full_event, state=R.CONFIRMED))
    full_event.offer_mode = Event.OfferMode.STAFF
    full_event.save()
    services.cancel(registration=regs[0])  # a free seat, waiting for staff
    late = guest(full_event, "late@example.org")
    assert late.state == R.WAITLISTED and selectors.waitlist_position(late) == 3


def test_an_offer_not_taken_in_time_lapses_and_the_seat_goes_on(full_event):
    seated = Registration.objects.filter(event=full_event, state=R.CONFIRMED).first()
    services.cancel(registration=seated)
    cara = Registration.objects.get(email="cara@example.org")
    assert services.lapse_offers() == {"lapsed": 0, "offered": 0}
    later = cara.offer_expires_at + timedelta(seconds=1)
    assert services.lapse_offers(now=later) == {"lapsed": 1, "offered": 1}
    assert services.lapse_offers(now=later) == {"lapsed": 0, "offered": 0}  # idempotent
    assert Registration.objects.get(pk=cara.pk).state == R.LAPSED
    assert Registration.objects.get(email="dan@example.org").state == R.OFFERED
    assert [m.to_email for m in mails("forum_offer_lapsed")] == ["cara@example.org"]
    with pytest.raises(services.RegistrationError, match="no seat offered"):
        services.accept_offer(registration=cara)


def test_an_expired_offer_cannot_be_taken_even_before_the_job_ran(full_event, monkeypatch):
    services.cancel(registration=Registration.objects.filter(event=full_event, state=R.CONFIRMED).first())
    cara = Registration.objects.get(email="cara@example.org")
    Registration.objects.filter(pk=cara.pk).update(offer_expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(services.RegistrationError, match="lapsed"):
        services.accept_offer(registration=cara)


def test_in_staff_mode_a_freed_seat_waits_for_staff(full_event):
    full_event.offer_mode = Event.OfferMode.STAFF
    full_event.save()
    services.cancel(registration=Registration.objects.get(email="anna@example.org"))
    assert mails("forum_offer") == [] and services.lapse_offers() == {"lapsed": 0, "offered": 0}
    staff = make_user("staff@example.org")
    offered = services.offer_next(event=full_event, actor=staff)
    assert offered.email == "cara@example.org" and offered.state == R.OFFERED
    with pytest.raises(services.RegistrationError, match="No seat is free"):
        services.offer_seat(registration=Registration.objects.get(email="dan@example.org"), actor=staff)
    assert len(mails("forum_offer")) == 1


def test_staff_raise_the_capacity_and_the_job_offers_the_new_seats(full_event):
    Event.objects.filter(pk=full_event.pk).update(capacity=4)
    assert services.lapse_offers() == {"lapsed": 0, "offered": 2}
    assert set(Registration.objects.filter(event=full_event).values_list("state", flat=True)) == {R.CONFIRMED,
                                                                                                   R.OFFERED}


def test_registering_again_with_the_address_sends_the_links_and_makes_no_row(event):
    first = guest(event, "twice@example.org")
    again, new = services.register(event=event, email="TWICE@example.org", details={**DETAILS, "name": "Other"})
    assert not new and again.pk == first.pk and again.name != "Other"
    assert Registration.objects.filter(event=event).count() == 1
    (links_mail,) = mails("forum_your_links")
    assert links_mail.to_email == "twice@example.org" and first.token in links_mail.body
    services.register(event=event, email="twice@example.org", details=DETAILS)
    assert len(mails("forum_your_links")) == 1  # at most one an hour


def test_an_unconfirmed_guest_registering_again_gets_the_confirmation_again(event):
    first, _ = services.register(event=event, email="slow@example.org", details=DETAILS)
    services.register(event=event, email="slow@example.org", details=DETAILS)
    assert [m.to_email for m in mails("forum_confirm_email")] == ["slow@example.org"] * 2
    assert Registration.objects.filter(event=event).count() == 1


def test_after_a_cancellation_the_address_may_register_again(event):
    first = guest(event, "back@example.org")
    services.cancel(registration=first)
    second = guest(event, "back@example.org")
    assert second.pk != first.pk and second.state == R.CONFIRMED


@pytest.mark.parametrize("change", [
    {"published": False},
    {"registration_opens_at": "future"},
    {"registration_closes_at": "past"},
    {"starts_on": "past"},
])
def test_registration_is_refused_outside_the_window(seeded, change):
    now, today = timezone.now(), timezone.localdate()
    values = {"future": now + timedelta(days=1), "past": now - timedelta(minutes=1)}
    spec = {k: values.get(v, v) if isinstance(v, str) else v for k, v in change.items()}
    if "starts_on" in spec:
        spec = {"starts_on": today, "ends_on": today + timedelta(days=1)}
    event = make_event(seeded, **spec)
    with pytest.raises(services.RegistrationError, match="closed"):
        services.register(event=event, email="late@example.org", details=DETAILS)
    assert not Registration.objects.exists()


def test_cancel_twice_and_cancel_a_lapsed_one(full_event):
    anna = Registration.objects.get(email="anna@example.org")
    services.cancel(registration=anna)
    assert services.cancel(registration=anna).state == R.CANCELLED
    assert len(mails("forum_offer")) == 1  # the second cancel freed nothing more
