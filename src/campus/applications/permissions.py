"""Who may see and do what with applications: the one place these rules live (tested with leaky data)."""


def can_view_applications(user) -> bool:
    """Staff with the role (the permission to view applications) see the applications of every call."""
    return bool(user.is_authenticated and user.is_active and user.is_staff and user.has_perm("applications.view_application"))


def can_manage_applications(user) -> bool:
    """Extend deadlines, request more information, override eligibility."""
    return can_view_applications(user) and user.has_perm("applications.change_application")


def can_view_application(user, application) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return application.applicant_id == user.pk or can_view_applications(user)
