"""Team roles per edition: the one way to ask who holds which role (predicates for views and templates).

A role is a ``TeamMembership`` row of an edition; a superuser holds every role on every edition. Staff status
alone gives no role. The same answers come through Django's permission API (``backends.TeamRoleBackend``):
``user.has_perm("team.manage_edition", edition)`` asks about one edition, ``user.has_perm("team.manage_edition")``
about any edition; ``PERMISSIONS`` says which roles grant which permission.
"""

from campus.programme.models import Module

from .models import Role, TeamMembership

# permission name (without the "team." prefix) -> the roles that grant it
PERMISSIONS: dict[str, frozenset[str]] = {
    "manage_edition": frozenset({Role.MANAGER}),
    "review_applications": frozenset({Role.REVIEWER, Role.MANAGER}),
    "interview_applicants": frozenset({Role.INTERVIEWER, Role.MANAGER}),
    "lead_modules": frozenset({Role.MODULE_LEAD, Role.MANAGER}),
}


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def edition_id_of(thing):
    """An edition, its primary key, or anything with an ``edition_id`` (a call, a message) -> the edition's id."""
    if thing is None or isinstance(thing, int):
        return thing
    if hasattr(thing, "edition_id"):
        return thing.edition_id
    return getattr(thing, "pk", thing)


def roles_of(user, edition) -> set[str]:
    """The roles ``user`` holds in ``edition`` (cached on the user object for the request)."""
    if not _active(user):
        return set()
    if user.is_superuser:
        return set(Role.values)
    cache = user.__dict__.setdefault("_campus_team_roles", {})
    edition_id = edition_id_of(edition)
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
    """Editions in which ``user`` holds any of ``roles`` (every edition for a superuser)."""
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


def leads_module(user, module) -> bool:
    """True when ``user`` may act as the lead of ``module``: a programme manager of its edition, a module lead
    of the whole edition, or the lead of that module (one query, cached on the user object)."""
    if not _active(user):
        return False
    if has_role(user, module.edition_id, Role.MANAGER):
        return True
    return module.pk in modules_led(user, module.edition_id) if module.pk else False


def modules_led(user, edition) -> set[int]:
    """Ids of the modules of ``edition`` that ``user`` leads (every module for a manager or an edition-wide
    module lead; cached on the user object for the request)."""
    if not _active(user):
        return set()
    cache = user.__dict__.setdefault("_campus_modules_led", {})
    edition_id = edition_id_of(edition)
    if edition_id not in cache:
        every = Module.objects.filter(edition_id=edition_id)
        if user.is_superuser or has_role(user, edition_id, Role.MANAGER):
            cache[edition_id] = set(every.values_list("pk", flat=True))
        else:
            rows = TeamMembership.objects.filter(user=user, edition_id=edition_id, role=Role.MODULE_LEAD)
            scopes = set(rows.values_list("module_id", flat=True))
            if None in scopes:
                cache[edition_id] = set(every.values_list("pk", flat=True))
            else:
                cache[edition_id] = scopes
    return cache[edition_id]


def modules_led_as_lead(user, edition) -> set[int]:
    """Ids of the modules of ``edition`` that ``user`` leads by a module-lead role of their own (that module or,
    without a module, the whole edition): unlike :func:`modules_led`, being a manager or a superuser is not
    enough. For what only a module's lead(s) may read (a journal entry shared with the module). One query,
    cached on the user object for the request."""
    if not _active(user):
        return set()
    cache = user.__dict__.setdefault("_campus_modules_led_as_lead", {})
    edition_id = edition_id_of(edition)
    if edition_id not in cache:
        scopes = set(TeamMembership.objects.filter(user=user, edition_id=edition_id, role=Role.MODULE_LEAD)
                     .values_list("module_id", flat=True))
        if None in scopes:
            scopes = set(Module.objects.filter(edition_id=edition_id).values_list("pk", flat=True))
        cache[edition_id] = scopes
    return cache[edition_id]


# --- predicates for staff_page and the staff sections: (user) -> bool -----------------------------------


def holds_any(*roles: str):
    """A predicate ``(user, **kwargs) -> bool``: ``user`` holds one of ``roles`` in some edition."""

    def predicate(user, **kwargs) -> bool:
        return has_any_role(user, *roles)

    predicate.__name__ = "holds_any_" + "_".join(roles)
    return predicate


# --- the permission names (the backend answers through these) ------------------------------------------


def roles_for_permission(perm: str):
    """The roles that grant ``perm`` ("team.manage_edition"), or None when it is not a team permission."""
    app_label, _, name = perm.partition(".")
    return PERMISSIONS.get(name) if app_label == "team" else None
