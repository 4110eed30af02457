"""Coursework of a module: materials the module lead publishes, assignments with attempts (feedback and
revisions), and the participant's reflection journal. States live in ``states.py``; every change goes
through ``services.py``."""

import zoneinfo

from django.conf import settings
from django.db import models

from campus.cohort.models import Participant
from campus.core.files import PrivateStorage
from campus.core.markdown import MARKDOWN_HELP
from campus.core.models import TimeStampedModel
from campus.programme.models import Module


def _private_path(instance, filename):
    return PrivateStorage.random_name(filename)


class StoredFile(models.Model):
    """The fields of a private upload (the CV rules: judged by content, random name, served by a view)."""

    file = models.FileField(storage=PrivateStorage(), upload_to=_private_path, max_length=300, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        abstract = True


class Material(TimeStampedModel, StoredFile):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(max_length=200)
    week = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Optional: groups materials by week.")
    body = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    link = models.URLField(blank=True, max_length=500)
    published = models.BooleanField(default=False, help_text="Participants see published materials only.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["module", models.F("week").asc(nulls_first=True), "order", "id"]

    def __str__(self) -> str:
        return self.title


class Reopen(models.TextChoices):
    NEVER = "never", "Never: one attempt"
    MANUAL = "manual", "By hand: the module lead reopens"
    UNTIL_ACCEPTED = "until_accepted", "Until accepted: a revision asked reopens it"


class Assignment(TimeStampedModel):
    Reopen = Reopen

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(max_length=200)
    brief = models.TextField(help_text=MARKDOWN_HELP)
    due_at = models.DateTimeField(help_text="Stored in UTC; entered and shown in the module's time zone.")
    reopen = models.CharField(max_length=20, choices=Reopen.choices, default=Reopen.UNTIL_ACCEPTED)
    max_attempts = models.PositiveSmallIntegerField(null=True, blank=True)
    closed = models.BooleanField(default=False, help_text="A closed assignment takes no submissions.")
    published = models.BooleanField(default=False)
    submission_kind = models.CharField(
        "What is handed in", max_length=30, blank=True, default="",
        help_text="Empty: text and files. Otherwise a registered kind (core.plugins.submissions), e.g. a canvas.")

    class Meta:
        ordering = ["module", "due_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.module.timezone)

    @property
    def local_due(self):
        return self.due_at.astimezone(self.zone)


class Attempt(TimeStampedModel):
    class State(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        REVISION_ASKED = "revision_asked", "Revision asked"
        ACCEPTED = "accepted", "Accepted"

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="attempts")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    submitted_at = models.DateTimeField()
    late = models.BooleanField(default=False)
    state = models.CharField(max_length=20, choices=State.choices, default=State.SUBMITTED)
    feedback = models.TextField(blank=True)
    feedback_at = models.DateTimeField(null=True, blank=True)
    feedback_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reopened = models.BooleanField(default=False, help_text="By hand: the module lead allowed another attempt.")
    # A registered submission kind's thing handed in (core.plugins.submissions): its id, its title then, and the
    # snapshot kept so that later edits do not change what was handed in.
    handed_in_kind = models.CharField(max_length=30, blank=True, default="")
    handed_in_id = models.PositiveIntegerField(null=True, blank=True)
    handed_in_title = models.CharField(max_length=300, blank=True, default="")
    handed_in_snapshot = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["assignment", "participant", "number"]
        constraints = [models.UniqueConstraint(fields=["assignment", "participant", "number"],
                                               name="attempt_unique_number")]

    def __str__(self) -> str:
        return f"{self.assignment}: attempt {self.number}"


class AttemptFile(StoredFile):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="files")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["attempt", "id"]

    def __str__(self) -> str:
        return self.file_name


class JournalEntry(TimeStampedModel):
    """A private reflection. Shared with the lead(s) of one module when ``shared_with`` is set."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="journal")
    title = models.CharField(max_length=200)
    body = models.TextField()
    shared_with = models.ForeignKey(Module, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["participant", "-created_at", "-id"]
        verbose_name_plural = "journal entries"

    def __str__(self) -> str:
        return self.title


class JournalComment(TimeStampedModel):
    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    body = models.TextField()

    class Meta:
        ordering = ["entry", "created_at", "id"]

    def __str__(self) -> str:
        return f"Comment on {self.entry}"
