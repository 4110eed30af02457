"""What a message carries besides its text, made when it is sent (and for the staff preview): attachments,
extra headers and its Message-ID. Providers are registered by the apps that make them, next to their mail events
(campus.core.plugins.mail: ``register_attachment(name, func)``, ``register_headers(event_key, func)``)."""

import hashlib
import re

from campus.core.plugins import mail

# Headers the outbox or Django set themselves: a provider may not replace them.
RESERVED = frozenset(name.lower() for name in (
    "From", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date", "Message-ID", "Sender", "Return-Path",
    "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
))
HEADER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]{0,75}")


class SendingError(Exception):
    """A provider is missing or gave something that cannot be sent."""


def attachments_of(message) -> list[tuple[str, bytes, str]]:
    if not message.attachment:
        return []
    provider = mail.attachment_provider(message.attachment)
    if provider is None:
        raise SendingError(f"No attachment provider is registered as {message.attachment!r}.")
    return list(provider(message))


def headers_of(message) -> dict[str, str]:
    """The extra headers of ``message``: those its event's provider gives now ({} without a provider).
    Refuses a reserved or malformed name and a value with a line break (no header injection)."""
    provider = mail.headers_provider(message.event)
    if provider is None:
        return {}
    headers = {}
    for name, value in dict(provider(message)).items():
        value = str(value)
        if not HEADER_NAME.fullmatch(name) or name.lower() in RESERVED:
            raise SendingError(f"A mail event may not set the header {name!r}.")
        if "\r" in value or "\n" in value:
            raise SendingError(f"The header {name} holds a line break.")
        headers[name] = value
    return headers


def message_id(message) -> str:
    """The same Message-ID for every attempt at one outbox row (its id and a hash of its dedupe key)."""
    from django.core.mail.message import DNS_NAME

    digest = hashlib.sha256(message.dedupe_key.encode()).hexdigest()[:16]
    return f"<outbox.{message.pk}.{digest}@{DNS_NAME}>"
