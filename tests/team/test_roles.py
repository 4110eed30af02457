"""Team roles and Django's permission API agree: for every role, ``user.has_perm("team.<perm>", edition)`` is
True exactly where the role grants it, in that edition only; without an object, in any edition. The template
filter and tag give the same answers."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template

from campus.programme.models import Edition, Programme
from campus.team import permissions
from campus.team.models import Role, TeamMembership

pytestmark = pytest.mark.django_db

PERMS = ("manage_edition", "review_applications", "interview_applicants", "lead_modules")
# role held in the edition -> the team permissions it grants there (the table the backend must follow)
TABLE = {
    Role.MANAGER: {"manage_edition", "review_applications", "interview_applicants", "lead_modules"},
    Role.REVIEWER: {"review_applications"},
    Role.INTERVIEWER: {"interview_applicants"},
    Role.MODULE_LEAD: {"lead_modules"},
}


def _edition(slug):
    programme = Programme.objects.first() or Programme.objects.create(name="P", slug="p-roles")
    return Edition.objects.create(programme=programme, name=slug, slug=slug, capacity=20,
                                  application_deadline=date(2030, 1, 1), acceptance_letter_on=date(2030, 2, 1),
                                  hours_per_week_min=2, hours_per_week_max=4)


def _user(email, **extra):
    return get_user_model().objects.create_user(email=email, password="a-long-password-1", **extra)


@pytest.fixture
def editions():
    return _edition("ours"), _edition("theirs")


def test_every_role_is_in_the_table():
    assert set(TABLE) == set(Role.values)


@pytest.mark.parametrize("role", list(TABLE))
def test_has_perm_follows_the_role_in_its_edition_only(role, editions):
    ours, theirs = editions
    user = _user(f"{role}@example.org", is_staff=True)
    TeamMembership.objects.create(edition=ours, user=user, role=role)
    for perm in PERMS:
        expected = perm in TABLE[role]
        assert user.has_perm(f"team.{perm}", ours) is expected, (role, perm)
        assert user.has_perm(f"team.{perm}", ours.pk) is expected, (role, perm)
        assert user.has_perm(f"team.{perm}") is expected, (role, perm)  # in any edition
        assert user.has_perm(f"team.{perm}", theirs) is False, (role, perm)
    assert permissions.has_role(user, ours, role) and not permissions.has_role(user, theirs, role)
    assert user.get_all_permissions(ours) == {f"team.{perm}" for perm in TABLE[role]}


def test_no_role_staff_inactive_and_superuser(editions):
    ours, _ = editions
    staff = _user("staff@example.org", is_staff=True)
    gone = _user("gone@example.org", is_staff=True)
    TeamMembership.objects.create(edition=ours, user=gone, role=Role.MANAGER)
    gone.is_active = False
    gone.save()
    boss = _user("boss@example.org", is_staff=True, is_superuser=True)
    for perm in PERMS:
        assert not staff.has_perm(f"team.{perm}", ours) and not staff.has_perm(f"team.{perm}")
        assert not gone.has_perm(f"team.{perm}", ours) and not gone.has_perm(f"team.{perm}")
        assert boss.has_perm(f"team.{perm}", ours) and boss.has_perm(f"team.{perm}")
    assert not staff.has_perm("team.no_such_permission")
    # the backend answers team permissions only: a model permission still needs the Django permission
    manager = _user("manager@example.org", is_staff=True)
    TeamMembership.objects.create(edition=ours, user=manager, role=Role.MANAGER)
    assert not manager.has_perm("privacy.handle_requests")


def test_template_filter_and_tag(editions):
    ours, theirs = editions
    user = _user("lead@example.org", is_staff=True)
    TeamMembership.objects.create(edition=ours, user=user, role=Role.MODULE_LEAD)
    template = Template(
        '{% load team %}{% if user|has_any_role:"module_lead" %}lead {% endif %}'
        '{% if user|has_any_role:"manager,reviewer" %}review {% endif %}'
        '{% has_role user ours "module_lead" as here %}{% has_role user theirs "module_lead" as there %}'
        '{{ here }} {{ there }}'
    )
    assert template.render(Context({"user": user, "ours": ours, "theirs": theirs})) == "lead True False"
