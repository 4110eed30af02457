"""The forum staff side's objects in the security world (fixed keys, so the matrix can name them).

An event of the world's edition (staff confirm offers), capacity 1: one registrant holds the seat and wrote the
secret marker in their dietary needs (the registration list and its export show it to the edition's managers
and superusers only), one waits. The seat holder's personal QR code is ``world-forum-checkin-code``."""

from datetime import timedelta

from django.utils import timezone

from campus.forum.models import Event, Registration

from .world import SECRET

EVENT, SEATED, WAITING = 990201, 990211, 990212
CODE = "world-forum-checkin-code"


def extend(world) -> None:
    edition = world.call.edition
    today = timezone.localdate()
    event = Event.objects.create(pk=EVENT, programme=edition.programme, edition=edition, slug="world-forum",
                                 title="World Forum", starts_on=today + timedelta(days=30),
                                 ends_on=today + timedelta(days=31), capacity=1, published=True,
                                 offer_mode=Event.OfferMode.STAFF)
    now = timezone.now()
    Registration.objects.create(pk=SEATED, event=event, name="Sally Seated", email="sally@example.org",
                                email_confirmed_at=now, state="confirmed", queued_at=now, confirmed_at=now,
                                organisation="Seat Cluster", country="FI", dietary_needs=f"Diet {SECRET}",
                                checkin_code=CODE)
    Registration.objects.create(pk=WAITING, event=event, name="Wally Waiting", email="wally@example.org",
                                email_confirmed_at=now, state="waitlisted", queued_at=now + timedelta(seconds=1),
                                organisation="Queue Cluster", country="SE")
    world.values.update(forum_event=EVENT, forum_code=CODE)
