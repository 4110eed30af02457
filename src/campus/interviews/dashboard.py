"""The interviews' panel of the staff dashboard (campus.core.plugins.dashboard): invitations without a booked
time and interviews that are over but not assessed (an interviewer: those of their own panels)."""

from urllib.parse import urlencode

from django.urls import reverse

from campus.core.plugins.dashboard import Item
from campus.team.permissions import Role, edition_ids_with_role

from . import selectors
from .permissions import edition_ids_for_staff


def _url(call, state) -> str:
    return f"{reverse('staff_interviews:home')}?{urlencode({'call': call.pk, 'state': state})}"


def items(user, calls) -> list[Item]:
    shown = [c for c in calls if c.edition_id in edition_ids_for_staff(user)]
    if not shown:
        return []
    managed = edition_ids_with_role(user, Role.MANAGER)
    ids = [c.pk for c in shown]
    invited = selectors.invited_not_booked(ids)
    all_open = selectors.to_assess(ids)
    own_open = selectors.to_assess(ids, panel_member=user) if any(c.edition_id not in managed for c in shown) else {}
    found = []
    for call in shown:
        open_ = all_open if call.edition_id in managed else own_open
        found += [
            Item(call.pk, "Invited, no time booked", invited.get(call.pk, 0), _url(call, selectors.INVITED)),
            Item(call.pk, "Interviews to assess", open_.get(call.pk, 0), _url(call, selectors.BOOKED),
                 note="" if call.edition_id in managed else "on your panels"),
        ]
    return found
