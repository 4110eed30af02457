"""Surveys of an edition or of one of its modules, their questions, and what participants answered.

Anonymity is a property of the rows, not a promise of the pages: a ``Response`` of an anonymous survey holds no
participant and no time at all (its key is a random UUID, so no order of rows follows the order of answering);
that a person has answered is recorded apart, in ``Completion`` (also without time). A ``Draft`` keeps what a
participant typed before submitting and is deleted on submit.
"""

import uuid

from django.conf import settings
from django.db import models

from campus.cohort.models import Participant
from campus.core.models import TimeStampedModel
from campus.programme.models import Edition, Module

LIKERT_LABELS = ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree")


class Survey(TimeStampedModel):
    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="surveys")
    module = models.ForeignKey(Module, null=True, blank=True, on_delete=models.CASCADE, related_name="surveys",
                               help_text="Empty: a survey about the whole edition.")
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True, help_text="Shown above the questions.")
    anonymous = models.BooleanField(
        default=True, help_text="Anonymous: answers are stored without the participant and without a time. "
                                "Participants are told before they answer; it cannot change once the survey opens.")
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)

    class Meta:
        ordering = ["edition", "module__number", "title", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def zone_name(self) -> str:
        """Times of the survey are shown in its module's zone; a survey of the whole edition in the site's."""
        return self.module.timezone if self.module_id else settings.TIME_ZONE


class Question(models.Model):
    class Kind(models.TextChoices):
        LIKERT = "likert", "Agreement scale (1–5)"
        SINGLE = "single", "One choice"
        MULTIPLE = "multiple", "Several choices"
        TEXT = "text", "Free text"

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.CharField(max_length=300)
    help_text = models.CharField(max_length=300, blank=True)
    required = models.BooleanField(default=True)
    choices = models.TextField(blank=True, help_text="One choice per line (one or several choices).")

    class Meta:
        ordering = ["survey", "order", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def key(self) -> str:
        return str(self.pk)

    @property
    def choice_list(self) -> list[str]:
        if self.kind == self.Kind.LIKERT:
            return list(LIKERT_LABELS)
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


ANONYMOUS_BATCH = 3  # the answers of an anonymous survey are released this many at a time


class Response(models.Model):
    """One submitted set of answers. No timestamp, on purpose; ``participant`` is empty for anonymous surveys."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    participant = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="survey_responses")
    answers = models.JSONField(default=dict)  # {question id: 1..5 | "choice" | ["choice", ...] | "text"}
    # Anonymous surveys: a response shows in the results (and the export) only once released, and responses are
    # released together, ANONYMOUS_BATCH at a time (services.submit), so that reading the results before and
    # after one more answer never shows that one answer. Named surveys ignore it.
    released = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]  # random: never the order of answering
        constraints = [models.UniqueConstraint(fields=["survey", "participant"], name="named_response_once")]


class Completion(models.Model):
    """That ``participant`` has answered ``survey`` (no time, no link to the response)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="completions")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="survey_completions")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["survey", "participant"], name="survey_answered_once")]


class Draft(TimeStampedModel):
    """What a participant answered so far (Save and continue later); deleted when they submit."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="drafts")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="survey_drafts")
    answers = models.JSONField(default=dict)

    class Meta:
        ordering = ["survey", "participant"]
        constraints = [models.UniqueConstraint(fields=["survey", "participant"], name="survey_draft_once")]
