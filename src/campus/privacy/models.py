"""Privacy: a person's request to be erased, and the retention rule of each edition.

The record of processing is not a table: every app declares its personal data in its own ``privacy.py``
(see :mod:`campus.privacy.registry`); ``manage.py record_of_processing`` writes docs/privacy.md from it.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class RetentionPolicy(models.Model):
    """How long an edition keeps what it no longer needs. Created on demand with the defaults."""

    edition = models.OneToOneField("programme.Edition", on_delete=models.CASCADE, related_name="retention_policy")
    documents_months = models.PositiveSmallIntegerField(
        "months to keep the CVs and letters of applicants not admitted",
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="Counted from the moment the call closes. Then the files are deleted (purge_expired_documents).",
    )

    class Meta:
        verbose_name = "retention policy"
        verbose_name_plural = "retention policies"

    def __str__(self) -> str:
        return f"Retention policy of {self.edition}"


class ErasureRequest(models.Model):
    """A person asks us to erase what we hold about them; a team member with the permission decides."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        APPROVED = "approved", "Approved: erased"
        REFUSED = "refused", "Refused"
        CANCELLED = "cancelled", "Cancelled by the person"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure_requests")
    reason = models.TextField(blank=True, max_length=2000)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True, max_length=2000, help_text="Shown to the person when the request is refused.")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(state="pending"), name="erasure_one_pending_per_user"
            )
        ]
        permissions = [("handle_requests", "Can handle privacy requests (exports for a person, erasure)")]

    def __str__(self) -> str:
        return f"Erasure request #{self.pk} ({self.get_state_display()})"
