"""Fixtures of the admissions tests: submitted applications made fast (bulk rows, like the site's own), a
manager of the seed edition, helpers to stage and release."""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from campus.applications.models import Application
from campus.team.models import TeamMembership
from tests.applications.conftest import *  # noqa: F401,F403 (call, applicant, applicant_client, ...)

COUNTRIES = ["FI", "SE", "EE", "LV", "LT", "DE", "PL", "DK"]
_numbers = itertools.count(1)


def bulk_applications(call, n: int, *, prefix: str = "person", state=Application.State.SUBMITTED) -> list[Application]:
    """``n`` submitted applications of new applicants, in two bulk inserts (references in order)."""
    User = get_user_model()
    batch = next(_numbers)
    users = User.objects.bulk_create([
        User(email=f"{prefix}{batch}-{i:04d}@example.org", full_name=f"{prefix.title()} {batch}-{i:04d}",
             password="!")
        for i in range(n)
    ])
    if not users[0].pk:  # backends without RETURNING ids
        users = list(User.objects.filter(email__startswith=f"{prefix}{batch}-").order_by("email"))
    now = timezone.now()
    applications = Application.objects.bulk_create([
        Application(call=call, applicant=user, reference=f"T{batch}-{i:04d}", state=state, submitted_at=now,
                    full_name=user.full_name, organisation=f"Cluster {i}", country=COUNTRIES[i % len(COUNTRIES)],
                    eligibility=Application.Eligibility.ELIGIBLE)
        for i, user in enumerate(users)
    ])
    return list(Application.objects.filter(call=call, reference__startswith=f"T{batch}-").order_by("reference"))


@pytest.fixture
def team_manager(call, django_user_model):
    user = django_user_model.objects.create_user(email="mia.manager@example.org", password="a-long-password-1",
                                                 full_name="Mia Manager", is_staff=True)
    TeamMembership.objects.create(edition=call.edition, user=user, role=TeamMembership.Role.MANAGER)
    return user


@pytest.fixture
def manager_client(client, team_manager):
    client.force_login(team_manager)
    return client


@pytest.fixture
def small_capacity(call):
    """An edition with 3 places (the seed has 20): small tests of capacity and the waitlist."""
    edition = call.edition
    edition.capacity = 3
    edition.save(update_fields=["capacity"])
    return 3


@pytest.fixture
def mail_templates(db):
    """The default mail templates (a data migration loads them; a transactional test's flush removes them)."""
    from campus.communications.models import MailTemplate
    from campus.core.plugins import mail

    for event in mail.events():
        MailTemplate.objects.get_or_create(edition=None, event=event.key,
                                           defaults={"subject": event.default_subject, "body": event.default_body})
