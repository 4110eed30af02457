"""The one place that makes and sends mail to applicants (and reviewers): the outbox.

Every message is a row (``OutboxMessage``) before it is a mail. ``compose`` renders the event's template
into a row (a draft, or queued at once); ``send`` queues drafts; the task ``deliver`` sends one queued row,
exactly once. Other apps call only these functions (keyword-only arguments); no other code sends mail to
applicants (tests/communications/test_rules.py checks it).

States (ALLOWED): draft -> queued | cancelled; queued -> sent | failed | cancelled; failed -> queued | cancelled.
Every change and every sent message is in the activity log (actor, "from", "to").

Exactly once: ``deliver`` locks the row, marks it sent and hands the mail to SMTP inside one transaction
that sits inside ``mail_connection()``; the SMTP conversation ends (QUIT) only after the COMMIT. A task that
runs twice (retried, duplicated, recovered after a crash) finds the row sent and sends nothing. A crash
before the commit leaves the row queued and the mail not accepted (the server got no end of DATA that it
answered) or, in the one moment of the COMMIT itself, accepted but not recorded: docs/communications.md.
"""

import logging
import os
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone

from campus.core.activity import log_activity
from campus.core.plugins import mail

from . import rendering
from .models import MailTemplate, OutboxMessage

logger = logging.getLogger(__name__)

S = OutboxMessage.State

ALLOWED = {
    S.DRAFT: {S.QUEUED, S.CANCELLED},
    S.QUEUED: {S.SENT, S.FAILED, S.CANCELLED},
    S.FAILED: {S.QUEUED, S.CANCELLED},
    S.SENT: set(),
    S.CANCELLED: set(),
}


class OutboxError(Exception):
    """A guard refused the change; the message is meant for the person who tried."""


def _transition(message: OutboxMessage, to: str) -> str:
    previous = message.state
    if to not in ALLOWED[previous]:
        raise OutboxError(
            f"A {message.get_state_display().lower()} message cannot become {S(to).label.lower()}."
        )
    message.state = to
    return previous


# Attachments, extra headers and the Message-ID are made at send time (sending.py); re-exported for the callers.
from .sending import SendingError, attachments_of, headers_of  # noqa: E402,F401
from .sending import message_id as _message_id  # noqa: E402

# --- composing ----------------------------------------------------------------------------------


def site_url() -> str:
    """The site's address for links in mail: settings.SITE_URL, else $SITE_URL, else the first allowed host."""
    url = getattr(settings, "SITE_URL", "") or os.environ.get("SITE_URL", "")
    if url:
        return url.rstrip("/")
    hosts = [h.lstrip(".") for h in settings.ALLOWED_HOSTS if h and h != "*" and h != "testserver"]
    host = hosts[0] if hosts else "localhost"
    if host in ("localhost", "127.0.0.1"):
        return f"http://{host}:{os.environ.get('PORT', '8000')}"
    return f"https://{host}"


def default_template(event: str) -> MailTemplate | None:
    """The default template row of ``event`` (a superuser saved one, or migration 0002 loaded it); else the
    default text the event's app registers (campus.core.plugins.mail), unsaved; None for an unknown event."""
    template = MailTemplate.objects.filter(event=event, edition__isnull=True).first()
    registered = mail.get(event)
    if template is None and registered is not None:
        template = MailTemplate(event=event, edition=None, subject=registered.default_subject,
                                body=registered.default_body)
    return template


def template_for(event: str, edition) -> MailTemplate | None:
    """The edition's own template of ``event``, else the default one."""
    if edition is not None:
        own = MailTemplate.objects.filter(event=event, edition=edition).first()
        if own is not None:
            return own
    return default_template(event)


def standard_context(*, edition, to_user) -> dict:
    base = site_url()
    context = {
        "name": to_user.full_name if to_user is not None else "",
        "email": to_user.email if to_user is not None else "",
        "site_url": base + "/",
        "status_url": base + reverse("apply:status"),
        "programme": "", "programme_short": "", "edition": "", "team_email": "",
    }
    if edition is not None:
        programme = edition.programme
        context.update(programme=programme.name, programme_short=programme.short_name, edition=edition.name,
                       team_email=programme.contact_email)
    return context


def render(*, event: str, edition, to_user, context: dict) -> tuple[str, str]:
    """(subject, body) of ``event`` for ``to_user``: the template filled in with the standard placeholders and
    ``context`` (which may override them; a ``name`` it leaves empty falls back to the account's name, then to
    the event's ``addressee``: never the address). Values are inserted as plain text, never as template code."""
    template = template_for(event, edition)
    if template is None:
        raise OutboxError(f"There is no mail template for {mail.label(event)!r}.")
    standard = standard_context(edition=edition, to_user=to_user)
    values = {**standard, **context}
    # {name}: the context's (the application's), else the account's, else the event's neutral addressee.
    if not str(values.get("name") or "").strip():
        registered = mail.get(event)
        values["name"] = standard["name"] or (registered.addressee if registered is not None else "applicant")
    return rendering.one_line(rendering.fill(template.subject, values)), rendering.fill(template.body, values)


def compose(*, event: str, edition, to_user, context: dict, dedupe_key: str, related: Model | None = None,
            attachment: str | None = None, actor=None, send: bool = False, to_email: str = "") -> OutboxMessage:
    """The message of ``event`` (a registered mail event's key) to ``to_user``: a draft, or (``send``) queued with
    its send task enqueued once the surrounding transaction commits. One message per ``dedupe_key``: a second
    call (a double click, a retried task, a concurrent one) returns the existing row unchanged. ``attachment``
    None: the one the event declares (if any); "": none. No account (a forum guest, a news subscriber): ``to_user`` None, ``to_email``."""
    existing = OutboxMessage.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing
    registered = mail.get(event)
    if registered is None:
        raise OutboxError(f"No mail event is registered as {event!r}.")
    if attachment is None:
        attachment = registered.attachment
    if to_user is None and not to_email:
        raise OutboxError("A message needs a recipient: an account or an address.")
    subject, body = render(event=event, edition=edition, to_user=to_user, context=context)
    now = timezone.now()
    # A closed (erased or deactivated) account gets no mail: the row records that, nothing is queued.
    closed = to_user is not None and not to_user.is_active
    state = S.CANCELLED if closed else S.QUEUED if send else S.DRAFT
    send = send and not closed
    try:
        with transaction.atomic():
            message = OutboxMessage.objects.create(
                edition=edition, event=event, recipient=to_user, to_email=to_user.email if to_user else to_email,
                subject=subject, body=body, state=state, dedupe_key=dedupe_key,
                error="Not sent: the recipient's account is closed." if closed else "",
                related_type=related._meta.label_lower if related is not None else "",
                related_id=str(related.pk) if related is not None else "",
                attachment=attachment, queued_at=now if send else None,
                created_by=actor if getattr(actor, "is_authenticated", False) else None,
                sent_by=actor if send and getattr(actor, "is_authenticated", False) else None,
            )
            log_activity(action="communications.composed", target=message, actor=actor,
                         **{"from": None, "to": message.state, "event": event, "to_email": message.to_email})
    except IntegrityError:
        # Another transaction made it first (the unique dedupe_key): that row is the message.
        existing = OutboxMessage.objects.filter(dedupe_key=dedupe_key).first()
        if existing is None:
            raise
        return existing
    if send:
        _enqueue_on_commit(message.pk)
    return message


def _enqueue_on_commit(message_id: int) -> None:
    from . import tasks

    transaction.on_commit(lambda: tasks.deliver.enqueue(message_id))


# --- staff actions ------------------------------------------------------------------------------


def _locked(message) -> OutboxMessage:
    return OutboxMessage.objects.select_for_update().get(pk=getattr(message, "pk", message))


def send(*, messages: Iterable, actor) -> int:
    """Queue the drafts among ``messages`` (rows, ids or a queryset); each gets its own send task.
    Messages that are no longer drafts are left alone. Returns how many were queued."""
    ids = [getattr(m, "pk", m) for m in messages]
    queued = 0
    now = timezone.now()
    with transaction.atomic():
        for message in OutboxMessage.objects.select_for_update().filter(pk__in=ids, state=S.DRAFT).order_by("pk"):
            previous = _transition(message, S.QUEUED)
            message.queued_at = now
            message.sent_by = actor if getattr(actor, "is_authenticated", False) else None
            message.save(update_fields=["state", "queued_at", "sent_by", "updated_at"])
            log_activity(action="communications.queued", target=message, actor=actor,
                         **{"from": previous, "to": S.QUEUED, "to_email": message.to_email})
            _enqueue_on_commit(message.pk)
            queued += 1
    return queued


@transaction.atomic
def edit_draft(*, message, subject: str, body: str, actor) -> OutboxMessage:
    message = _locked(message)
    if message.state != S.DRAFT:
        raise OutboxError("Only a draft can be edited; this message is " + message.get_state_display().lower() + ".")
    subject = rendering.one_line(subject)
    if not subject:
        raise OutboxError("A message needs a subject.")
    if not body.strip():
        raise OutboxError("A message needs a text.")
    changed = [f for f, v in (("subject", subject), ("body", body)) if getattr(message, f) != v]
    if changed:
        message.subject, message.body = subject, body
        message.save(update_fields=["subject", "body", "updated_at"])
        log_activity(action="communications.edited", target=message, actor=actor, fields=changed)
    return message


@transaction.atomic
def cancel(*, message, actor) -> OutboxMessage:
    message = _locked(message)
    if message.state == S.CANCELLED:
        return message
    previous = _transition(message, S.CANCELLED)
    message.save(update_fields=["state", "updated_at"])
    log_activity(action="communications.cancelled", target=message, actor=actor,
                 **{"from": previous, "to": S.CANCELLED, "to_email": message.to_email})
    return message


@transaction.atomic
def retry(*, message, actor) -> OutboxMessage:
    """A failed message is queued again (its error is kept until it is sent)."""
    message = _locked(message)
    if message.state == S.QUEUED:
        return message
    previous = _transition(message, S.QUEUED)
    message.queued_at = timezone.now()
    message.save(update_fields=["state", "queued_at", "updated_at"])
    log_activity(action="communications.retried", target=message, actor=actor,
                 **{"from": previous, "to": S.QUEUED, "to_email": message.to_email})
    _enqueue_on_commit(message.pk)
    return message


# --- sending (the task body) ----------------------------------------------------------------------


def deliver(*, message_id: int) -> bool:
    """Send one queued message, exactly once. True when it went out; False when there was nothing to send
    (already sent, cancelled, gone) or it failed (then it is FAILED with the error, for a retry)."""
    from campus.core.mail import mail_connection, send_message

    with mail_connection() as connection:
        try:
            with transaction.atomic():
                message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
                if message is None or message.state != S.QUEUED:
                    return False
                attachments, headers = attachments_of(message), headers_of(message)
                previous = _transition(message, S.SENT)
                message.sent_at = timezone.now()
                message.attempts += 1
                message.error = ""
                message.save(update_fields=["state", "sent_at", "attempts", "error", "updated_at"])
                log_activity(
                    action="communications.sent", target=message, actor=message.sent_by,
                    **{"from": previous, "to": S.SENT, "to_email": message.to_email, "event": message.event,
                       "attachments": [name for name, _content, _type in attachments]},
                )
                programme = message.edition.programme if message.edition_id else None
                send_message(to=[message.to_email], subject=message.subject, body=message.body,
                             attachments=attachments, connection=connection, message_id=_message_id(message),
                             from_name=programme.name if programme else "",
                             reply_to=[programme.contact_email] if programme and programme.contact_email else None,
                             headers=headers)
        except DatabaseError:
            raise  # the database is the problem, not the message: the task fails and the row stays queued
        except Exception as error:  # SMTP refused, no server, a broken attachment: visible and retryable
            logger.warning("Sending outbox message %s failed", message_id, exc_info=True)
            _mark_failed(message_id, error)
            return False
    return True


def _mark_failed(message_id: int, error: Exception) -> None:
    text = f"{type(error).__name__}: {error}"[:2000]
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state != S.QUEUED:
            return
        previous = _transition(message, S.FAILED)
        message.attempts += 1
        message.error = text
        message.save(update_fields=["state", "attempts", "error", "updated_at"])
        log_activity(action="communications.failed", target=message,
                     **{"from": previous, "to": S.FAILED, "to_email": message.to_email, "error": text})


def requeue_stale(*, older_than: timedelta = timedelta(minutes=10)) -> int:
    """Enqueue the send task again for messages queued longer than ``older_than`` (their task was lost, e.g. the
    process died between the commit and the enqueue). Harmless for the others: ``deliver`` sends once."""
    from . import tasks

    ids = list(OutboxMessage.objects.filter(state=S.QUEUED, queued_at__lt=timezone.now() - older_than)
               .values_list("pk", flat=True))
    for message_id in ids:
        tasks.deliver.enqueue(message_id)
    return len(ids)


# --- templates ----------------------------------------------------------------------------------


@transaction.atomic
def save_template(*, event: str, edition, subject: str, body: str, actor) -> MailTemplate:
    """Create or change the template of ``event`` for ``edition`` (None: the default). Raises
    rendering.TemplateError for an unknown placeholder or broken braces (forms check it first)."""
    rendering.check(subject, event)
    rendering.check(body, event)
    template = MailTemplate.objects.select_for_update(of=("self",)).filter(event=event, edition=edition).first()
    if template is None:
        template = MailTemplate.objects.create(event=event, edition=edition, subject=subject, body=body)
        log_activity(action="communications.template_created", target=template, actor=actor, event=event,
                     edition=getattr(edition, "pk", None))
        return template
    changed = [f for f, v in (("subject", subject), ("body", body)) if getattr(template, f) != v]
    if changed:
        template.subject, template.body = subject, body
        template.save(update_fields=["subject", "body", "updated_at"])
        log_activity(action="communications.template_changed", target=template, actor=actor, fields=changed)
    return template


@transaction.atomic
def delete_template(*, template: MailTemplate, actor) -> None:
    """Remove an edition's own template (the default applies again). Defaults cannot be removed."""
    if template.edition_id is None:
        raise OutboxError("The default template cannot be removed; change its text instead.")
    log_activity(action="communications.template_removed", target=template, actor=actor, event=template.event,
                 edition=template.edition_id)
    template.delete()


# --- erasure of a person (called by the privacy handler, privacy_handler.py) ----------------------------


@transaction.atomic
def cancel_and_clear_messages_of(*, own, others=(), rewrite=None, forget_key=None) -> dict:
    """Messages to an erased person (``own``, ids): not sent yet, cancelled first (a send task that runs later
    finds nothing to send); then address, subject, text and error cleared. The rows stay: their dedupe keys keep
    the same message from being composed again. ``others`` (ids): messages to others that name the person, their
    subject, text and error passed through ``rewrite(message, text)``. ``forget_key(key)``: True when a dedupe
    key names the person (it is replaced). The caller logs the erasure (counts only)."""
    own, counts = set(own), {"outbox_cancelled": 0, "outbox_cleared": 0}
    for message in OutboxMessage.objects.select_for_update().filter(pk__in=own | set(others)).order_by("pk"):
        if message.pk in own:
            if message.state not in (S.SENT, S.CANCELLED):
                _transition(message, S.CANCELLED)
                counts["outbox_cancelled"] += 1
            message.to_email = message.subject = message.body = message.error = ""
            counts["outbox_cleared"] += 1
        elif rewrite is not None:
            for name in ("subject", "body", "error"):
                setattr(message, name, rewrite(message, getattr(message, name)))
        if forget_key is not None and forget_key(message.dedupe_key):
            message.dedupe_key = f"erased:{message.pk}"
        message.save(update_fields=["state", "to_email", "subject", "body", "error", "dedupe_key", "updated_at"])
    return counts
