"""Personal data held by the news app (read by campus.privacy.registry; see docs/privacy.md)."""

_PURPOSE = "Sending the news a person asked for (double opt-in)"

PERSONAL_DATA = {
    "news.Subscriber.email": (_PURPOSE, "Until they unsubscribe (deleted at once); unconfirmed: deleted after 7 days",
                              "consent"),
    "news.Subscriber.name": ("Greeting the subscriber in the news mails", "As the address", "consent"),
    "news.Subscriber.consent_text": ("Proof of what the subscriber agreed to", "As the address", "consent"),
    "news.Subscription.confirmed_at": ("Proof of the confirmation (double opt-in)", "As the address", "consent"),
    "news.NewsMessage.sent_by": ("Accountability of staff actions", "Set to nobody when that staff member is erased",
                                 "legitimate_interest"),
}

HANDLING = {
    "news.Subscriber": "Access: the address's lists, when it signed up and confirmed, the consent text (found by a "
                       "confirmed address of the person). Erasure: the address and its lists deleted. Retention: "
                       "sign-ups not confirmed within 7 days are deleted by the periodic job news.purge_unconfirmed; "
                       "unsubscribing deletes the address at once.",
    "news.Subscription": "Exported and erased with its subscriber.",
    "news.NewsMessage": "What the team wrote to a list: no personal data of subscribers (each mail is in the outbox).",
}
