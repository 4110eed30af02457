"""Team roles per edition: the one place that says who is a programme manager, reviewer or interviewer.

A role is a ``TeamMembership`` row of an edition; a superuser holds every role on every edition. Staff
status alone gives no role. Other apps (interviews, admissions, communications pages) ask here.
"""

from .models import TeamMembership

Role = TeamMembership.Role


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def roles_of(user, edition) -> set[str]:
    """The roles ``user`` holds in ``edition`` (cached on the user object for the request)."""
    if not _active(user):
        return set()
    if user.is_superuser:
        return set(Role.values)
    cache = user.__dict__.setdefault("_campus_team_roles", {})
    edition_id = getattr(edition, "pk", edition)
    if edition_id not in cache:
        cache[edition_id] = set(
            TeamMembership.objects.filter(user=user, edition_id=edition_id).values_list("role", flat=True)
        )
    return cache[edition_id]


def has_role(user, edition, *roles: str) -> bool:
    """True when ``user`` holds any of ``roles`` in ``edition``."""
    return bool(roles_of(user, edition) & set(roles))


def is_manager(user, edition) -> bool:
    return has_role(user, edition, Role.MANAGER)


def edition_ids_with_role(user, *roles: str) -> set[int]:
    """Editions in which ``user`` holds any of ``roles`` (every edition for a superuser: None means all)."""
    if not _active(user):
        return set()
    if user.is_superuser:
        from campus.programme.models import Edition

        return set(Edition.objects.values_list("pk", flat=True))
    return set(TeamMembership.objects.filter(user=user, role__in=roles).values_list("edition_id", flat=True))


def roles_anywhere(user) -> set[str]:
    """Every role ``user`` holds in any edition (one query, cached on the user object)."""
    if not _active(user):
        return set()
    if user.is_superuser:
        return set(Role.values)
    if "_campus_roles_anywhere" not in user.__dict__:
        user.__dict__["_campus_roles_anywhere"] = set(
            TeamMembership.objects.filter(user=user).values_list("role", flat=True).distinct()
        )
    return user.__dict__["_campus_roles_anywhere"]


def has_any_role(user, *roles: str) -> bool:
    """True when ``user`` holds any of ``roles`` (any role when none given) in some edition."""
    return bool(roles_anywhere(user) & set(roles or Role.values))
