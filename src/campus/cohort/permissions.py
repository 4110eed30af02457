"""Who may use the staff cohort pages: the programme managers of the edition (superusers: every edition)."""

from campus.programme.models import Edition, Meetup
from campus.team.models import TeamMembership
from campus.team.permissions import Role, has_any_role, is_manager


def manages_any_edition(user, **objects) -> bool:
    """The staff section and the pages about one edition, meetup or lead's role (``objects`` loaded by
    ``staff_page``): a manager of that edition."""
    if not has_any_role(user, Role.MANAGER):
        return False
    for thing in objects.values():
        edition_id = thing.pk if isinstance(thing, Edition) else thing.edition_id if isinstance(
            thing, TeamMembership) else thing.module.edition_id
        if not is_manager(user, edition_id):
            return False
    return True


def edition_or_none(pk):
    return Edition.objects.select_related("programme").filter(pk=pk).first()


def meetup_or_none(pk):
    return Meetup.objects.select_related("module__edition__programme").filter(pk=pk).first()


def lead_role_or_none(pk):
    return (TeamMembership.objects.select_related("user", "module").filter(pk=pk, role=Role.MODULE_LEAD).first())
