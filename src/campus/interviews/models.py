"""Interview invitations and slots. A slot holds at most one application; an application books one slot.
The panel's assessment is a review of kind "interview" (campus.review), so it joins the ranking."""

import zoneinfo

from django.conf import settings
from django.db import models

from campus.applications.models import Application, Call
from campus.core.models import TimeStampedModel
from campus.programme.models import validate_timezone


class Invitation(TimeStampedModel):
    """The applicant is shortlisted for an interview and may book a slot."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="interview_invitation")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    message = models.TextField(blank=True, help_text="A note to the applicant shown with the invitation.")
    cancelled_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Interview invitation of {self.application}"


class InterviewSlot(TimeStampedModel):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="interview_slots")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    timezone = models.CharField(max_length=64, default="Europe/Stockholm", validators=[validate_timezone])
    online_link = models.URLField(blank=True)
    place = models.CharField(max_length=300, blank=True)
    panel = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="interview_panels")
    # one application per slot, one slot per application: the database refuses a second booking
    booked_by = models.OneToOneField(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="interview_slot"
    )
    booked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["call", "starts_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(starts_at__lt=models.F("ends_at")), name="slot_order"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} UTC"

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.timezone)
