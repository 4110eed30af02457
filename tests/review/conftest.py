"""Fixtures of the review tests: the seeded call (open), applications made through the real services, and
team members of the seed edition."""

import pytest
from django.contrib.auth import get_user_model

from campus.review.models import Kind
from campus.team.models import TeamMembership
from tests.applications.conftest import call  # noqa: F401  (a fixture)
from tests.applications.staff_factories import make_application

Role = TeamMembership.Role


def member(edition, email, *roles, staff=True, full_name=""):
    User = get_user_model()
    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password="a-long-staff-password-1", is_staff=staff,
        full_name=full_name or email.split("@")[0].replace(".", " ").title(),
    )
    for role in roles:
        TeamMembership.objects.get_or_create(edition=edition, user=user, role=role)
    return user


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def edition(call):
    return call.edition


@pytest.fixture
def reviewer(edition):
    return member(edition, "rita.reviewer@example.org", Role.REVIEWER, full_name="Rita Reviewer")


@pytest.fixture
def manager(edition):
    return member(edition, "max.manager@example.org", Role.MANAGER, full_name="Max Manager")


@pytest.fixture
def application(call, media):
    return make_application(call, email="aino@example.fi")


@pytest.fixture
def criteria(call):
    from campus.review.models import Criterion

    return list(Criterion.objects.filter(call=call, kind=Kind.REVIEW).order_by("order"))


def full_scores(criteria, value=4):
    return {criterion.pk: value for criterion in criteria}
