"""The predicates of admissions/permissions.py, with data that could leak: another edition's manager, a
reviewer of the same edition, another applicant, an inactive account."""

from campus.admissions import services
from campus.admissions.models import Offer
from campus.admissions.permissions import can_manage_admissions, can_view_offer
from campus.programme.models import Edition
from campus.team.models import TeamMembership

from .conftest import bulk_applications


def _other_edition(call):
    edition = call.edition
    return Edition.objects.create(programme=edition.programme, name="2031", slug="2031", capacity=5,
                                  application_deadline=edition.application_deadline,
                                  acceptance_letter_on=edition.acceptance_letter_on,
                                  hours_per_week_min=1, hours_per_week_max=2)


def test_predicates_with_data_that_could_leak(call, team_manager, django_user_model):
    apps = bulk_applications(call, 2)
    services.stage_decisions(call=call, decisions={apps[0].pk: ("admit", None)}, actor=team_manager)
    services.release(call=call, actor=team_manager)
    offer = Offer.objects.get()
    elsewhere = django_user_model.objects.create_user(email="else@example.org", password="x-long-pass-1", is_staff=True)
    TeamMembership.objects.create(edition=_other_edition(call), user=elsewhere, role="manager")
    reviewer = django_user_model.objects.create_user(email="rev@example.org", password="x-long-pass-1", is_staff=True)
    TeamMembership.objects.create(edition=call.edition, user=reviewer, role="reviewer")
    superuser = django_user_model.objects.create_superuser(email="root@example.org", password="x-long-pass-1")

    assert can_manage_admissions(team_manager, call) and can_manage_admissions(superuser, call)
    assert not can_manage_admissions(elsewhere, call)
    assert not can_manage_admissions(reviewer, call)
    assert not can_manage_admissions(apps[0].applicant, call)

    assert can_view_offer(apps[0].applicant, offer) and can_view_offer(team_manager, offer)
    assert not can_view_offer(apps[1].applicant, offer)  # another applicant of the same call
    assert not can_view_offer(elsewhere, offer) and not can_view_offer(reviewer, offer)
    owner = apps[0].applicant
    owner.is_active = False
    owner.save()
    assert not can_view_offer(owner, offer)
