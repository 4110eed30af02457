"""Who may see and do what with interviews: the one place these rules live (tested with leaky data).

- The staff pages of a call are open to the edition's programme managers and interviewers.
- Managers create, change and delete slots, invite and cancel invitations and bookings.
- The panel page of a booked slot (the application and the assessment form) is open to the slot's panel
  members who are interviewers of the edition, and to the edition's managers.
- Panel members are chosen among the edition's interviewers.
- An applicant books only with an invitation that is not cancelled, for their own submitted application.
"""

from campus.team.permissions import Role, edition_ids_with_role, has_role, is_manager

STAFF_ROLES = (Role.MANAGER, Role.INTERVIEWER)


def edition_ids_for_staff(user) -> set[int]:
    """Editions whose interview pages ``user`` may open."""
    return edition_ids_with_role(user, *STAFF_ROLES)


def can_view_interviews(user, call) -> bool:
    return has_role(user, call.edition_id, *STAFF_ROLES)


def can_manage_interviews(user, call) -> bool:
    return is_manager(user, call.edition_id)


def can_sit_on_panel(user, call) -> bool:
    return has_role(user, call.edition_id, Role.INTERVIEWER)


def is_on_panel(user, slot) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    # uses the prefetched panel when there is one
    return any(member.pk == user.pk for member in slot.panel.all())


def can_assess(user, slot) -> bool:
    """Open the panel page of ``slot`` and record the assessment of whoever booked it."""
    call = slot.call
    if can_manage_interviews(user, call):
        return True
    return can_sit_on_panel(user, call) and is_on_panel(user, slot)


def has_active_invitation(application) -> bool:
    invitation = getattr(application, "interview_invitation", None)
    return invitation is not None and invitation.cancelled_at is None


def can_book(user, application) -> bool:
    from campus.applications.models import Application

    return bool(
        user.is_authenticated
        and application.applicant_id == user.pk
        and application.state == Application.State.SUBMITTED
        and has_active_invitation(application)
    )
