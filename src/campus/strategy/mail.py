"""The mail the strategy app sends: a module lead's feedback on a strategy, to its owners (a group's: every member).
Registered from ``plugin.py``; staff override the text per edition in the outbox's mail templates."""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

FEEDBACK = MailEvent(
    key="strategy_feedback",
    label="Feedback on your strategy",
    placeholders={
        "cluster": "The strategy's cluster name",
        "author": "Who gave the feedback (a module lead or manager)",
        "about": "“the strategy as a whole” or “the objective …”",
        "comment": "The feedback itself",
        "strategy_url": "Where the participant reads the strategy and the feedback",
    },
    default_subject="Feedback on your strategy: {cluster}",
    default_body="""Dear {name},

{author} gave feedback on {about} of your strategy for {cluster}:

{comment}

Read it with your strategy, and answer if you like:
{strategy_url}

""" + SIGNATURE,
    addressee="participant",
)
