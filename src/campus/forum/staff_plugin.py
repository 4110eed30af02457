"""What the forum's staff side plugs in (called from plugin.py): the staff section and the mail staff write."""

from campus.core.plugins import mail as mail_events
from campus.core.plugins import staff


def register_staff() -> None:
    from .staff_mail import STAFF_MESSAGE
    from .staff_permissions import can_use_forum_staff

    staff.register(staff.StaffSection(
        title="Forum", url_name="staff_forum:home", order=53, predicate=can_use_forum_staff,
        description="Events: registrations (filters, exports), messages to registrants, the waitlist's offers, "
                    "check-in at the door, name badges.",
    ))
    mail_events.register(STAFF_MESSAGE)
