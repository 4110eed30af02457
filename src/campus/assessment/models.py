"""Technology-assessment boards: a board (owned and shared through ``campus.radars.sharing.Shareable``, with an
optional target radar) holds cards in stages; a card is scored against the board's criteria by those who may see
it, and ends in a decision that may place a blip on the target radar's next draft edition."""

from django.conf import settings
from django.db import models

from campus.core.models import TimeStampedModel
from campus.radars.models import Radar
from campus.radars.sharing import Shareable
from campus.scanning.models import Signal

from . import states

# The nine Technology Readiness Levels in the wording of the EU Horizon 2020 work programme (General Annex G).
TRL = [
    (1, "TRL 1 – basic principles observed"),
    (2, "TRL 2 – technology concept formulated"),
    (3, "TRL 3 – experimental proof of concept"),
    (4, "TRL 4 – technology validated in lab"),
    (5, "TRL 5 – technology validated in relevant environment (industrially relevant environment in the case of "
        "key enabling technologies)"),
    (6, "TRL 6 – technology demonstrated in relevant environment (industrially relevant environment in the case "
        "of key enabling technologies)"),
    (7, "TRL 7 – system prototype demonstration in operational environment"),
    (8, "TRL 8 – system complete and qualified"),
    (9, "TRL 9 – actual system proven in operational environment (competitive manufacturing in the case of key "
        "enabling technologies; or in space)"),
]


class CriterionGroup(models.TextChoices):
    OPPORTUNITY = "opportunity", "Opportunity"
    FEASIBILITY = "feasibility", "Feasibility"
    RISK = "risk", "Risk"


# (group, name, weight, anchors for 1 … 5) copied onto every new board, then editable per board.
DEFAULT_CRITERIA = (
    ("opportunity", "Benefit for the cluster's members", 3,
     "No visible benefit|A few members benefit a little|Several members benefit|Many members benefit clearly|"
     "Changes how most members work"),
    ("opportunity", "Market pull", 2,
     "Nobody asks for it|Isolated requests|Growing demand|Strong demand|Customers already demand it"),
    ("feasibility", "Fit with our skills", 2,
     "Nothing we know|Little we know|Partly known|Mostly known|Core skill of the cluster"),
    ("feasibility", "Cost and effort", 2,
     "Far beyond our means|Needs major funding|Needs a funded project|Within a normal budget|Almost free"),
    ("risk", "Risk (higher is safer)", 1,
     "Very high risk|High risk|Moderate risk|Low risk|Negligible risk"),
)


class Board(Shareable, TimeStampedModel):
    title = models.CharField(max_length=150)
    description = models.TextField(blank=True)
    target_radar = models.ForeignKey(Radar, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                     help_text="Decisions (adopt, trial, assess, hold) land on its next draft.")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="criteria")
    group = models.CharField(max_length=12, choices=CriterionGroup.choices)
    name = models.CharField(max_length=120)
    weight = models.PositiveSmallIntegerField(default=1)
    anchors = models.TextField(help_text="What 1, 2, 3, 4 and 5 mean, separated by |.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["board", "position", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def anchor_list(self) -> list[str]:
        parts = [a.strip() for a in self.anchors.split("|")]
        return (parts + [""] * 5)[:5]


class CardKind(models.TextChoices):
    TECHNOLOGY = "technology", "Technology"
    IDEA = "idea", "Idea"


class Decision(models.TextChoices):
    ADOPT = "adopt", "Adopt"
    TRIAL = "trial", "Trial"
    ASSESS = "assess", "Assess"
    HOLD = "hold", "Hold"
    REJECT = "reject", "Reject"


class Card(TimeStampedModel):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="cards")
    title = models.CharField(max_length=150)
    kind = models.CharField(max_length=12, choices=CardKind.choices, default=CardKind.TECHNOLOGY)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    trl = models.PositiveSmallIntegerField("Technology readiness level", choices=TRL, null=True, blank=True)
    trl_evidence = models.TextField("Evidence for the TRL", blank=True)
    signal = models.ForeignKey(Signal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               help_text="The signal the card was promoted from.")
    linked_signals = models.ManyToManyField(Signal, blank=True, related_name="+",
                                            help_text="Further signals the card rests on (chosen on its edit page).")
    stage = models.CharField(max_length=12, choices=states.CHOICES, default=states.CANDIDATES)
    decision = models.CharField(max_length=8, choices=Decision.choices, blank=True)
    rationale = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["board", "created_at", "id"]

    def __str__(self) -> str:
        return self.title


class Confidence(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class Score(models.Model):
    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    scorer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(choices=[(i, str(i)) for i in range(1, 6)])
    confidence = models.CharField(max_length=8, choices=Confidence.choices, default=Confidence.MEDIUM)

    class Meta:
        ordering = ["card", "criterion", "id"]
        constraints = [models.UniqueConstraint(fields=["card", "criterion", "scorer"], name="assessment_score_once")]
