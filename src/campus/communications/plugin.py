"""What the communications app plugs into the shared parts (campus.core.plugins)."""

from campus.core.plugins import staff

from .permissions import can_use_outbox

staff.register(staff.StaffSection(
    title="Outbox", url_name="staff_outbox:home", order=50, predicate=can_use_outbox,
    description="Mail to applicants: preview, edit and send drafts; failures and retries; mail templates.",
))
