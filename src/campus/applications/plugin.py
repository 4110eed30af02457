"""What the applications app plugs into the shared parts (campus.core.plugins): its staff section, its privacy
handler, and its mail events, and the page links to the letter for the employer and to the application."""

from campus.core.plugins import links, staff
from campus.core.plugins import mail as mail_events
from campus.core.plugins import privacy

from . import selectors
from .mail import EVENTS
from .permissions import can_view_applications
from .privacy_handler import ApplicationsHandler

staff.register(staff.StaffSection(
    title="Applications", url_name="staff_applications:list", order=10, predicate=can_view_applications,
    description="Every application of a call: filters, exports, deadlines, requests for more information.",
))

# the programme's benefits page offers the letter for the employer (a page on a lower floor: core.plugins.links)
links.register("boss_letter", "apply:boss_letter")
# every "apply" promise of the public pages leads to the application while the call is open
links.register("apply", "apply:start", state=selectors.apply_link_state)

for event in EVENTS:
    mail_events.register(event)

privacy.register(ApplicationsHandler())
