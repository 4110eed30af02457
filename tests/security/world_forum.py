"""The forum's objects in the security world: an open event ("matrix-forum") where the applicant registered with
their account (the name holds the secret marker) and two guests registered (fixed tokens, so the matrix can name
them), the seed's past forum, and an unpublished event."""

from datetime import timedelta

from django.utils import timezone

from campus.forum import services
from campus.forum.models import Event, Registration

GUEST_TOKEN, LEAVING_TOKEN = "matrix-guest-token-0000000000000001", "matrix-guest-token-0000000000000002"


def _guest(event, email, name, token):
    registration, _ = services.register(event=event, email=email, details={"name": name, "organisation": "Guest Oy"})
    services.confirm_email(registration=registration)
    Registration.objects.filter(pk=registration.pk).update(token=token)


def extend(world) -> None:
    edition = world.call.edition
    today = timezone.localdate()
    common = dict(programme=edition.programme, edition=edition, starts_on=today + timedelta(days=90),
                  ends_on=today + timedelta(days=91), city="Vaasa", country="FI", capacity=50)
    event = Event.objects.create(slug="matrix-forum", title="Matrix Forum", published=True, **common)
    Event.objects.create(slug="matrix-hidden", title="Hidden Forum", published=False, **common)
    applicant = world.users["applicant"]
    own, _ = services.register(event=event, email="", user=applicant,
                               details={"name": applicant.full_name, "organisation": "Secret Cluster"})
    _guest(event, "gina.guest@example.org", "Gina Guest", GUEST_TOKEN)
    _guest(event, "leo.leaving@example.org", "Leo Leaving", LEAVING_TOKEN)
    world.values.update(forum_open="matrix-forum", forum_unpublished="matrix-hidden", forum_past="forum-2022",
                        forum_applicant_token=own.token, forum_guest_token=GUEST_TOKEN,
                        forum_leaving_token=LEAVING_TOKEN)
