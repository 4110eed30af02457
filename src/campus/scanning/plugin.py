"""What signal scanning plugs into the shared parts: its participant section, its staff section (the cohort's
signals, for module leads and managers) and its privacy handler."""

from campus.core.plugins import participant, privacy, staff

from . import permissions
from .privacy_handler import ScanningHandler

participant.register_section(participant.ParticipantSection(title="Signals", url_name="scanning:list", order=72))

staff.register(staff.StaffSection(
    title="Signals", url_name="staff_signals:home", order=57, predicate=permissions.staff_section,
    description="The cohort's signals: those shared with a coaching group or the cohort, and the groups' and the "
                "cohort's own logs, with their comments and votes.",
))

privacy.register(ScanningHandler())
