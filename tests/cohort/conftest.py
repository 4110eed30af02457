"""Fixtures of the participant area: a participant of the seed edition, and a person who is not one."""

import pytest

from campus.cohort.models import Participant


def make_participant(edition, email: str, given: str = "Pia", family: str = "Participant", **extra) -> Participant:
    """A participant of ``edition`` with a confirmed address (allauth's EmailAddress, verified and primary)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        email=email, password="a-long-password-1", given_name=given, family_name=family,
        full_name=f"{given} {family}", **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return Participant.objects.create(edition=edition, user=user)


@pytest.fixture
def participant(seeded):
    return make_participant(seeded, "pia.participant@example.org")


@pytest.fixture
def participant_client(client, participant):
    client.force_login(participant.user)
    return client


def admitted(call, email: str, **answers) -> Participant:
    """A participant of ``call``'s edition with a submitted application (answers of the seed's call)."""
    from tests.applications.staff_factories import make_application

    application = make_application(call, email=email, **answers)
    return Participant.objects.create(edition=call.edition, user=application.applicant, application=application)


@pytest.fixture
def call(seeded):
    from datetime import timedelta

    from django.utils import timezone

    from campus.applications.models import Call

    call = Call.objects.get(edition=seeded)
    call.opens_at = timezone.now() - timedelta(days=10)
    call.closes_at = timezone.now() + timedelta(days=20)
    call.save()
    return call


@pytest.fixture
def manager(seeded):
    from django.contrib.auth import get_user_model

    from campus.team.models import TeamMembership

    user = get_user_model().objects.create_user(email="mia.manager@example.org", password="a-long-password-1",
                                                is_staff=True, full_name="Mia Manager")
    TeamMembership.objects.create(edition=seeded, user=user, role=TeamMembership.Role.MANAGER)
    return user


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def other_edition(seeded):
    from datetime import date

    from campus.programme.models import Edition

    return Edition.objects.create(
        programme=seeded.programme, name="2030–2031", slug="2030-2031", capacity=20,
        application_deadline=date(2030, 4, 30), acceptance_letter_on=date(2030, 5, 29),
        hours_per_week_min=5, hours_per_week_max=9,
    )


def future_meetups(edition, days: int = 30) -> None:
    """Move every meetup of ``edition`` by whole weeks so that the first one starts in about ``days`` days."""
    from datetime import timedelta

    from django.utils import timezone

    from campus.programme.models import Meetup

    meetups = list(Meetup.objects.filter(module__edition=edition).order_by("starts_at"))
    shift = timedelta(weeks=((timezone.now() - meetups[0].starts_at).days + days) // 7 + 1)
    for meetup in meetups:
        meetup.starts_at += shift
        meetup.ends_at += shift
        meetup.save(update_fields=["starts_at", "ends_at"])
