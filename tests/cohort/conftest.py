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
