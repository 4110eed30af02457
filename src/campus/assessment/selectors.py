"""Reads of boards and cards (fixed query counts) and the scorecard's aggregate."""

from statistics import fmean

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
    weights = {c.pk: c.weight for c in criteria}
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
    return {"scores": scores, "means": means, "overall": overall, "spread": round(spread, 2),
            "scorers": len(by_scorer), "disagreement": spread >= DISAGREEMENT_SPREAD}


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
