"""Fixtures of peer coaching: a cohort of participants of the seed edition whose applications give a country
and a sector (bulk inserts: 250 participants in a handful of queries), a programme manager, clients."""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from campus.applications.models import Answer, Application, Call, Question
from campus.cohort.models import Participant
from campus.team.models import TeamMembership

COUNTRIES = ("FI", "SE", "LT", "DE", "DK", "EE", "LV", "PL")
SECTORS = ("Energy", "Health", "ICT", "Food", "Maritime", "Textiles", "Wood", "Mobility")
_batches = itertools.count(1)


def make_cohort(edition, n: int, *, countries=COUNTRIES[:4], sectors=SECTORS[:5], prefix="member",
                names=None) -> list[Participant]:
    """``n`` participants of ``edition``: participant i from ``countries[i % len]`` in ``sectors[i % len]``
    (``names``: their full names, "given family", else made up)."""
    User = get_user_model()
    batch = next(_batches)
    call = Call.objects.filter(edition=edition).first()
    question = Question.objects.get(call=call, key="cluster_sector")
    users = User.objects.bulk_create([
        User(email=f"{prefix}{batch}-{i:04d}@example.org", password="!",
             full_name=names[i] if names else f"{prefix.title()} {batch}-{i:04d}",
             given_name=names[i].split()[0] if names else prefix.title(),
             family_name=names[i].split()[-1] if names else f"{batch}-{i:04d}")
        for i in range(n)])
    if users and users[0].pk is None:
        users = list(User.objects.filter(email__startswith=f"{prefix}{batch}-").order_by("email"))
    now = timezone.now()
    applications = Application.objects.bulk_create([
        Application(call=call, applicant=user, reference=f"{call.reference_prefix}-{prefix}{batch}-{i:05d}",
                    state=Application.State.SUBMITTED, submitted_at=now, full_name=user.full_name,
                    organisation=f"Cluster org {i}", country=countries[i % len(countries)] if countries else "")
        for i, user in enumerate(users)])
    if applications and applications[0].pk is None:
        applications = list(Application.objects.filter(reference__contains=f"-{prefix}{batch}-").order_by("reference"))
    if sectors:
        Answer.objects.bulk_create([Answer(application=a, question=question, value=sectors[i % len(sectors)])
                                    for i, a in enumerate(applications)])
    Participant.objects.bulk_create([Participant(edition=edition, user=u, application=a)
                                     for u, a in zip(users, applications)])
    return list(Participant.objects.filter(user__in=users).select_related("user", "application").order_by("user__email"))


@pytest.fixture
def edition(seeded):
    return seeded


@pytest.fixture
def manager(edition, django_user_model):
    user = django_user_model.objects.create_user(email="mia.manager@example.org", password="a-long-password-1",
                                                 full_name="Mia Manager", is_staff=True)
    TeamMembership.objects.create(edition=edition, user=user, role=TeamMembership.Role.MANAGER)
    return user


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client
