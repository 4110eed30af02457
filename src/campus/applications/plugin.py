"""What the applications app plugs into the shared parts (campus.core.plugins): its staff section, its privacy
handler, and its mail events, the page links to the letter for the employer and to the application, the calls of
the staff dashboard and its panel there."""

from campus.core.plugins import dashboard, links, staff
from campus.core.plugins import mail as mail_events
from campus.core.plugins import privacy

from . import dashboard as attention
from . import selectors
from .mail import EVENTS
from .permissions import can_view_applications
from .privacy_handler import ApplicationsHandler

staff.register(staff.StaffSection(
    title="Applications", url_name="staff_applications:list", order=10, predicate=can_view_applications,
    description="Every application of a call: filters, exports, deadlines, requests for more information.",
))

# the staff dashboard is about the open calls of the current editions; what waits among their applications
dashboard.register_calls(selectors.dashboard_calls)
dashboard.register(dashboard.Panel(key="applications", title="Applications", order=10,
                                   predicate=can_view_applications, items=attention.items))

# the programme's benefits page offers the letter for the employer (a page on a lower floor: core.plugins.links)
links.register("boss_letter", "apply:boss_letter")
# every "apply" promise of the public pages leads to the application while the call is open
links.register("apply", "apply:start", state=selectors.apply_link_state)
# the account menu of every page (core's header) links to the person's application without naming the app
links.register("my_application", "apply:status")

for event in EVENTS:
    mail_events.register(event)

privacy.register(ApplicationsHandler())

from . import cloning  # noqa: E402 - its part of an edition's clone (campus.core.plugins.clone)

cloning.register()
