"""Staged decisions, their release, offers with a reply-by date and the ranked waitlist."""

from django.conf import settings
from django.db import models

from campus.applications.models import Application, Call
from campus.core.files import PrivateStorage
from campus.core.models import TimeStampedModel


class AdmissionSettings(TimeStampedModel):
    """How the admission of a call works. Capacity is the edition's (``edition.capacity``)."""

    class Promotion(models.TextChoices):
        AUTOMATIC = "automatic", "Automatic: the next on the waitlist gets the offer"
        SUGGEST = "suggest", "Suggest and confirm: a manager confirms each promotion"

    call = models.OneToOneField(Call, on_delete=models.CASCADE, related_name="admission_settings")
    offer_reply_days = models.PositiveSmallIntegerField(default=14)
    promotion = models.CharField(max_length=20, choices=Promotion.choices, default=Promotion.AUTOMATIC)
    # release: by hand, or automatically at this moment (default: the acceptance-letter date, 09:00 call time)
    release_at = models.DateTimeField(null=True, blank=True)
    auto_release = models.BooleanField(default=False)
    released_at = models.DateTimeField(null=True, blank=True)
    # selection assistant constraints
    one_per_country = models.BooleanField(default=True, help_text="At least one participant from each eligible country with an eligible applicant.")
    max_per_country = models.PositiveSmallIntegerField(null=True, blank=True)
    min_score = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True,
                                    help_text="Nobody with a lower score is proposed (empty: no minimum).")
    exclude_no = models.BooleanField(default=True, help_text="Nobody whom a reviewer recommends “No” is proposed.")
    # the letters: who signs them and whom the admitted contact; what the confirmation of a place says
    contact_name = models.CharField(max_length=200, blank=True)
    contact_role = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    travel_note = models.TextField(blank=True)
    accommodation_note = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Admission settings of {self.call}"


class Decision(TimeStampedModel):
    """A staged decision; the applicant sees it only after release."""

    class Outcome(models.TextChoices):
        ADMIT = "admit", "Admit"
        WAITLIST = "waitlist", "Waitlist"
        REJECT = "reject", "Reject"

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    waitlist_rank = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True, help_text="For the team only.")
    staged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.application}"


def _letter_path(instance, filename):
    return PrivateStorage.random_name(filename)


class Offer(TimeStampedModel):
    class State(models.TextChoices):
        SUGGESTED = "suggested", "Suggested (waiting for a manager)"
        OPEN = "open", "Open"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        EXPIRED = "expired", "Expired"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Via(models.TextChoices):
        RELEASE = "release", "Release"
        PROMOTION = "promotion", "Promotion from the waitlist"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="offers")
    state = models.CharField(max_length=20, choices=State.choices, default=State.OPEN, db_index=True)
    via = models.CharField(max_length=20, choices=Via.choices, default=Via.RELEASE)
    reply_by = models.DateTimeField(null=True, blank=True)
    made_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    letter = models.FileField(storage=PrivateStorage(), upload_to=_letter_path, max_length=300, blank=True)
    # the confirmation of the place, made once the offer is accepted
    confirmation = models.FileField(storage=PrivateStorage(), upload_to=_letter_path, max_length=300, blank=True)
    # the offer whose decline or expiry led to this one (promotions)
    replaces = models.OneToOneField("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by")

    class Meta:
        ordering = ["-made_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"], condition=models.Q(state__in=["suggested", "open", "accepted"]),
                name="offer_one_live_per_application",
            ),
        ]

    def __str__(self) -> str:
        return f"Offer to {self.application} ({self.get_state_display()})"
