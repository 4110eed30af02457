"""The participants of an edition (the cohort), what the directory may show of them, their private calendar
feed, and the edition's onboarding text for people just admitted."""

from django.conf import settings
from django.db import models

from campus.applications.models import Application
from campus.core.markdown import MARKDOWN_HELP
from campus.core.models import TimeStampedModel
from campus.programme.models import Edition


class Participant(TimeStampedModel):
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participations")
    application = models.OneToOneField(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="participant"
    )
    # The cohort directory shows organisation, cluster, country and sector to fellow participants; the e-mail
    # address and phone number only when the participant allowed it (on the directory page; off by default).
    show_contact = models.BooleanField(default=False, help_text="Fellow participants see my e-mail and phone.")
    # The secret of the private calendar feed (/me/calendar/<token>.ics); empty: no feed. Regenerating replaces
    # it (the old address answers 404), revoking empties it.
    feed_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    feed_token_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["edition", "user"]
        constraints = [models.UniqueConstraint(fields=["edition", "user"], name="participant_once_per_edition")]

    def __str__(self) -> str:
        return f"{self.user} in {self.edition}"


class Onboarding(TimeStampedModel):
    """What someone just admitted does before module 1 (shown on their home until the first module starts)."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="onboarding")
    text = models.TextField(blank=True, help_text=MARKDOWN_HELP)  # who changed it: the activity log

    def __str__(self) -> str:
        return f"Onboarding for {self.edition}"
