"""The participants of an edition (the cohort). The participant area comes in its own issue."""

from django.conf import settings
from django.db import models

from campus.applications.models import Application
from campus.core.models import TimeStampedModel
from campus.programme.models import Edition


class Participant(TimeStampedModel):
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participations")
    application = models.OneToOneField(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="participant"
    )

    class Meta:
        ordering = ["edition", "user"]
        constraints = [models.UniqueConstraint(fields=["edition", "user"], name="participant_once_per_edition")]

    def __str__(self) -> str:
        return f"{self.user} in {self.edition}"
