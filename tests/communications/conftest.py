"""Fixtures of the outbox tests: the seed edition, another edition, team members, applicants, messages."""

from datetime import date

import pytest

from campus.communications import services as outbox
from campus.programme.models import Edition
from campus.team.models import TeamMembership
from tests.applications.conftest import *  # noqa: F401,F403 - call, applicant, applicant_client, fill_all_steps

Role = TeamMembership.Role


def person(django_user_model, email, *roles, edition=None, staff=True, full_name=""):
    user = django_user_model.objects.create_user(email=email, password="a-long-password-1", is_staff=staff,
                                                 full_name=full_name or email.split("@")[0].title())
    for role in roles:
        TeamMembership.objects.create(edition=edition, user=user, role=role)
    return user


@pytest.fixture
def edition(seeded):
    return seeded


@pytest.fixture
def other_edition(seeded):
    return Edition.objects.create(
        programme=seeded.programme, name="2030–2031", slug="2030-2031", capacity=20,
        application_deadline=date(2030, 4, 30), acceptance_letter_on=date(2030, 5, 29),
        hours_per_week_min=5, hours_per_week_max=9,
    )


@pytest.fixture
def manager(django_user_model, edition):
    return person(django_user_model, "mia.manager@example.org", Role.MANAGER, edition=edition, full_name="Mia Manager")


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def foreign_manager(django_user_model, other_edition):
    """Manager of another edition: must see nothing of the seed edition's mail."""
    return person(django_user_model, "fred.foreign@example.org", Role.MANAGER, edition=other_edition)


@pytest.fixture
def reviewer(django_user_model, edition):
    return person(django_user_model, "rui.reviewer@example.org", Role.REVIEWER, Role.INTERVIEWER, edition=edition)


@pytest.fixture
def lead(django_user_model):
    return person(django_user_model, "lea.lead@example.org")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(email="root@example.org", password="a-long-password-1",
                                                      full_name="Sue Superuser")


@pytest.fixture
def recipient(django_user_model):
    return django_user_model.objects.create_user(email="jonas@example.lt", password="a-long-password-1",
                                                 full_name="Jonas Petraitis")


def draft(edition, to_user, key="k1", event="rejected", **context):
    return outbox.compose(event=event, edition=edition, to_user=to_user,
                          context={"reference": "CME20-0001", **context}, dedupe_key=key)
