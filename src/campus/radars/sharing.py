"""Ownership and visibility of the scouting tools (radars, signals, boards): ONE mechanism, reused by the apps
above (campus.scanning, campus.assessment) by inheriting ``Shareable`` and calling the predicates below.

Who owns a thing (``owner_kind``):
- ``participant``: ``owner`` (a user) made it for themselves; ``edition`` is the cohort they belong to.
- ``group``: a coaching group (``group``) owns it; every member edits it; ``owner`` is whoever made it.
- ``cohort``: the cohort of ``edition`` owns it; its participants and its module leads and managers edit it.
- ``staff``: a team member (``owner``) made it; they and the edition's managers edit it.

Who sees it (``visibility``), besides those who edit it:
- ``private``: nobody else.
- ``group``: the members of ``group`` (for a participant's own thing: the coaching group it is shared with).
- ``cohort``: every participant of ``edition``.
Module leads (any module lead of the edition: the scouting module is taught by several people, so we do not tie
it to module 4) and managers of the edition see the cohort's work: everything of the edition that is group- or
cohort-visible, or owned by a group or the cohort. Nobody but its owner sees a participant's private thing.

A public link (``public_token``, a secret random token) is independent of the visibility: whoever has the link
reads the thing without signing in, read-only; revoking it empties the token, so the old link answers 404.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

from campus.coaching.models import CoachingGroup, GroupMember
from campus.cohort.models import Participant
from campus.programme.models import Edition
from campus.team.models import Role
from campus.team.permissions import edition_ids_with_role, has_role

PUBLIC_LINK_WARNING = (
    "Anyone who has the link can read everything on this page without signing in, and can pass the link on. "
    "Do not create it for anything confidential; you can revoke it at any time."
)


class OwnerKind(models.TextChoices):
    PARTICIPANT = "participant", "Me"
    GROUP = "group", "My coaching group"
    COHORT = "cohort", "The cohort"
    STAFF = "staff", "Staff"


class Visibility(models.TextChoices):
    PRIVATE = "private", "Private (only the owners)"
    GROUP = "group", "My coaching group"
    COHORT = "cohort", "The whole cohort"


class Shareable(models.Model):
    """The abstract mixin: who owns the thing, who sees it, and its public link."""

    owner_kind = models.CharField(max_length=12, choices=OwnerKind.choices, default=OwnerKind.PARTICIPANT)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    group = models.ForeignKey(CoachingGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    visibility = models.CharField(max_length=12, choices=Visibility.choices, default=Visibility.PRIVATE)
    public_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    public_token_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def has_public_link(self) -> bool:
        return bool(self.public_token)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _cache(user) -> dict:
    return user.__dict__.setdefault("_campus_sharing", {})


def group_ids(user) -> set[int]:
    """The coaching groups ``user`` is a member of (cached on the user object for the request)."""
    cache = _cache(user)
    if "groups" not in cache:
        cache["groups"] = set(GroupMember.objects.filter(participant__user=user).values_list("group_id", flat=True))
    return cache["groups"]


def cohort_ids(user) -> set[int]:
    """The editions ``user`` is a participant of."""
    cache = _cache(user)
    if "cohorts" not in cache:
        cache["cohorts"] = set(Participant.objects.filter(user=user).values_list("edition_id", flat=True))
    return cache["cohorts"]


def lead_ids(user) -> set[int]:
    """The editions in which ``user`` is a module lead or a manager (every edition for a superuser)."""
    cache = _cache(user)
    if "leads" not in cache:
        cache["leads"] = edition_ids_with_role(user, Role.MODULE_LEAD, Role.MANAGER)
    return cache["leads"]


def is_lead(user, edition) -> bool:
    return _active(user) and has_role(user, edition, Role.MODULE_LEAD, Role.MANAGER)


def can_edit(user, obj) -> bool:
    if not _active(user):
        return False
    kind = obj.owner_kind
    if kind == OwnerKind.PARTICIPANT:
        return obj.owner_id == user.pk
    if kind == OwnerKind.GROUP:
        return obj.group_id is not None and obj.group_id in group_ids(user)
    if kind == OwnerKind.COHORT:
        return obj.edition_id in cohort_ids(user) or is_lead(user, obj.edition_id)
    if kind == OwnerKind.STAFF:
        return obj.owner_id == user.pk or has_role(user, obj.edition_id, Role.MANAGER)
    return False


def _seen_by_leads(obj) -> bool:
    return (obj.visibility in (Visibility.GROUP, Visibility.COHORT)
            or obj.owner_kind in (OwnerKind.GROUP, OwnerKind.COHORT))


def can_view(user, obj) -> bool:
    if not _active(user):
        return False
    if can_edit(user, obj):
        return True
    if obj.visibility == Visibility.GROUP and obj.group_id is not None and obj.group_id in group_ids(user):
        return True
    if obj.visibility == Visibility.COHORT and obj.edition_id in cohort_ids(user):
        return True
    return _seen_by_leads(obj) and is_lead(user, obj.edition_id)


def visible_to(user, qs):
    """``qs`` (of a ``Shareable`` model) narrowed to what ``user`` may see: the same answer as ``can_view``."""
    if not _active(user):
        return qs.none()
    groups, cohorts, leads = group_ids(user), cohort_ids(user), lead_ids(user)
    staff_editions = edition_ids_with_role(user, Role.MANAGER)
    rule = (
        Q(owner_kind=OwnerKind.PARTICIPANT, owner=user)
        | Q(owner_kind=OwnerKind.STAFF, owner=user)
        | Q(owner_kind=OwnerKind.STAFF, edition_id__in=staff_editions)
        | Q(owner_kind=OwnerKind.GROUP, group_id__in=groups)
        | Q(owner_kind=OwnerKind.COHORT, edition_id__in=cohorts | leads)
        | Q(visibility=Visibility.GROUP, group_id__in=groups)
        | Q(visibility=Visibility.COHORT, edition_id__in=cohorts)
        | (Q(edition_id__in=leads) & (Q(visibility__in=[Visibility.GROUP, Visibility.COHORT])
                                      | Q(owner_kind__in=[OwnerKind.GROUP, OwnerKind.COHORT])))
    )
    return qs.filter(rule)


def edited_by(user, qs):
    """``qs`` narrowed to what ``user`` may edit (``can_edit``)."""
    if not _active(user):
        return qs.none()
    rule = (
        Q(owner_kind=OwnerKind.PARTICIPANT, owner=user)
        | Q(owner_kind=OwnerKind.STAFF, owner=user)
        | Q(owner_kind=OwnerKind.STAFF, edition_id__in=edition_ids_with_role(user, Role.MANAGER))
        | Q(owner_kind=OwnerKind.GROUP, group_id__in=group_ids(user))
        | Q(owner_kind=OwnerKind.COHORT, edition_id__in=cohort_ids(user) | lead_ids(user))
    )
    return qs.filter(rule)


def by_public_token(qs, token: str):
    """The thing whose public link is ``token``, or None (a revoked or unknown link)."""
    if not token or len(token) > 64:
        return None
    return qs.filter(public_token=token).first()


def owner_label(obj) -> str:
    """Who owns it, in words (for lists and the sharing page)."""
    if obj.owner_kind == OwnerKind.GROUP and obj.group_id:
        return f"Coaching group {obj.group.number}"
    if obj.owner_kind == OwnerKind.COHORT:
        return "The cohort"
    if obj.owner_id:
        return obj.owner.get_full_name() or obj.owner.email
    return "(removed)"


# --- changing who owns and sees a thing (called from each app's services, inside their transaction) ----------


class SharingError(Exception):
    """A refusal the person reads (shown on the form)."""


def check_owner(*, actor, owner_kind: str, edition, group=None) -> None:
    """Refuse an owner ``actor`` may not give a new thing: a group they are not in, a cohort not theirs."""
    edition_id = getattr(edition, "pk", edition)
    if owner_kind == OwnerKind.PARTICIPANT:
        if edition_id not in cohort_ids(actor):
            raise SharingError("Only participants of the cohort can own one themselves.")
    elif owner_kind == OwnerKind.GROUP:
        if group is None or group.pk not in group_ids(actor) or group.round.edition_id != edition_id:
            raise SharingError("Choose a coaching group you are a member of.")
    elif owner_kind == OwnerKind.COHORT:
        if edition_id not in cohort_ids(actor) and not is_lead(actor, edition_id):
            raise SharingError("Only the cohort's participants and module leads can make one for the cohort.")
    elif owner_kind == OwnerKind.STAFF:
        if not is_lead(actor, edition_id):
            raise SharingError("Only module leads and managers of the edition can make one for staff.")
    else:
        raise SharingError("Choose who owns it.")


def set_visibility(obj, *, visibility: str, group=None) -> None:
    """Set who sees ``obj``; a group visibility needs a coaching group the owner is a member of."""
    if visibility not in Visibility.values:
        raise SharingError("Choose who can see it.")
    if obj.owner_kind == OwnerKind.GROUP:
        group = obj.group
    elif visibility == Visibility.GROUP:
        if group is None or obj.owner is None or group.pk not in group_ids(obj.owner):
            raise SharingError("Choose one of your coaching groups.")
    elif obj.owner_kind == OwnerKind.PARTICIPANT:
        group = None
    if obj.owner_kind == OwnerKind.COHORT:
        visibility = Visibility.COHORT
    obj.visibility = visibility
    obj.group = group
    obj.save(update_fields=["visibility", "group", "updated_at"])


def open_public_link(obj) -> str:
    """Give ``obj`` a public link (a new secret each time, so an old link stays dead); returns the token."""
    from django.utils import timezone

    obj.public_token = new_token()
    obj.public_token_at = timezone.now()
    obj.save(update_fields=["public_token", "public_token_at", "updated_at"])
    return obj.public_token


def close_public_link(obj) -> None:
    obj.public_token = None
    obj.public_token_at = None
    obj.save(update_fields=["public_token", "public_token_at", "updated_at"])
