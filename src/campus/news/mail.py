"""The news app's mails (registered in plugin.py): the confirmation link and the team's messages to a list."""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

CONFIRM_EVENT = "news_confirm"
MESSAGE_EVENT = "news_message"

EVENTS = (
    MailEvent(
        key=CONFIRM_EVENT, label="News: confirm your sign-up", addressee="subscriber",
        placeholders={"lists": "The lists they asked for, one a line", "confirm_url": "The confirmation page"},
        default_subject="Please confirm: news from {programme_short}",
        default_body=(
            "Dear {name},\n\nSomeone (we hope you) asked to receive news from the {programme} at this address:\n\n"
            "{lists}\n\nTo confirm, open this page and press the button \"Confirm\":\n{confirm_url}\n\n"
            "If it was not you, ignore this mail: without confirmation we send nothing more and delete the "
            "address within 7 days.\n\n" + SIGNATURE
        ),
        editable_by=("manager",),
    ),
    MailEvent(
        key=MESSAGE_EVENT, label="News: a message to a list", addressee="subscriber",
        placeholders={"subject": "The subject the team wrote", "message": "The text the team wrote",
                      "list_title": "The list's name", "unsubscribe_url": "One-click unsubscribe page",
                      "manage_url": "The page to choose lists"},
        default_subject="{subject}",
        default_body=(
            "Dear {name},\n\nNews from the {programme} about \"{list_title}\":\n\n{message}\n\n"
            "-- \nYou receive this because you subscribed to \"{list_title}\".\n"
            "Unsubscribe: {unsubscribe_url}\nChoose your lists: {manage_url}\n"
        ),
        editable_by=("manager",),
    ),
)
