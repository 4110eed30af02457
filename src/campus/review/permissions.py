"""Who may open, score and read what in the review pages (the team roles themselves live in campus.team)."""

from campus.team.permissions import Role, has_role, is_manager

# --- review of applications: who may open, score and read what ------------------------------------------
# A reviewer sees only applications assigned to them, in editions where they hold the reviewer role, and never
# one where they declared a conflict of interest. A programme manager sees every application of their edition.
# Nothing crosses editions. Blind review hides identities (and the CV and letter) from everyone but managers.


def _edition_id(application) -> int:
    return application.call.edition_id


def is_assigned(user, application) -> bool:
    from .models import Kind, ReviewAssignment

    return ReviewAssignment.objects.filter(application=application, reviewer=user, kind=Kind.REVIEW).exists()


def has_conflict(user, application) -> bool:
    from .models import ConflictOfInterest

    return ConflictOfInterest.objects.filter(application=application, reviewer=user).exists()


def can_manage_review(user, edition) -> bool:
    """Team, phases, criteria, assignments, conflicts of others, reminders: the edition's managers."""
    return is_manager(user, edition)


def can_write_review(user, application) -> bool:
    """Score ``application``: a reviewer of its edition it is assigned to, without a declared conflict."""
    if not has_role(user, _edition_id(application), Role.REVIEWER):
        return False
    return is_assigned(user, application) and not has_conflict(user, application)


def can_open_application(user, application) -> bool:
    """Read ``application`` in the review pages: the edition's managers, or a reviewer who may score it."""
    if is_manager(user, _edition_id(application)):
        return True
    return can_write_review(user, application)


def can_declare_conflict(user, application) -> bool:
    """A reviewer of the edition declares their own conflict (assigned or not: they may know the name from
    elsewhere); managers declare for others on the assignments page."""
    return has_role(user, _edition_id(application), Role.REVIEWER, Role.MANAGER)


def sees_identity(user, application, phase) -> bool:
    """Name, contact details, organisation, cluster, CV and letter: hidden from reviewers in a blind phase."""
    if is_manager(user, _edition_id(application)):
        return True
    return not (phase is not None and phase.blind)


def can_fetch_document(user, application, phase) -> bool:
    """The CV or letter through the review pages: whoever may open the application and sees identities."""
    return can_open_application(user, application) and sees_identity(user, application, phase)


def sees_others_reviews(user, application, phase, *, has_own: bool) -> bool:
    """Managers always; reviewers per the phase: never, after their own review, or always."""
    if is_manager(user, _edition_id(application)):
        return True
    if phase is None:
        return False
    visibility = phase.others_visible
    return visibility == "always" or (visibility == "after_own" and has_own)
