"""What the communications app plugs into the shared parts (campus.core.plugins): its staff section, its privacy
handler, its periodic job and its panel of the staff dashboard."""

from datetime import timedelta

from campus.core.plugins import application_page, dashboard, jobs
from campus.core.plugins import privacy
from campus.core.plugins import staff

from . import dashboard as attention
from .application_page import mail_section
from . import services
from .permissions import can_use_outbox
from .privacy_handler import OutboxHandler

staff.register(staff.StaffSection(
    title="Outbox", url_name="staff_outbox:home", order=50, predicate=can_use_outbox,
    description="Mail to applicants: preview, edit and send drafts; failures and retries; mail templates.",
))

dashboard.register(dashboard.Panel(key="outbox", title="Outbox", order=50, predicate=can_use_outbox,
                                   items=attention.items))

application_page.register(mail_section)

# queued messages whose send task was lost (a crash between the commit and the enqueue) get a new one
jobs.register("communications.requeue_stale", services.requeue_stale, every=timedelta(minutes=5))

privacy.register(OutboxHandler())

from . import cloning  # noqa: E402 - its part of an edition's clone (campus.core.plugins.clone)

cloning.register()
