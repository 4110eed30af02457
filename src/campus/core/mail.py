"""Mail plumbing shared by every app.

In development every message becomes one ``.eml`` file under ``var/mail/`` (EmlFileBackend);
in production the SMTP backend sends it. Apps never call ``send_mail`` from a request: they
queue a task (see each app's ``tasks.py``) which calls :func:`send_message`.
"""

import logging
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from email.utils import formataddr, parseaddr
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)


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
    connection=None,
    message_id: str = "",
    from_name: str = "",
    headers: dict[str, str] | None = None,
) -> int:
    """Send one message now (call from a task, not from a request). ``html`` adds an HTML part. ``from_name``
    (the programme's name) is the sender's name shown with the address of ``DEFAULT_FROM_EMAIL``.

    ``connection``: a backend connection from :func:`mail_connection`; it is opened here if it is not yet,
    and stays open afterwards (the block that made it closes it).
    """
    if connection is not None:
        connection.open()
    message = EmailMultiAlternatives(
        # One line: a CR (or any line break) typed into a name would make Django refuse the header and the
        # task fail for good (tests/security/test_fuzz.py).
        subject=" ".join(subject.split()),
        body=body,
        from_email=sender(from_name),
        to=to,
        reply_to=reply_to or None,
        connection=connection,
        # A stable Message-ID (e.g. from the outbox row): a copy sent again after a crash in the commit has
        # the same id, which lets mail servers and clients drop it as a duplicate.
        # ``headers``: extra ones a mail event asks for (List-Unsubscribe, ...); checked by the outbox.
        headers={**(headers or {}), **({"Message-ID": message_id} if message_id else {})} or None,
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    return message.send(fail_silently=False)


def sender(name: str = "") -> str:
    """The From header: ``DEFAULT_FROM_EMAIL``, its display name replaced by ``name`` when one is given."""
    if not name.strip():
        return settings.DEFAULT_FROM_EMAIL
    return formataddr((" ".join(name.split()), parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))


@contextmanager
def mail_connection():
    """A mail backend connection, opened by the first :func:`send_message` and closed when the block ends.

    For "send exactly once" services: record the sending, send, and commit all inside a transaction
    that sits *inside* this block. The SMTP backend then ends its conversation (QUIT) only after the
    commit, so the moments in which a crash leaves a message delivered but not recorded as sent shrink
    to the COMMIT itself (see docs/deployment.md, "Mail: exactly once, but for one moment").
    """
    connection = get_connection()
    try:
        yield connection
    finally:
        try:
            connection.close()
        except Exception:  # the message was accepted (or the block failed anyway): a failed QUIT changes nothing
            logger.warning("Closing the mail connection failed", exc_info=True)
