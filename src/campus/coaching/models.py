"""Peer coaching: rounds of an edition (e.g. one per module), groups of 3–4 participants in each round, and the
log of the sessions a group held (date, who took part, notes private to the group)."""

from django.conf import settings
from django.db import models

from campus.cohort.models import Participant
from campus.core.models import TimeStampedModel
from campus.programme.models import Edition, Module


class CoachingRound(TimeStampedModel):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="coaching_rounds")
    module = models.ForeignKey(Module, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=120)
    seed = models.PositiveIntegerField(default=1, help_text="The generator's seed (the same seed, the same groups).")
    # a fingerprint of the saved proposal: a double-clicked "Save" never makes a second round
    proposal_key = models.CharField(max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["edition", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["edition", "proposal_key"], name="coaching_round_once")]

    def __str__(self) -> str:
        return self.title


class CoachingGroup(models.Model):
    round = models.ForeignKey(CoachingRound, on_delete=models.CASCADE, related_name="groups")
    number = models.PositiveSmallIntegerField()
    reason = models.TextField(blank=True, help_text="Why these people: countries, sectors, who met before.")

    class Meta:
        ordering = ["round", "number"]
        constraints = [models.UniqueConstraint(fields=["round", "number"], name="coaching_group_number")]

    def __str__(self) -> str:
        return f"Group {self.number}"


class GroupMember(models.Model):
    """A participant in a group; once per round (the database refuses a second group in the same round)."""

    round = models.ForeignKey(CoachingRound, on_delete=models.CASCADE, related_name="members")
    group = models.ForeignKey(CoachingGroup, on_delete=models.CASCADE, related_name="members")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="coaching_memberships")

    class Meta:
        ordering = ["group", "id"]
        constraints = [models.UniqueConstraint(fields=["round", "participant"], name="coaching_member_once")]

    def __str__(self) -> str:
        return f"{self.participant} in {self.group}"


class CoachingSession(TimeStampedModel):
    """A session a group held, logged by one of its members. Its notes are for the group's members only."""

    group = models.ForeignKey(CoachingGroup, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField()
    attendees = models.ManyToManyField(Participant, related_name="coaching_sessions", blank=True)
    notes = models.TextField(blank=True)
    logged_by = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["group", "-held_on", "-id"]

    def __str__(self) -> str:
        return f"Session of {self.group} on {self.held_on}"
