"""The call for applications of an edition, its questions, and the applications with their answers and files."""

import uuid
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone

from campus.core.files import PrivateStorage
from campus.core.models import TimeStampedModel
from campus.programme.models import Edition, validate_timezone


class Call(TimeStampedModel):
    """The application window of an edition. Opening and closing moments are stored in UTC and shown
    in the call's own time zone; the server enforces them."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="calls")
    title = models.CharField(max_length=200)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    timezone = models.CharField(max_length=64, default="Europe/Stockholm", validators=[validate_timezone])
    reference_prefix = models.CharField(max_length=12, help_text="Application numbers start with it, e.g. BSR20.")
    motivation_word_limit = models.PositiveSmallIntegerField(default=500)
    privacy_version = models.CharField(
        max_length=40, help_text="The version of the privacy notice applicants accept (see the privacy page)."
    )

    class Meta:
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(opens_at__lt=models.F("closes_at")), name="call_window_order"),
            models.UniqueConstraint(fields=["reference_prefix"], name="call_unique_reference_prefix"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def decisions_expected_on(self):
        """Applicants hear from us by the edition's acceptance-letter date."""
        return self.edition.acceptance_letter_on

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.timezone)

    def state(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        if now >= self.closes_at:
            return "closed"
        return "open"


class Question(models.Model):
    class Step(models.TextChoices):
        ABOUT = "about", "About you"
        CLUSTER = "cluster", "Your cluster"
        MOTIVATION = "motivation", "Motivation"
        CV = "cv", "CV"
        AVAILABILITY = "availability", "Availability"
        CONSENT = "consent", "Privacy"

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", "Short text"
        LONG_TEXT = "long_text", "Long text"
        EMAIL = "email", "Email address"
        PHONE = "phone", "Phone number"
        URL = "url", "Web address"
        INTEGER = "integer", "Whole number"
        CHOICE = "choice", "One choice"
        MULTI_CHOICE = "multi_choice", "Several choices"
        YES_NO = "yes_no", "Yes or no"
        COUNTRY = "country", "Country"
        MEETUPS = "meetups", "Meetups of the edition (several)"

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(max_length=60, help_text="A stable name; eligibility reads some keys (see docs).")
    step = models.CharField(max_length=20, choices=Step.choices)
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    label = models.CharField(max_length=300)
    help_text = models.CharField(max_length=500, blank=True)
    required = models.BooleanField(default=True)
    choices = models.JSONField(default=list, blank=True, help_text='For choice questions: [["value", "Label"], ...].')
    max_length = models.PositiveIntegerField(null=True, blank=True)
    word_limit = models.PositiveIntegerField(null=True, blank=True)
    min_value = models.IntegerField(null=True, blank=True)
    max_value = models.IntegerField(null=True, blank=True)
    depends_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="dependents",
        help_text="Ask this question only when that question's answer is the value below.",
    )
    depends_value = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["call", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["call", "key"], name="question_unique_key")]

    def __str__(self) -> str:
        return self.label


class Application(TimeStampedModel):
    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        MORE_INFO = "more_info", "More information requested"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Eligibility(models.TextChoices):
        ELIGIBLE = "eligible", "Eligible"
        NOT_ELIGIBLE = "not_eligible", "Not eligible"
        NEEDS_CHECK = "needs_check", "Needs a check"

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications")
    reference = models.CharField(max_length=30, unique=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    last_step = models.CharField(max_length=20, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    snapshot = models.JSONField(default=dict, blank=True, help_text="The answers as submitted (frozen).")
    # eligibility, computed by eligibility.assess() on every save of answers and at submission
    eligibility = models.CharField(max_length=20, choices=Eligibility.choices, default=Eligibility.NEEDS_CHECK, db_index=True)
    eligibility_reasons = models.JSONField(default=list, blank=True)
    eligibility_override = models.CharField(max_length=20, choices=Eligibility.choices, blank=True)
    eligibility_override_reason = models.TextField(blank=True)
    eligibility_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    eligibility_override_at = models.DateTimeField(null=True, blank=True)
    # per-person deadline and "more information requested"
    deadline_extended_to = models.DateTimeField(null=True, blank=True)
    more_info_request = models.TextField(blank=True)
    # consent to the privacy notice: the version accepted
    consent_version = models.CharField(max_length=40, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    receipt_sent_at = models.DateTimeField(null=True, blank=True)
    # denormalised for filtering and search (copied from the answers on every save)
    full_name = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=2, blank=True, db_index=True)

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["call", "applicant"], name="application_one_per_applicant")]

    def __str__(self) -> str:
        return f"{self.reference} {self.full_name or self.applicant}"

    @property
    def effective_eligibility(self) -> str:
        return self.eligibility_override or self.eligibility

    @property
    def deadline(self):
        """The moment this applicant's application must be in: the call's, or their extension."""
        if self.deadline_extended_to and self.deadline_extended_to > self.call.closes_at:
            return self.deadline_extended_to
        return self.call.closes_at


class Answer(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "question"], name="answer_unique_question")]

    def __str__(self) -> str:
        return f"{self.question.key}={self.value!r}"


def _document_path(instance, filename):
    return PrivateStorage.random_name(filename)


class Document(models.Model):
    class Kind(models.TextChoices):
        CV = "cv", "CV"
        LETTER = "letter", "Motivational letter"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    file = models.FileField(storage=PrivateStorage(), upload_to=_document_path, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="document_one_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"
