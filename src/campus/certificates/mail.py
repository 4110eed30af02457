"""The mail the certificates app sends: "certificate issued" (registered from plugin.py; staff edit the text
per edition in the outbox's mail templates)."""

from campus.communications.rendering import SIGNATURE
from campus.core.plugins.mail import MailEvent

EVENTS = (
    MailEvent(
        key="certificate_issued",
        label="Certificate issued",
        placeholders={
            "certificate_url": "Where the participant downloads the certificate (signed in)",
            "verify_url": "The certificate's public verification address",
            "code": "The verification code printed on the certificate",
        },
        default_subject="Your certificate: {programme_short} {edition}",
        default_body="""Dear {name},

Congratulations: you have completed the {programme} {edition}, and your certificate is ready.

Download it (as a PDF) from your participant area:
{certificate_url}

Anyone you show it to can check it at its public address, or by its code {code}:
{verify_url}

""" + SIGNATURE,
        addressee="participant",
    ),
)
