"""Each predicate of campus.interviews.permissions with data that could leak: another edition's interviewer,
a panel member of another slot, an applicant of another call."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser

from campus.interviews import permissions, services
from django.utils import timezone

from campus.applications.models import Application

from .conftest import future, make_person


@pytest.fixture
def foreign_slot(other_call, foreign_interviewer):
    start = future()
    return services.create_slot(call=other_call, starts_at=start, ends_at=start + timedelta(minutes=30),
                                timezone_name="Europe/Riga", place="Riga", panel=[foreign_interviewer],
                                actor=foreign_interviewer)


def test_view_and_manage(call, other_call, manager, interviewer, foreign_interviewer, application):
    assert permissions.can_view_interviews(manager, call) and permissions.can_manage_interviews(manager, call)
    assert permissions.can_view_interviews(interviewer, call)
    assert not permissions.can_manage_interviews(interviewer, call)
    # the foreign person is manager and interviewer of the other edition only
    assert not permissions.can_view_interviews(foreign_interviewer, call)
    assert not permissions.can_manage_interviews(foreign_interviewer, call)
    assert permissions.can_manage_interviews(foreign_interviewer, other_call)
    assert not permissions.can_view_interviews(manager, other_call)
    # an applicant and a visitor: nothing
    for nobody in (application.applicant, AnonymousUser()):
        assert not permissions.can_view_interviews(nobody, call)
    assert permissions.edition_ids_for_staff(interviewer) == {call.edition_id}
    assert permissions.edition_ids_for_staff(foreign_interviewer) == {other_call.edition_id}


def test_panel_and_assessment(call, manager, interviewer, second_interviewer, foreign_interviewer, make_slot,
                              foreign_slot):
    mine = make_slot(panel=[interviewer])
    theirs = make_slot(hour=11, panel=[second_interviewer])
    assert permissions.can_assess(interviewer, mine) and not permissions.can_assess(interviewer, theirs)
    assert permissions.can_assess(second_interviewer, theirs) and not permissions.can_assess(second_interviewer, mine)
    assert permissions.can_assess(manager, mine) and permissions.can_assess(manager, theirs)
    assert not permissions.can_assess(foreign_interviewer, mine)
    # a manager of this edition is no one on the other edition's panel
    assert not permissions.can_assess(manager, foreign_slot)
    assert not permissions.can_assess(interviewer, foreign_slot)
    assert permissions.can_sit_on_panel(interviewer, call) and not permissions.can_sit_on_panel(manager, call)
    assert not permissions.can_sit_on_panel(foreign_interviewer, call)


def test_panel_membership_needs_the_role_still(call, interviewer, make_slot):
    """Someone whose interviewer role was removed leaves the panels of the edition, in effect."""
    from campus.team.models import TeamMembership

    slot = make_slot(panel=[interviewer])
    TeamMembership.objects.filter(user=interviewer).delete()
    interviewer.__dict__.pop("_campus_team_roles", None)
    assert not permissions.can_assess(interviewer, slot)


def test_can_book(call, other_call, invited, second_application, manager, foreign_interviewer):
    assert permissions.can_book(invited.applicant, invited)
    assert not permissions.can_book(second_application.applicant, invited)  # someone else's application
    assert not permissions.can_book(second_application.applicant, second_application)  # not invited
    assert not permissions.can_book(manager, invited)
    # an applicant of another call, invited there: not for this call's application
    stranger = make_person("other.call@example.org", staff=False)
    elsewhere = Application.objects.create(call=other_call, applicant=stranger, reference="OTH30-1",
                                           state=Application.State.SUBMITTED, submitted_at=timezone.now())
    services.invite(applications=[elsewhere], actor=foreign_interviewer)
    elsewhere.refresh_from_db()
    assert permissions.can_book(elsewhere.applicant, elsewhere)
    assert not permissions.can_book(elsewhere.applicant, invited)
    services.cancel_invitation(invitation=invited.interview_invitation, actor=manager)
    invited.refresh_from_db()
    assert not permissions.can_book(invited.applicant, invited)
