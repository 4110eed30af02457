"""What the forum plugs into the shared parts (campus.core.plugins): its mail events and the confirmation's
attachments, the periodic job of the waitlist and retention, the page link that lets the seed's static page
"Cluster Education Forum 2022" give way to the event's page, and its privacy handler."""

from datetime import timedelta

from campus.core.plugins import jobs, links
from campus.core.plugins import mail as mail_events
from campus.core.plugins import privacy

from . import selectors, services
from .ics import registration_attachments
from .mail import EVENTS
from .privacy_handler import ForumHandler

for event in EVENTS:
    mail_events.register(event)
mail_events.register_attachment("forum_registration", registration_attachments)

jobs.register("forum.lapse_offers", services.lapse_offers, every=timedelta(minutes=5))
jobs.register("forum.delete_unconfirmed", services.delete_unconfirmed, every=timedelta(hours=6))

# The programme's page "forum-2022" (seed) leads to the event's page once the event is published.
links.register("page:forum-2022", "forum:list", state=selectors.page_link_state("forum-2022"))
links.register("edition_forum", "forum:list", state=selectors.edition_forum_link)  # programme's archive pages

privacy.register(ForumHandler())

# The staff side (forumstaff): the section, its mail to registrants.
from .staff_plugin import register_staff  # noqa: E402

register_staff()
