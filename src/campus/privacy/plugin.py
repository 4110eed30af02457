"""What the privacy app plugs into the shared parts (campus.core.plugins)."""

from campus.core.plugins import links, staff

from .permissions import can_handle_requests

staff.register(staff.StaffSection(
    title="Privacy requests", url_name="staff_privacy:home", order=70, predicate=can_handle_requests,
    description="Requests for access and erasure of personal data.",
))

# the applicant's status page links to the person's own data (a page on a lower floor: core.plugins.links)
links.register("my_data", "privacy:home")
links.register("my_data_download", "privacy:download")
