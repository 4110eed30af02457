"""Fixtures of the forum tests: an open event of the seed programme, people with confirmed addresses, guests."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from campus.forum import services
from campus.forum.models import Event, Registration


def make_event(edition, *, slug="forum-test", capacity=3, offer_mode=Event.OfferMode.AUTOMATIC, **extra) -> Event:
    today = timezone.localdate()
    spec = dict(programme=edition.programme, edition=edition, slug=slug, title="Cluster Forum Test",
                region="Baltic Sea Region", starts_on=today + timedelta(days=60), ends_on=today + timedelta(days=61),
                timezone="Europe/Helsinki", city="Vaasa", country="FI", venue="Vaasa Hall", capacity=capacity,
                offer_hours=24, offer_mode=offer_mode, published=True)
    spec.update(extra)
    return Event.objects.create(**spec)


def make_user(email, given="Pia", family="Person", confirmed=True):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(email=email, password="a-long-password-1", given_name=given,
                                                family_name=family, full_name=f"{given} {family}")
    EmailAddress.objects.create(user=user, email=email, verified=confirmed, primary=True)
    return user


DETAILS = {"name": "Guest Person", "organisation": "Cluster Oy", "country": "FI", "role": "Cluster manager",
           "dietary_needs": "vegetarian", "accessibility_needs": "step-free access", "on_attendee_list": True}


def guest(event, email, name=None, confirm=True) -> Registration:
    """A guest's registration; confirmed (placed) unless ``confirm`` is False."""
    registration, _ = services.register(event=event, email=email,
                                        details={**DETAILS, "name": name or email.split("@")[0].title()})
    if confirm:
        registration = services.confirm_email(registration=registration)
    return registration


@pytest.fixture
def event(seeded):
    return make_event(seeded)


@pytest.fixture
def full_event(seeded):
    """Capacity 2, both seats taken, two on the waitlist."""
    event = make_event(seeded, slug="full", capacity=2)
    for name in ("anna", "bert", "cara", "dan"):
        guest(event, f"{name}@example.org")
    return event
