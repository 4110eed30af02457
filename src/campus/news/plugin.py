"""What the news app plugs into the shared parts (campus.core.plugins): its staff section, its mails and the
List-Unsubscribe headers of its messages, the "news" link (the public site's "tell me when applications open"),
the purge of unconfirmed sign-ups and its privacy handler."""

from datetime import timedelta

from campus.core.plugins import jobs, links, privacy, staff
from campus.core.plugins import mail as mail_events

from . import services
from .mail import EVENTS, MESSAGE_EVENT
from .models import Subscriber
from .permissions import can_use_news
from .privacy_handler import NewsHandler

staff.register(staff.StaffSection(
    title="News", url_name="staff_news:home", order=70, predicate=can_use_news,
    description="News lists: subscribers (confirmed and not yet), messages to a list through the outbox, CSV export.",
))

for event in EVENTS:
    mail_events.register(event)


def unsubscribe_headers(message) -> dict:
    """RFC 8058 one-click unsubscribe (RFC 2369 List-Unsubscribe), made when the message is sent."""
    subscriber = Subscriber.objects.filter(pk=message.related_id or None).first()
    if subscriber is None or message.related_type != "news.subscriber":
        raise ValueError("The subscriber of this news message is gone (unsubscribed or erased).")
    url = services.links_of(subscriber)["unsubscribe_url"]
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


mail_events.register_headers(MESSAGE_EVENT, unsubscribe_headers)

links.register("news", "news:sign_up")
links.register("training", "news:training")  # "signing up for a training": the application or, closed, news

jobs.register("news.purge_unconfirmed", lambda: services.purge_unconfirmed(), every=timedelta(hours=6))

privacy.register(NewsHandler())
