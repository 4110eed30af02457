"""Signal scanning: a signal (owned and shared through ``campus.radars.sharing.Shareable``), links between
signals, comments and votes by those who may see it."""

from django.conf import settings
from django.db import models

from campus.core.models import TimeStampedModel
from campus.radars.sharing import Shareable

from . import states


class SourceKind(models.TextChoices):
    NEWS = "news", "News"
    PAPER = "paper", "Paper"
    PATENT = "patent", "Patent"
    STARTUP = "startup", "Start-up"
    FUNDING = "funding", "Funding call"
    POLICY = "policy", "Policy"
    EVENT = "event", "Event"
    INTERVIEW = "interview", "Interview"
    OTHER = "other", "Other"


class Steep(models.TextChoices):
    SOCIAL = "social", "Social"
    TECHNOLOGICAL = "technological", "Technological"
    ECONOMIC = "economic", "Economic"
    ENVIRONMENTAL = "environmental", "Environmental"
    POLITICAL = "political", "Political"
    VALUES = "values", "Values"


class SignalType(models.TextChoices):
    WEAK = "weak", "Weak signal"
    EMERGING = "emerging", "Emerging trend"
    TREND = "trend", "Trend"
    MEGATREND = "megatrend", "Megatrend"
    WILDCARD = "wildcard", "Wild card"
    DRIVER = "driver", "Driver"


class Horizon(models.TextChoices):
    SHORT = "0-2", "0–2 years"
    MEDIUM = "2-5", "2–5 years"
    LONG = "5+", "5+ years"


LEVELS = [(i, str(i)) for i in range(1, 6)]


class Signal(Shareable, TimeStampedModel):
    title = models.CharField(max_length=200)
    seen = models.TextField("What was seen", blank=True)
    why = models.TextField("Why it matters for my cluster", blank=True)
    source_url = models.URLField(blank=True, max_length=500)
    source_kind = models.CharField(max_length=12, choices=SourceKind.choices, default=SourceKind.NEWS)
    seen_on = models.DateField("Date seen", null=True, blank=True)
    steep = models.CharField("STEEP(V) category", max_length=16, choices=Steep.choices,
                             default=Steep.TECHNOLOGICAL)
    kind = models.CharField("Type", max_length=12, choices=SignalType.choices, default=SignalType.WEAK)
    strength = models.PositiveSmallIntegerField(choices=LEVELS, default=3, help_text="1 (faint) to 5 (strong).")
    horizon = models.CharField("Time horizon", max_length=4, choices=Horizon.choices, default=Horizon.MEDIUM)
    tags = models.CharField(max_length=300, blank=True, help_text="Comma-separated.")
    impact = models.PositiveSmallIntegerField(choices=LEVELS, default=3, help_text="1 (low) to 5 (high).")
    uncertainty = models.PositiveSmallIntegerField(choices=LEVELS, default=3, help_text="1 (low) to 5 (high).")
    state = models.CharField(max_length=10, choices=states.CHOICES, default=states.NEW)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def audience(self) -> str:
        """Who sees it, in words: a group's or the cohort's log is never "private" to its readers' eyes."""
        group = f"Coaching group {self.group.number}" if self.group_id else "A coaching group"
        if self.visibility == "cohort" or self.owner_kind == "cohort":
            return "The whole cohort"
        if self.visibility == "group" or self.owner_kind == "group":
            return group
        return "Private (only the owner)"

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class LinkKind(models.TextChoices):
    CAUSE = "cause", "is a cause of"
    EFFECT = "effect", "is an effect of"
    RELATED = "related", "is related to"


class SignalLink(models.Model):
    source = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=8, choices=LinkKind.choices, default=LinkKind.RELATED)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "target"], name="scanning_link_once")]


class Comment(TimeStampedModel):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(max_length=4000)

    class Meta:
        ordering = ["created_at", "id"]


class Vote(models.Model):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["signal", "voter"], name="scanning_vote_once")]
