"""A cluster strategy (owned and shared through ``radars.sharing.Shareable``, plus ``shared_with_leads``): vision,
mission, ordered strategic objectives, each with actions (a free-text owner, a due date, a status) and indicators
(KPIs: unit, baseline, dated targets, a direction). Check-ins record, on a date, each indicator's value and each
action's status; the module leads comment on the strategy or on one objective."""

from django.conf import settings
from django.db import models

from campus.core.models import TimeStampedModel
from campus.radars.sharing import Shareable


class Strategy(Shareable, TimeStampedModel):
    cluster_name = models.CharField(max_length=150)
    vision = models.TextField(blank=True)
    mission = models.TextField(blank=True)
    # "Module lead" sharing: besides the owners, the module leads (and managers) of the edition see it, nobody else.
    shared_with_leads = models.BooleanField(default=False)

    class Meta:
        ordering = ["cluster_name", "id"]
        verbose_name_plural = "strategies"

    def __str__(self) -> str:
        return self.cluster_name


class Objective(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="objectives")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["strategy", "position", "id"]

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    STARTED = "started", "In progress"
    DONE = "done", "Done"
    BLOCKED = "blocked", "Blocked"
    DROPPED = "dropped", "Dropped"


class Action(models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    owner_name = models.CharField(max_length=150, blank=True, help_text="Who carries it out (a name, not an account).")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default=ActionStatus.PLANNED)

    class Meta:
        ordering = ["objective", "position", "id"]

    def __str__(self) -> str:
        return self.title


class Direction(models.TextChoices):
    UP = "up", "Higher is better"
    DOWN = "down", "Lower is better"


class Indicator(models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=40, blank=True)
    baseline_value = models.DecimalField(max_digits=16, decimal_places=4)
    baseline_date = models.DateField()
    direction = models.CharField(max_length=4, choices=Direction.choices, default=Direction.UP)

    class Meta:
        ordering = ["objective", "position", "id"]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    date = models.DateField()
    value = models.DecimalField(max_digits=16, decimal_places=4)

    class Meta:
        ordering = ["indicator", "date", "id"]


class CheckIn(TimeStampedModel):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="checkins")
    date = models.DateField()
    note = models.TextField(blank=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")

    class Meta:
        ordering = ["strategy", "-date", "-id"]


class Reading(models.Model):
    """An indicator's value at a check-in."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="readings")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="readings")
    value = models.DecimalField(max_digits=16, decimal_places=4)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["checkin", "indicator"]
        constraints = [models.UniqueConstraint(fields=["checkin", "indicator"], name="strategy_reading_once")]


class ActionUpdate(models.Model):
    """An action's status at a check-in."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="action_updates")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=12, choices=ActionStatus.choices)

    class Meta:
        ordering = ["checkin", "action"]
        constraints = [models.UniqueConstraint(fields=["checkin", "action"], name="strategy_action_update_once")]


class Comment(TimeStampedModel):
    """Feedback on the strategy (``objective`` empty) or on one of its objectives."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="comments")
    objective = models.ForeignKey(Objective, null=True, blank=True, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    text = models.TextField()

    class Meta:
        ordering = ["strategy", "created_at", "id"]
