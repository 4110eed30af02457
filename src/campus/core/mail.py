"""Mail plumbing shared by every app.

In development every message becomes one ``.eml`` file under ``var/mail/`` (EmlFileBackend);
in production the SMTP backend sends it. Apps never call ``send_mail`` from a request: they
queue a task (see each app's ``tasks.py``) which calls :func:`send_message`.
"""

import uuid
from datetime import datetime, timezone
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend


class EmlFileBackend(BaseEmailBackend):
    """Writes each message to its own RFC 822 file: ``var/mail/<timestamp>-<id>.eml``."""

    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.directory = Path(file_path or settings.MAIL_DIR)

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        self.directory.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
            path = self.directory / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            path.write_bytes(message.message().as_bytes(linesep="\n"))
            sent += 1
        return sent


def send_message(
    *,
    to: list[str],
    subject: str,
    body: str,
    html: str = "",
    reply_to: list[str] | None = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
) -> int:
    """Send one message now (call from a task, not from a request). ``html`` adds an HTML part."""
    message = EmailMultiAlternatives(
        subject=subject.replace("\n", " ").strip(),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to or None,
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    return message.send(fail_silently=False)
