"""What the strategy workspace plugs into the shared parts (campus.core.plugins): the participant area's section,
the staff section (the cohort's strategies, for module leads and managers), the feedback mail, the privacy handler."""

from campus.core.plugins import mail as mail_events
from campus.core.plugins import participant as area
from campus.core.plugins import privacy, staff

from . import permissions
from .mail import FEEDBACK
from .privacy_handler import StrategyHandler

area.register_section(area.ParticipantSection(title="Strategy", url_name="strategy:home", order=76))

staff.register(staff.StaffSection(
    title="Strategies", url_name="staff_strategy:home", order=58, predicate=permissions.staff_section,
    description="The cohort's cluster strategies shared with the module leads, a coaching group or the cohort: "
                "read them and give feedback.",
))

mail_events.register(FEEDBACK)

privacy.register(StrategyHandler())
