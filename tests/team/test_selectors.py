"""``team.selectors.editions_managed_by``: the one answer to "which editions may this person manage" that the
staff pages of cohort, attendance, feedback, coaching and certificates share (their edition switches)."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from campus.programme.models import Edition, Programme
from campus.team.models import Role, TeamMembership
from campus.team.selectors import edition_chosen, editions_managed_by

pytestmark = pytest.mark.django_db


def _edition(slug, *, current=False, deadline=date(2030, 1, 1)):
    programme = Programme.objects.filter(slug="p-sel").first() or Programme.objects.create(name="P", slug="p-sel")
    return Edition.objects.create(programme=programme, name=slug, slug=slug, capacity=20, is_current=current,
                                  application_deadline=deadline, acceptance_letter_on=date(2031, 2, 1),
                                  hours_per_week_min=2, hours_per_week_max=4)


def _user(email, **extra):
    return get_user_model().objects.create_user(email=email, password="a-long-password-1", **extra)


def test_only_the_editions_of_the_role_asked_for_newest_and_current_first(django_assert_num_queries):
    old, new, current, other = (_edition("old", deadline=date(2029, 1, 1)), _edition("new"),
                                _edition("cur", current=True, deadline=date(2028, 1, 1)), _edition("other"))
    person = _user("m@example.org")
    for edition in (old, new, current):
        TeamMembership.objects.create(edition=edition, user=person, role=Role.MANAGER)
    TeamMembership.objects.create(edition=other, user=person, role=Role.REVIEWER)  # not a manager there
    with django_assert_num_queries(2):
        editions = editions_managed_by(person)
    assert editions == [current, new, old]
    assert editions[0].programme.name == "P"  # loaded with the editions (no query above)
    assert editions_managed_by(person, Role.REVIEWER) == [other]
    assert editions_managed_by(person, Role.MANAGER, Role.REVIEWER) == [current, other, new, old]  # same deadline: the newer row first


def test_nobody_and_superuser(django_assert_num_queries):
    first, second = _edition("a"), _edition("b")
    stranger = _user("s@example.org")
    with django_assert_num_queries(1):
        assert editions_managed_by(stranger) == []
    inactive = _user("i@example.org", is_active=False)
    TeamMembership.objects.create(edition=first, user=inactive, role=Role.MANAGER)
    assert editions_managed_by(inactive) == []
    root = _user("r@example.org", is_superuser=True, is_staff=True)
    assert set(editions_managed_by(root)) == set(Edition.objects.all()) >= {first, second}


def test_edition_chosen():
    first, second = _edition("a"), _edition("b")
    editions = [first, second]
    assert edition_chosen(editions, "") is first
    assert edition_chosen(editions, None) is first
    assert edition_chosen(editions, str(second.pk)) is second
    assert edition_chosen(editions, second.pk) is second
    assert edition_chosen(editions, "999999") is None
    assert edition_chosen([], "") is None
