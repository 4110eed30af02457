"""The team's services (campus.team.services): roles added and removed, with the activity log; the last
programme manager stays; what removing a role means to apps above (review's assignments) happens through
the ``team_role_removed`` signal, inside the same transaction."""

import pytest
from django.contrib.auth import get_user_model

from campus.core.models import ActivityLog
from campus.team import services
from campus.team.models import Role, TeamMembership
from campus.team.signals import team_role_removed

pytestmark = pytest.mark.django_db


def _person(email, **extra):
    return get_user_model().objects.create_user(email=email, password="a-long-staff-password-1", **extra)


@pytest.fixture
def manager(seeded):
    user = _person("max.manager@example.org", is_staff=True)
    TeamMembership.objects.create(edition=seeded, user=user, role=Role.MANAGER)
    return user


def test_adding_a_role_twice_makes_one_row_and_one_log_entry(seeded, manager):
    person = _person("rita@example.org")
    first = services.add_team_role(edition=seeded, user=person, role=Role.REVIEWER, actor=manager)
    again = services.add_team_role(edition=seeded, user=person, role=Role.REVIEWER, actor=manager)
    assert first == again and TeamMembership.objects.filter(user=person).count() == 1
    entry = ActivityLog.objects.get(action="team.role_added")
    assert entry.actor == manager and entry.data == {"edition": seeded.pk, "user": person.pk, "role": "reviewer"}


@pytest.mark.parametrize(("role", "active", "field", "message"), [
    ("janitor", True, "roles", "Choose a role."),
    (Role.REVIEWER, False, "email", "This account is deactivated."),
])
def test_a_refused_role_says_why_next_to_the_field(seeded, manager, role, active, field, message):
    person = _person("someone@example.org", is_active=active)
    with pytest.raises(services.TeamError) as refused:
        services.add_team_role(edition=seeded, user=person, role=role, actor=manager)
    assert refused.value.message_dict == {field: [message]}
    assert not TeamMembership.objects.filter(user=person).exists()


def test_the_last_manager_stays(seeded, manager):
    for other in TeamMembership.objects.filter(edition=seeded, role=Role.MANAGER).exclude(user=manager):
        services.remove_team_role(membership=other, actor=manager)
    membership = TeamMembership.objects.get(user=manager, role=Role.MANAGER)
    with pytest.raises(services.TeamError, match="at least one programme manager"):
        services.remove_team_role(membership=membership, actor=manager)
    assert TeamMembership.objects.filter(pk=membership.pk).exists()


def test_removing_a_role_is_logged_and_told_to_the_apps_above(seeded, manager):
    person = _person("ilse@example.org")
    membership = services.add_team_role(edition=seeded, user=person, role=Role.INTERVIEWER, actor=manager)
    heard = []

    def receiver(sender, membership, actor, **kwargs):
        heard.append((membership.role, membership.user_id, TeamMembership.objects.filter(pk=membership.pk).exists()))

    team_role_removed.connect(receiver, dispatch_uid="test-team-role-removed")
    try:
        services.remove_team_role(membership=membership, actor=manager)
    finally:
        team_role_removed.disconnect(dispatch_uid="test-team-role-removed")
    assert heard == [("interviewer", person.pk, True)]  # before the row goes
    assert not TeamMembership.objects.filter(pk=membership.pk).exists()
    assert ActivityLog.objects.get(action="team.role_removed").data["role"] == "interviewer"


def test_a_failing_receiver_keeps_the_role(seeded, manager):
    person = _person("ilse@example.org")
    membership = services.add_team_role(edition=seeded, user=person, role=Role.REVIEWER, actor=manager)

    def broken(**kwargs):
        raise RuntimeError("the assignments could not be released")

    team_role_removed.connect(broken, dispatch_uid="test-broken")
    try:
        with pytest.raises(RuntimeError):
            services.remove_team_role(membership=membership, actor=manager)
    finally:
        team_role_removed.disconnect(dispatch_uid="test-broken")
    assert TeamMembership.objects.filter(pk=membership.pk).exists()
    assert not ActivityLog.objects.filter(action="team.role_removed").exists()
