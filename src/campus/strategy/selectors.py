"""Reads of strategies, in a fixed number of queries: the lists, one strategy with everything on its page (its
objectives, actions, indicators, targets, check-ins with readings and updates, comments), progress (computed,
never stored)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch

from campus.coaching.models import CoachingGroup
from campus.radars import sharing

from . import permissions
from .models import Action, ActionUpdate, CheckIn, Comment, Indicator, Objective, Reading, Strategy, Target


def strategies_for(user):
    """The strategies ``user`` may see, with their number of objectives and check-ins (one query)."""
    return (permissions.visible_to(user, Strategy.objects.all()).select_related("owner", "group", "edition__programme")
            .annotate(objective_count=Count("objectives", distinct=True),
                      checkin_count=Count("checkins", distinct=True))
            .order_by("cluster_name", "id"))


def strategy_for(user, pk: int, *, edit: bool = False) -> Strategy | None:
    found = Strategy.objects.select_related("owner", "group", "edition").filter(pk=pk).first()
    if found is None:
        return None
    allowed = permissions.can_edit(user, found) if edit else permissions.can_view(user, found)
    return found if allowed else None


def cohort_strategies(user):
    """The staff's overview: strategies of the editions where ``user`` leads modules or manages that the leads may
    see (never a private one not shared with them)."""
    qs = permissions.seen_by_leads_qs(Strategy.objects.all(), sharing.lead_ids(user))
    return (qs.select_related("owner", "group", "edition__programme")
            .annotate(objective_count=Count("objectives", distinct=True),
                      checkin_count=Count("checkins", distinct=True),
                      comment_count=Count("comments", distinct=True))
            .order_by("-edition_id", "cluster_name", "id"))


def cohort_strategy(user, pk: int) -> Strategy | None:
    found = Strategy.objects.select_related("owner", "group", "edition__programme").filter(pk=pk).first()
    return found if found is not None and permissions.leads_see(user, found) else None


def public_strategy(token: str) -> Strategy | None:
    return sharing.by_public_token(Strategy.objects.select_related("owner", "group", "edition"), token)


def groups_of(user) -> list[CoachingGroup]:
    return list(CoachingGroup.objects.filter(members__participant__user=user).select_related("round")
                .order_by("round__title", "number"))


def objective_of(strategy: Strategy, pk) -> Objective | None:
    return Objective.objects.filter(strategy=strategy, pk=pk).first()


def action_of(strategy: Strategy, pk) -> Action | None:
    return Action.objects.filter(objective__strategy=strategy, pk=pk).select_related("objective").first()


def indicator_of(strategy: Strategy, pk) -> Indicator | None:
    return (Indicator.objects.filter(objective__strategy=strategy, pk=pk).select_related("objective")
            .prefetch_related("targets").first())


def checkin_of(strategy: Strategy, pk) -> CheckIn | None:
    return CheckIn.objects.filter(strategy=strategy, pk=pk).first()


# --- one strategy, whole ------------------------------------------------------------------------------------------


@dataclass
class Progress:
    indicator: Indicator
    latest: Reading | None = None
    latest_date: date | None = None
    target: Target | None = None
    fraction: float | None = None  # 0..1 of the way from the baseline to the next target

    @property
    def percent(self) -> int | None:
        return None if self.fraction is None else round(self.fraction * 100)

    @property
    def text(self) -> str:
        ind = self.indicator
        unit = f" {ind.unit}" if ind.unit else ""
        base = f"baseline {number(ind.baseline_value)}{unit} ({ind.baseline_date:%d %b %Y})"
        now = (f"latest {number(self.latest.value)}{unit} ({self.latest_date:%d %b %Y})" if self.latest
               else "no check-in yet")
        goal = (f"next target {number(self.target.value)}{unit} by {self.target.date:%d %b %Y}" if self.target
                else "no target")
        share = f"; {self.percent} % of the way" if self.percent is not None else ""
        return f"{now}; {base}; {goal}{share}"


@dataclass
class Whole:
    strategy: Strategy
    objectives: list
    checkins: list
    comments: list
    progress: dict = field(default_factory=dict)  # indicator id -> Progress

    @property
    def indicators(self) -> list:
        return [i for o in self.objectives for i in o.indicator_list]

    @property
    def actions(self) -> list:
        return [a for o in self.objectives for a in o.action_list]


def number(value) -> str:
    """A decimal as people write it: 12, 12.5, 0.25 (no trailing zeros)."""
    if value is None:
        return ""
    text = format(Decimal(value).normalize(), "f")
    return text


def whole(strategy: Strategy, *, today: date | None = None) -> Whole:
    """Everything the strategy page, the map, the PDF and the exports show, in eight queries."""
    objectives = list(strategy.objectives.order_by("position", "id").prefetch_related(
        Prefetch("actions", queryset=Action.objects.order_by("position", "id"), to_attr="action_list"),
        Prefetch("indicators", queryset=Indicator.objects.order_by("position", "id").prefetch_related(
            Prefetch("targets", queryset=Target.objects.order_by("date", "id"), to_attr="target_list")),
            to_attr="indicator_list")))
    checkins = list(strategy.checkins.order_by("-date", "-id").select_related("made_by").prefetch_related(
        Prefetch("readings", queryset=Reading.objects.select_related("indicator").order_by(
            "indicator__objective__position", "indicator__objective_id", "indicator__position", "indicator_id")),
        Prefetch("action_updates", queryset=ActionUpdate.objects.select_related("action").order_by(
            "action__objective__position", "action__objective_id", "action__position", "action_id"))))
    comments = list(Comment.objects.filter(strategy=strategy).select_related("author", "objective")
                    .order_by("created_at", "id"))
    result = Whole(strategy=strategy, objectives=objectives, checkins=checkins, comments=comments)
    for objective in objectives:
        objective.comment_list = [c for c in comments if c.objective_id == objective.pk]
    result.progress = progress(result.indicators, checkins, today=today or date.today())
    for indicator in result.indicators:
        indicator.progress = result.progress[indicator.pk]
    return result


def progress(indicators, checkins, *, today: date) -> dict:
    latest: dict[int, tuple] = {}
    for checkin in checkins:  # newest first
        for reading in checkin.readings.all():
            latest.setdefault(reading.indicator_id, (reading, checkin.date))
    out = {}
    for indicator in indicators:
        reading, when = latest.get(indicator.pk, (None, None))
        targets = indicator.target_list
        target = next((t for t in targets if t.date >= today), targets[-1] if targets else None)
        out[indicator.pk] = Progress(indicator=indicator, latest=reading, latest_date=when, target=target,
                                     fraction=_fraction(indicator.baseline_value, reading, target))
    return out


def _fraction(baseline, reading, target) -> float | None:
    if reading is None or target is None:
        return None
    span = Decimal(target.value) - Decimal(baseline)
    if span == 0:
        return 1.0 if reading.value == target.value else 0.0
    return float(max(Decimal(0), min(Decimal(1), (Decimal(reading.value) - Decimal(baseline)) / span)))


def objectives_of(strategy: Strategy) -> list[Objective]:
    return list(strategy.objectives.order_by("position", "id"))


def actions_of(strategy: Strategy) -> list[Action]:
    return list(Action.objects.filter(objective__strategy=strategy).select_related("objective")
                .order_by("objective__position", "objective_id", "position", "id"))


def indicators_of(strategy: Strategy) -> list[Indicator]:
    return list(Indicator.objects.filter(objective__strategy=strategy).select_related("objective")
                .order_by("objective__position", "objective_id", "position", "id"))
