"""Sessions (parts of a meetup, or webinars) and who attended them. Times are stored in UTC and shown in the
meetup's own zone (a meetup's session) or the webinar's zone (by default its module's)."""

import zoneinfo

from django.conf import settings
from django.db import models

from campus.cohort.models import Participant
from campus.core.forms import validate_timezone
from campus.core.models import TimeStampedModel
from campus.programme.models import Edition, Meetup, Module


class Session(TimeStampedModel):
    """A part of a meetup (``meetup`` set) or a webinar (no meetup: a session of a module or of the edition)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="attendance_sessions")
    module = models.ForeignKey(Module, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="attendance_sessions")
    meetup = models.ForeignKey(Meetup, null=True, blank=True, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField(help_text="Stored in UTC; entered and shown in its own time zone.")
    ends_at = models.DateTimeField()
    timezone = models.CharField(max_length=64, validators=[validate_timezone], default="Europe/Berlin",
                                help_text="A webinar's zone (a meetup's session is shown in the meetup's zone).")
    online_link = models.URLField(blank=True, help_text="A webinar's link: shown to participants only.")
    recording_link = models.URLField(blank=True, help_text="Shown to participants once the webinar is over.")
    late_after_minutes = models.PositiveSmallIntegerField(
        default=10, help_text="A QR check-in this many minutes after the start counts as late.")

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(starts_at__lt=models.F("ends_at")),
                                   name="attendance_session_times_order"),
        ]
        indexes = [models.Index(fields=["edition", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_webinar(self) -> bool:
        return self.meetup_id is None

    @property
    def zone_name(self) -> str:
        return self.meetup.timezone if self.meetup_id else self.timezone

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.zone_name)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone)


class Attendance(TimeStampedModel):
    """One participant at one session: present, late, excused or absent, with a remark; who recorded it, how."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        LATE = "late", "Late"
        EXCUSED = "excused", "Excused"
        ABSENT = "absent", "Absent"

    class Method(models.TextChoices):
        ROLL_CALL = "roll_call", "Roll call"
        QR = "qr", "QR check-in"

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(max_length=10, choices=Status.choices)
    remark = models.CharField(max_length=300, blank=True)
    method = models.CharField(max_length=10, choices=Method.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["session", "participant"]
        constraints = [
            models.UniqueConstraint(fields=["session", "participant"], name="attendance_once_per_session"),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} at {self.session_id}: {self.status}"

    @property
    def attended(self) -> bool:
        return self.status in ATTENDED


ATTENDED = (Attendance.Status.PRESENT, Attendance.Status.LATE)
