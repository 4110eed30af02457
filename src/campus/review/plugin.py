"""What the review app plugs into the shared parts (campus.core.plugins)."""

from campus.core.plugins import staff
from campus.team.permissions import Role, holds_any

staff.register(staff.StaffSection(
    title="Review", url_name="staff_review:home", order=20, predicate=holds_any(Role.REVIEWER, Role.MANAGER),
    description="Your review queue; for managers: team, review phases, criteria and assignments.",
))
