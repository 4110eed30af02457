"""The attendance app's objects in the security world: a running session of module 1's first meetup (the world's
"lead" leads module 1: tests/security/world_cohort.py) and one of module 2's, where another participant of the
edition (not a role of the walk) is recorded with a remark that carries the secret marker: only the edition's
managers (and the superuser) may read it; the lead of module 1 and the participant must never see it."""

from datetime import timedelta

from django.utils import timezone


def extend(world) -> None:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from campus.attendance import services
    from campus.cohort.models import Participant
    from campus.programme.models import Meetup

    from .world import SECRET

    edition = world.call.edition
    manager = world.users["manager"]
    first, second = (Meetup.objects.filter(module__edition=edition, module__number=number).order_by("starts_at")
                     .first() for number in (1, 2))
    start = timezone.now() - timedelta(minutes=5)
    own = services.create_session(actor=manager, meetup=first, title="Opening circle", starts_at=start,
                                  ends_at=start + timedelta(hours=6))
    other = services.create_session(actor=manager, meetup=second, title="Strategy clinic", starts_at=start,
                                    ends_at=start + timedelta(hours=6))
    webinar = services.create_session(actor=manager, edition=edition, title="EU funding", starts_at=start,
                                      ends_at=start + timedelta(hours=1), online_link="https://meet.example.org/eu")
    user = get_user_model().objects.create_user(email="sam.stranger@example.org", password="x-long-password-9",
                                                full_name="Sam Stranger")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    stranger = Participant.objects.create(edition=edition, user=user)
    services.record_roll_call(session=other, marks={stranger.pk: ("excused", f"Remark {SECRET}")}, actor=manager)
    world.values.update({
        "att_meetup": first.pk, "att_other_meetup": second.pk, "att_session": own.pk, "att_other_session": other.pk,
        "att_webinar": webinar.pk,
    })
