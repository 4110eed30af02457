"""What the radars plug into the shared parts (campus.core.plugins): the participant area's section, the staff
section (the cohort's radars, for module leads and managers) and the privacy handler."""

from campus.core.plugins import participant as area
from campus.core.plugins import privacy, staff

from . import permissions
from .privacy_handler import RadarsHandler

area.register_section(area.ParticipantSection(title="Radars", url_name="radars:home", order=70))

staff.register(staff.StaffSection(
    title="Radars", url_name="staff_radars:home", order=70, predicate=permissions.staff_section,
    description="The cohort's technology radars: those shared with a coaching group or the cohort, and the "
                "groups' and the cohort's own.",
))

privacy.register(RadarsHandler())
