"""Mail templates per event and the outbox: every message to an applicant is a row before it is a mail.

``event`` is the key of a mail event some app registers (campus.core.plugins.mail): plain data, no choices, so a
new app's mail needs no migration here. A key nobody registers any more (its app was removed) is shown as itself.
"""

from django.conf import settings
from django.db import models

from campus.core.models import TimeStampedModel
from campus.core.plugins import mail
from campus.programme.models import Edition

EVENT_MAX_LENGTH = mail.KEY_MAX_LENGTH


class MailTemplate(TimeStampedModel):
    """Subject and body of the mail sent for an event. ``{placeholders}`` are filled from the context;
    an edition may have its own template, else the default one (edition empty) is used."""

    edition = models.ForeignKey(Edition, null=True, blank=True, on_delete=models.CASCADE, related_name="mail_templates")
    event = models.CharField(max_length=EVENT_MAX_LENGTH)
    subject = models.CharField(max_length=300)
    body = models.TextField()

    class Meta:
        ordering = ["event", "edition"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "event"], name="mailtemplate_one_per_edition_event"),
            models.UniqueConstraint(
                fields=["event"], condition=models.Q(edition__isnull=True), name="mailtemplate_one_default_per_event"
            ),
        ]

    @property
    def event_label(self) -> str:
        return mail.label(self.event)

    def __str__(self) -> str:
        return f"{self.event_label} ({self.edition or 'default'})"


class OutboxMessage(TimeStampedModel):
    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    edition = models.ForeignKey(Edition, null=True, blank=True, on_delete=models.SET_NULL, related_name="outbox")
    event = models.CharField(max_length=EVENT_MAX_LENGTH)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="outbox_messages"
    )
    to_email = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    # One message per purpose: e.g. "offer:<offer id>". A second draft for the same key is the same row.
    dedupe_key = models.CharField(max_length=200, unique=True)
    # The object the message is about (as in the activity log), and the attachment provider to call at send time.
    related_type = models.CharField(max_length=100, blank=True)
    related_id = models.CharField(max_length=64, blank=True)
    attachment = models.CharField(max_length=mail.ATTACHMENT_MAX_LENGTH, blank=True,
                                  help_text="Name of a registered attachment provider.")
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    queued_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["related_type", "related_id"])]

    @property
    def event_label(self) -> str:
        return mail.label(self.event)

    def get_event_display(self) -> str:
        """The event's label (the name Django gives it for a field with choices; kept for the callers)."""
        return mail.label(self.event)

    def __str__(self) -> str:
        return f"{self.event_label} to {self.to_email} ({self.get_state_display()})"
