"""The review team of an edition, review phases, criteria, assignments, conflicts of interest and reviews."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from campus.applications.models import Application, Call
from campus.core.models import TimeStampedModel

DEFAULT_SCALE = ["Poor", "Fair", "Good", "Very good", "Excellent"]


def default_scale():
    return list(DEFAULT_SCALE)


class Kind(models.TextChoices):
    REVIEW = "review", "Review"
    INTERVIEW = "interview", "Interview assessment"


class ReviewPhase(TimeStampedModel):
    """The rules reviewers work under; one phase of a call is active at a time."""

    class Visibility(models.TextChoices):
        NEVER = "never", "Never"
        AFTER_OWN = "after_own", "After their own review"
        ALWAYS = "always", "Always"

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="review_phases")
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=False)
    reviews_open = models.BooleanField(default=True, help_text="Reviewers may write and change reviews.")
    others_visible = models.CharField(max_length=20, choices=Visibility.choices, default=Visibility.AFTER_OWN)
    blind = models.BooleanField(default=False, help_text="Hide name, organisation and CV from reviewers.")
    reviews_per_application = models.PositiveSmallIntegerField(default=2)

    class Meta:
        ordering = ["call", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["call"], condition=models.Q(is_active=True), name="reviewphase_one_active"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.call})"


class Criterion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REVIEW)
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    weight = models.PositiveSmallIntegerField(default=1, validators=[MinValueValidator(1), MaxValueValidator(10)])
    scale = models.JSONField(default=default_scale, help_text="Five labels, for the scores 1 to 5.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["call", "kind", "order", "id"]

    def __str__(self) -> str:
        return self.name


class ConflictOfInterest(TimeStampedModel):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="conflicts")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="conflict_unique")]


class ReviewAssignment(TimeStampedModel):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="review_assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_assignments")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REVIEW)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application", "reviewer"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer", "kind"], name="assignment_unique"),
        ]


class Review(TimeStampedModel):
    class Recommendation(models.TextChoices):
        YES = "yes", "Yes"
        MAYBE = "maybe", "Maybe"
        NO = "no", "No"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REVIEW)
    recommendation = models.CharField(max_length=10, choices=Recommendation.choices)
    comment_team = models.TextField(blank=True, help_text="For the team only.")
    comment_applicant = models.TextField(blank=True, help_text="May be passed on to the applicant.")
    # weighted mean of the scores on the 1-5 scale, computed by the service on every save
    total = models.DecimalField(max_digits=4, decimal_places=2)
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["application", "submitted_at"]
        constraints = [models.UniqueConstraint(fields=["application", "reviewer", "kind"], name="review_unique")]
        indexes = [models.Index(fields=["kind", "application"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.application_id} by {self.reviewer_id}"


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_unique"),
            models.CheckConstraint(condition=models.Q(value__gte=1, value__lte=5), name="score_range"),
        ]
