"""Module leads per module: a lead of module 1 leads module 1 only; an edition-wide lead and a manager lead every
module of their edition and none of another edition's."""

import pytest

from campus.team import permissions, services
from campus.team.models import Role, TeamMembership
from campus.team.services import TeamError

pytestmark = pytest.mark.django_db


def _person(django_user_model, email):
    return django_user_model.objects.create_user(email=email, password="a-long-password-1", is_staff=True)


def test_a_module_lead_leads_only_their_module(seeded, django_user_model):
    first, second = list(seeded.modules.order_by("number"))[:2]
    manager = _person(django_user_model, "m@example.org")
    TeamMembership.objects.create(edition=seeded, user=manager, role=Role.MANAGER)
    lead = _person(django_user_model, "lead@example.org")
    services.add_team_role(edition=seeded, user=lead, role=Role.MODULE_LEAD, module=first, actor=manager)
    assert permissions.leads_module(lead, first)
    assert not permissions.leads_module(lead, second)
    assert permissions.modules_led(lead, seeded) == {first.pk}
    assert permissions.leads_module(manager, second)


def test_an_edition_wide_lead_leads_every_module(seeded, django_user_model):
    lead = _person(django_user_model, "wide@example.org")
    TeamMembership.objects.create(edition=seeded, user=lead, role=Role.MODULE_LEAD)
    assert permissions.modules_led(lead, seeded) == set(seeded.modules.values_list("pk", flat=True))


def test_a_lead_of_two_modules_holds_two_rows_and_adding_again_changes_nothing(seeded, django_user_model):
    first, second = list(seeded.modules.order_by("number"))[:2]
    lead = _person(django_user_model, "two@example.org")
    for module in (first, second, first):
        services.add_team_role(edition=seeded, user=lead, role=Role.MODULE_LEAD, module=module, actor=lead)
    assert TeamMembership.objects.filter(user=lead).count() == 2
    assert permissions.modules_led(lead, seeded) == {first.pk, second.pk}


def test_only_a_module_lead_is_given_a_module(seeded, django_user_model):
    person = _person(django_user_model, "r@example.org")
    with pytest.raises(TeamError):
        services.add_team_role(edition=seeded, user=person, role=Role.REVIEWER, module=seeded.modules.first(),
                               actor=person)


def test_nobody_else_leads_a_module(seeded, django_user_model):
    module = seeded.modules.first()
    reviewer = _person(django_user_model, "rev@example.org")
    TeamMembership.objects.create(edition=seeded, user=reviewer, role=Role.REVIEWER)
    assert not permissions.leads_module(reviewer, module)
    assert permissions.modules_led(reviewer, seeded) == set()
