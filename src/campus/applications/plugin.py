"""What the applications app plugs into the shared parts (campus.core.plugins)."""

from campus.core.plugins import links, staff

from .permissions import can_view_applications

staff.register(staff.StaffSection(
    title="Applications", url_name="staff_applications:list", order=10, predicate=can_view_applications,
    description="Every application of a call: filters, exports, deadlines, requests for more information.",
))

# the programme's benefits page offers the letter for the employer (a page on a lower floor: core.plugins.links)
links.register("boss_letter", "apply:boss_letter")
