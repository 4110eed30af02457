"""Reads of boards and cards (fixed query counts) and the scorecard's aggregate."""

from statistics import fmean

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from campus.radars import sharing
from campus.scanning.models import Signal

from . import states
from .models import Board, Card, Score

# Disagreement: the scorers' weighted totals (each on the 1–5 scale) lie 1.5 or more apart, i.e. at least one
# scorer sees the card a level and a half better than another: worth a conversation before deciding.
DISAGREEMENT_SPREAD = 1.5


def boards_for(user):
    return sharing.visible_to(user, Board.objects.select_related("target_radar", "group")).order_by("-created_at")


def cards_by_stage(board, stages) -> list[tuple[str, str, list[Card]]]:
    cards = list(board.cards.select_related("signal").order_by("created_at", "id"))
    labels = dict(stages)
    for card in cards:  # the stages the move buttons offer (the decision stage is reached by deciding)
        before, after = states.previous(card.stage), states.following(card.stage)
        card.prev_stage = (before, labels[before]) if before else None
        card.next_stage = (after, labels[after]) if after and after != states.DECISION else None
    return [(code, label, [c for c in cards if c.stage == code]) for code, label in stages]


def scorecard(card, criteria) -> dict:
    """Per criterion the mean; per scorer the weighted mean; overall the weighted mean, the spread (highest
    minus lowest scorer) and the disagreement flag."""
    scores = list(Score.objects.filter(card=card).select_related("scorer").order_by("criterion_id", "id"))
    return {"scores": scores, **aggregate(scores, {c.pk: c.weight for c in criteria})}


def aggregate(scores, weights: dict[int, int]) -> dict:
    """The scorecard's numbers from ``scores`` (of one card) and the criteria's weights."""
    by_criterion: dict[int, list[int]] = {}
    by_scorer: dict[int, list[Score]] = {}
    for s in scores:
        by_criterion.setdefault(s.criterion_id, []).append(s.value)
        by_scorer.setdefault(s.scorer_id, []).append(s)
    totals = {uid: _weighted([(weights.get(s.criterion_id, 0), s.value) for s in ss])
              for uid, ss in by_scorer.items()}
    totals = {uid: t for uid, t in totals.items() if t is not None}
    means = {cid: fmean(v) for cid, v in by_criterion.items()}
    overall = _weighted([(weights.get(cid, 0), m) for cid, m in means.items()])
    spread = (max(totals.values()) - min(totals.values())) if len(totals) > 1 else 0.0
    return {"means": means, "overall": overall, "spread": round(spread, 2), "scorers": len(by_scorer),
            "disagreement": spread >= DISAGREEMENT_SPREAD}


def _weighted(pairs) -> float | None:
    total = sum(w for w, _ in pairs)
    if not total:
        return None
    return round(sum(w * v for w, v in pairs) / total, 2)


def board(pk: int) -> Board | None:
    return Board.objects.filter(pk=pk).select_related("target_radar", "group").first()


def card(pk: int) -> Card | None:
    return Card.objects.filter(pk=pk).select_related("board", "board__target_radar", "signal", "owner").first()


def criteria(board_) -> list:
    return list(board_.criteria.all())


def signal(pk: int):
    return Signal.objects.filter(pk=pk).first()


def criterion(board_, pk: int):
    """One criterion of ``board_`` (None for another board's or an unknown id)."""
    return board_.criteria.filter(pk=pk).first() if 0 < pk < 2**63 else None


def criteria_with_score_counts(board_) -> list:
    return list(board_.criteria.annotate(score_count=Count("scores")).order_by("position", "id"))


def possible_owners(board_) -> list:
    """Who may own a card of ``board_``: whoever may edit the board (the board's owner, its group's members, the
    cohort's participants), by name."""
    User = get_user_model()
    kind = board_.owner_kind
    if kind == sharing.OwnerKind.GROUP:
        users = User.objects.filter(participations__coaching_memberships__group_id=board_.group_id)
    elif kind == sharing.OwnerKind.COHORT:
        users = User.objects.filter(participations__edition_id=board_.edition_id)
    else:
        users = User.objects.filter(pk=board_.owner_id)
    return list(users.distinct().order_by("full_name", "email"))


def signals_for(user, board_) -> list:
    """The signals ``user`` may link to a card of ``board_``: those of the board's cohort they can see."""
    qs = sharing.visible_to(user, Signal.objects.filter(edition_id=board_.edition_id))
    return list(qs.order_by("title", "id"))


def linked_signals(card_, user) -> tuple[list, int]:
    """The card's further signals that ``user`` may see, and how many others there are."""
    linked = list(card_.linked_signals.order_by("title", "id"))
    seen = [s for s in linked if sharing.can_view(user, s)]
    return seen, len(linked) - len(seen)


# --- the module leads' overview (/staff/boards/) ---------------------------------------------------------------

def cohort_boards(edition_ids):
    """The boards the module leads' overview lists: the cohort's work of those editions (group- or
    cohort-visible, owned by a group or the cohort), with their numbers of cards and decisions (one query)."""
    return (Board.objects.filter(edition_id__in=edition_ids)
            .filter(Q(visibility__in=["group", "cohort"]) | Q(owner_kind__in=["group", "cohort"]))
            .select_related("owner", "group", "edition__programme", "target_radar")
            .annotate(card_count=Count("cards", distinct=True),
                      decided_count=Count("cards", filter=~Q(cards__decision=""), distinct=True))
            .order_by("edition", "title", "id"))


def cohort_board(edition_ids, pk: int):
    return cohort_boards(edition_ids).filter(pk=pk).first() if 0 < pk < 2**63 else None


def board_overview(board_, criteria_) -> list[tuple[str, str, list[Card]]]:
    """The board's cards by stage, each with its scorecard's aggregate (``card.sheet``) on ``criteria_``, in two
    queries whatever the number of cards: the cards, the scores."""
    weights = {c.pk: c.weight for c in criteria_}
    cards = list(board_.cards.select_related("owner", "signal").order_by("created_at", "id"))
    scores: dict[int, list[Score]] = {}
    for s in Score.objects.filter(card__board=board_).order_by("card_id", "id"):
        scores.setdefault(s.card_id, []).append(s)
    for c in cards:
        c.sheet = aggregate(scores.get(c.pk, []), weights)
    return [(code, label, [c for c in cards if c.stage == code]) for code, label in states.CHOICES]


def score_count(criterion_) -> int:
    return criterion_.scores.count()
