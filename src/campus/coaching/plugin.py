"""What peer coaching plugs into the shared parts (campus.core.plugins): its staff section, its section of the
participant area (shown once the participant is in a group), the "your coaching group" block of the
participant's home, and its privacy handler."""

from django.template.loader import render_to_string

from campus.core.plugins import participant as area
from campus.core.plugins import privacy, staff

from . import permissions, selectors
from .privacy_handler import CoachingHandler

staff.register(staff.StaffSection(
    title="Coaching", url_name="staff_coaching:home", order=48, predicate=permissions.staff_section,
    description="Peer coaching rounds: generate groups of 3–4 that mix countries and sectors, change them by "
                "hand, see which sessions were held, export.",
))

area.register_annotation(selectors.IN_GROUP, selectors.in_group_expression)  # has_group costs no query
area.register_section(area.ParticipantSection(
    title="Coaching", url_name="coaching:home", order=50, predicate=selectors.has_group))


def coaching_block(request, participant):
    """The participant's newest coaching group on their home (one query before a group exists, then two)."""
    membership = selectors.newest_membership(participant)
    if membership is None:
        return None
    group = membership.group
    return area.HomeBlock(render_to_string("coaching/participant/_home_block.html", {
        "group": group, "round": group.round, "members": list(selectors.members_of_queryset(group)),
        "participant": participant,
    }, request=request), order=50, key="coaching")


area.register_block(coaching_block)

privacy.register(CoachingHandler())
