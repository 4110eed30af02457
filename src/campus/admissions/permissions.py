"""Who may do what in admissions: the one place these rules live (tested with data that could leak)."""

from campus.team.permissions import is_manager


def can_manage_admissions(user, call) -> bool:
    """Programme managers of the call's edition stage, release and export decisions of that call."""
    return is_manager(user, call.edition_id)


def can_view_offer(user, offer) -> bool:
    """An offer (and its letter) is the applicant's, and the managers' of its edition."""
    if not user.is_authenticated or not user.is_active:
        return False
    application = offer.application
    return application.applicant_id == user.pk or is_manager(user, application.call.edition_id)
