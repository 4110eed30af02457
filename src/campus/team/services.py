"""Every change of an edition's team: roles added and removed, and a person's roles erased.

Keyword-only arguments, one transaction each, an activity-log entry for every change (the erasure excepted:
the privacy app logs it with counts only). Refusals raise :class:`TeamError` (a ``ValidationError``: forms
show it next to the field named in it). What a role's removal means to other apps (a reviewer's outstanding
assignments) they do on ``signals.team_role_removed``.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from campus.core.activity import log_activity

from .models import Role, TeamMembership
from .signals import team_role_removed


class TeamError(ValidationError):
    """A refused change, in words for the person who asked (``field`` names the form field, if any)."""


def _error(message: str, field: str | None = None) -> TeamError:
    return TeamError({field: [message]} if field else message)


def add_team_role(*, edition, user, role: str, actor, module=None) -> TeamMembership:
    """Give ``user`` the ``role`` in ``edition``'s team (holding it already changes nothing). A module lead may
    be given one ``module`` of the edition (a row per module); without one they lead every module."""
    if role not in Role.values:
        raise _error("Choose a role.", "roles")
    if not user.is_active:
        raise _error("This account is deactivated.", "email")
    if module is not None and (role != Role.MODULE_LEAD or module.edition_id != edition.pk):
        raise _error("Only a module lead is given a module, and only a module of this edition.", "module")
    with transaction.atomic():
        membership, created = TeamMembership.objects.get_or_create(edition=edition, user=user, role=role,
                                                                   module=module)
        if created:
            scope = {"module": module.pk} if module is not None else {}
            log_activity(action="team.role_added", target=membership, actor=actor,
                         edition=edition.pk, user=user.pk, role=role, **scope)
    return membership


def remove_team_role(*, membership: TeamMembership, actor) -> None:
    """Take the role away; an edition keeps at least one programme manager."""
    with transaction.atomic():
        if membership.role == Role.MANAGER:
            others = TeamMembership.objects.filter(edition_id=membership.edition_id, role=Role.MANAGER).exclude(
                pk=membership.pk)
            if not others.exists():
                raise _error("An edition keeps at least one programme manager.")
        log_activity(action="team.role_removed", target=membership, actor=actor,
                     edition=membership.edition_id, user=membership.user_id, role=membership.role)
        team_role_removed.send(sender=TeamMembership, membership=membership, actor=actor)
        membership.delete()


@transaction.atomic
def forget_roles(*, memberships) -> int:
    """The erasure of a team member (called by privacy_handler.py inside the erasure's transaction): their
    roles (ids) are deleted, without the removal's signal: the erasure plans what other apps do themselves."""
    return TeamMembership.objects.filter(pk__in=memberships).delete()[0]
