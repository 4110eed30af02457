"""Who may do what with a strategy: the radars' sharing (one mechanism for every participant's work) plus this
app's "module lead" sharing: ``shared_with_leads`` lets the module leads and managers of the edition see it (and
comment), and nobody else. Editing stays with the owners."""

from django.db.models import Q

from campus.radars import sharing
from campus.team.permissions import Role, holds_any

staff_section = holds_any(Role.MODULE_LEAD, Role.MANAGER)
can_edit = sharing.can_edit
edited_by = sharing.edited_by


def can_view(user, strategy) -> bool:
    if sharing.can_view(user, strategy):
        return True
    return bool(strategy.shared_with_leads) and sharing.is_lead(user, strategy.edition_id)


def leads_see(user, strategy) -> bool:
    """``user`` sees it as a module lead or manager of its edition (not as an owner): the staff's overview."""
    if not sharing.is_lead(user, strategy.edition_id):
        return False
    return strategy.shared_with_leads or sharing._seen_by_leads(strategy)  # noqa: SLF001 - the radars' rule


def can_comment(user, strategy) -> bool:
    """The owners answer, the edition's module leads and managers who see it give feedback."""
    return can_edit(user, strategy) or leads_see(user, strategy)


def visible_to(user, qs):
    """``qs`` narrowed to what ``user`` may see: the same answer as ``can_view``."""
    if not (user is not None and user.is_authenticated and user.is_active):
        return qs.none()
    seen = sharing.visible_to(user, qs)
    return qs.filter(Q(pk__in=seen.values("pk")) | Q(shared_with_leads=True, edition_id__in=sharing.lead_ids(user)))


def seen_by_leads_qs(qs, edition_ids):
    """The strategies of ``edition_ids`` the leads may see: shared with them, a group, the cohort, or a group's."""
    return qs.filter(edition_id__in=edition_ids).filter(
        Q(shared_with_leads=True) | Q(visibility__in=[sharing.Visibility.GROUP, sharing.Visibility.COHORT])
        | Q(owner_kind__in=[sharing.OwnerKind.GROUP, sharing.OwnerKind.COHORT]))
