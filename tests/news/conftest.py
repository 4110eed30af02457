"""Fixtures of the news tests: the lists, a manager, and helpers that read the confirmation link from the outbox."""

import re

import pytest
from django.contrib.auth import get_user_model

from campus.communications.models import OutboxMessage
from campus.news.models import NewsList
from campus.team.models import Role, TeamMembership


@pytest.fixture
def lists(seeded):
    return {n.key: n for n in NewsList.objects.all()}


@pytest.fixture
def manager(seeded):
    user = get_user_model().objects.create_user(email="nina.manager@example.org", password="a-long-password-1",
                                                given_name="Nina", family_name="Staff", full_name="Nina Staff")
    TeamMembership.objects.create(edition=seeded, user=user, role=Role.MANAGER)
    return user


def link_in(body: str, kind: str) -> str:
    """The path of the /news/<kind>/<token>/ link in a mail's text."""
    match = re.search(rf"https?://[^/\s]+(/news/{kind}/[^/\s]+/)", body)
    assert match, body
    return match.group(1)


def confirm_link(email: str) -> str:
    message = OutboxMessage.objects.filter(event="news_confirm", to_email=email).order_by("-pk").first()
    return link_in(message.body, "confirm")
