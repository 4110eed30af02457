"""The only place that changes boards and cards: keyword-only arguments, one transaction each, an activity-log
entry. Who may call them is the views' job (``permissions.py``, through ``campus.radars.sharing``)."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from campus.core.activity import log_activity
from campus.radars import services as radar_services
from campus.radars import sharing
from campus.scanning import services as scanning_services
from campus.scanning import states as signal_states

from . import states
from .models import DEFAULT_CRITERIA, Board, Card, Criterion, CriterionGroup, Decision, Score

# A decision → the ring (by position) of the target radar: adopt 0, trial 1, assess 2, hold 3; reject: none.
RING_OF = {Decision.ADOPT: 0, Decision.TRIAL: 1, Decision.ASSESS: 2, Decision.HOLD: 3}


class AssessmentError(Exception):
    """A refusal the person reads (shown on the form)."""


def create_board(*, actor, edition, title: str, description: str = "", owner_kind: str = "participant",
                 group=None, visibility: str = "private", target_radar=None) -> Board:
    """A board with the default criteria (editable afterwards)."""
    try:
        sharing.check_owner(actor=actor, owner_kind=owner_kind, edition=edition, group=group)
    except sharing.SharingError as error:
        raise AssessmentError(str(error)) from error
    if target_radar is not None and not sharing.can_edit(actor, target_radar):
        raise AssessmentError("Choose a radar you can edit.")
    with transaction.atomic():
        board = Board.objects.create(title=title, description=description, owner_kind=owner_kind, owner=actor,
                                     edition=edition, group=group if owner_kind == "group" else None,
                                     target_radar=target_radar)
        Criterion.objects.bulk_create(
            Criterion(board=board, group=g, name=n, weight=w, anchors=a, position=i)
            for i, (g, n, w, a) in enumerate(DEFAULT_CRITERIA))
        if visibility != "private" or owner_kind == "cohort":
            try:
                sharing.set_visibility(board, visibility=visibility, group=group)
            except sharing.SharingError as error:
                raise AssessmentError(str(error)) from error
        log_activity(action="assessment.board_created", target=board, actor=actor, title=board.title)
    return board


def _check_criterion(*, group: str, name: str, weight: int, anchors: str) -> None:
    if group not in CriterionGroup.values:
        raise AssessmentError("Choose the group: opportunity, feasibility or risk.")
    if not name.strip():
        raise AssessmentError("Give the criterion a name.")
    if not 0 <= weight <= 10:
        raise AssessmentError("A weight is between 0 and 10.")
    if len(anchors.split("|")) != 5:
        raise AssessmentError("Describe each of the five levels.")


def update_criterion(*, criterion: Criterion, actor, name: str, weight: int, anchors: str,
                     group: str | None = None) -> Criterion:
    group = group or criterion.group
    _check_criterion(group=group, name=name, weight=weight, anchors=anchors)
    criterion.group, criterion.name, criterion.weight, criterion.anchors = group, name, weight, anchors
    with transaction.atomic():
        criterion.save(update_fields=["group", "name", "weight", "anchors"])
        log_activity(action="assessment.criterion_updated", target=criterion.board, actor=actor, title=name)
    return criterion


def add_criterion(*, board: Board, actor, group: str, name: str, weight: int, anchors: str) -> Criterion:
    """A new criterion at the end of the board's list (existing scores are untouched; cards lack a value for it
    until scored again)."""
    _check_criterion(group=group, name=name, weight=weight, anchors=anchors)
    with transaction.atomic():
        Board.objects.select_for_update().filter(pk=board.pk).first()  # one position each, also when two add
        last = board.criteria.order_by("-position").values_list("position", flat=True).first()
        criterion = Criterion.objects.create(board=board, group=group, name=name, weight=weight, anchors=anchors,
                                             position=0 if last is None else last + 1)
        log_activity(action="assessment.criterion_added", target=board, actor=actor, title=name)
    return criterion


def remove_criterion(*, criterion: Criterion, actor) -> int:
    """Remove a criterion and every score given on it; returns how many scores went."""
    board = criterion.board
    with transaction.atomic():
        scores = criterion.scores.count()
        name = criterion.name
        criterion.delete()
        _renumber(board)
        log_activity(action="assessment.criterion_removed", target=board, actor=actor, title=name, scores=scores)
    return scores


def move_criterion(*, criterion: Criterion, actor, direction: str) -> None:
    """Swap the criterion with its neighbour above ("up") or below ("down"); at either end nothing changes."""
    if direction not in ("up", "down"):
        raise AssessmentError("Move a criterion up or down.")
    board = criterion.board
    with transaction.atomic():
        Board.objects.select_for_update().filter(pk=board.pk).first()
        order = list(board.criteria.order_by("position", "id"))
        i = next(i for i, c in enumerate(order) if c.pk == criterion.pk)
        j = i - 1 if direction == "up" else i + 1
        if not 0 <= j < len(order):
            return
        order[i], order[j] = order[j], order[i]
        _renumber(board, order)
        log_activity(action="assessment.criterion_moved", target=board, actor=actor, title=criterion.name,
                     direction=direction)


def _renumber(board: Board, order=None) -> None:
    order = order if order is not None else list(board.criteria.order_by("position", "id"))
    changed = []
    for position, c in enumerate(order):
        if c.position != position:
            c.position = position
            changed.append(c)
    Criterion.objects.bulk_update(changed, ["position"])


def add_card(*, board: Board, actor, title: str, kind: str = "technology", description: str = "", trl=None,
             trl_evidence: str = "", signal=None) -> Card:
    with transaction.atomic():
        card = Card.objects.create(board=board, title=title, kind=kind, description=description, owner=actor,
                                   trl=trl, trl_evidence=trl_evidence, signal=signal)
        log_activity(action="assessment.card_added", target=card, actor=actor, title=title)
    return card


def card_from_signal(*, signal, board: Board, actor) -> Card:
    """Promotion of a signal (scanning's registry): a card linked to it; the signal becomes promoted."""
    with transaction.atomic():
        card = add_card(board=board, actor=actor, title=signal.title[:150], description=signal.why or signal.seen,
                        signal=signal)
        if signal.state != signal_states.PROMOTED and sharing.can_edit(actor, signal):
            scanning_services.triage(signal=signal, actor=actor, to=signal_states.PROMOTED)
    return card


def update_card(*, card: Card, actor, title: str, kind: str, description: str = "", trl=None,
                trl_evidence: str = "", owner=..., linked_signals=None) -> Card:
    """Edit a card. ``owner`` (left out: unchanged) must be someone who may edit the board; ``linked_signals``
    (None: unchanged) replaces the signals ``actor`` can see, and keeps those linked by others that ``actor``
    cannot see (so nobody unlinks what they were never shown)."""
    if not title.strip():
        raise AssessmentError("Give the card a title.")
    if owner is not ... and owner is not None and owner.pk != card.owner_id and not sharing.can_edit(owner,
                                                                                                  card.board):
        raise AssessmentError("The owner must be someone who may edit the board.")
    if linked_signals is not None:
        linked_signals = list(linked_signals)
        if any(s.edition_id != card.board.edition_id or not sharing.can_view(actor, s) for s in linked_signals):
            raise AssessmentError("Link only signals of the cohort that you can see.")
    card.title, card.kind, card.description, card.trl, card.trl_evidence = title, kind, description, trl, trl_evidence
    if owner is not ...:
        card.owner = owner
    with transaction.atomic():
        card.save()
        if linked_signals is not None:
            hidden = [s for s in card.linked_signals.all() if not sharing.can_view(actor, s)]
            card.linked_signals.set(linked_signals + hidden)
        log_activity(action="assessment.card_updated", target=card, actor=actor, title=title)
    return card


def move(*, card: Card, actor, to: str) -> Card:
    try:
        old = states.transition(card, to)
    except states.TransitionError as error:
        raise AssessmentError(str(error)) from error
    with transaction.atomic():
        card.save(update_fields=["stage", "updated_at"])
        log_activity(action="assessment.card_moved", target=card, actor=actor, title=card.title, old=old, new=to)
    return card


def score(*, card: Card, actor, values: dict) -> int:
    """Record ``actor``'s scorecard: ``values`` maps a criterion id to (value 1–5, confidence)."""
    criteria = {c.pk: c for c in card.board.criteria.all()}
    with transaction.atomic():
        for criterion_id, (value, confidence) in values.items():
            if criterion_id not in criteria or not 1 <= int(value) <= 5:
                raise AssessmentError("Give each criterion a value from 1 to 5.")
            Score.objects.update_or_create(card=card, criterion=criteria[criterion_id], scorer=actor,
                                           defaults={"value": int(value), "confidence": confidence})
        log_activity(action="assessment.scored", target=card, actor=actor, title=card.title)
    return len(values)


def decide(*, card: Card, actor, decision: str, rationale: str, quadrant=0) -> Card:
    """Decide; adopt, trial, assess and hold place the card as a blip on the target radar's next draft edition,
    with a link back to the card (and its signal); reject writes nothing on the radar."""
    if decision not in Decision.values:
        raise AssessmentError("Choose a decision.")
    if not rationale.strip():
        raise AssessmentError("Give the rationale of the decision.")
    radar = card.board.target_radar
    with transaction.atomic():
        if card.stage != states.DECISION:
            states.transition(card, states.DECISION)
        card.decision, card.rationale, card.decided_at = decision, rationale, timezone.now()
        card.save(update_fields=["stage", "decision", "rationale", "decided_at", "updated_at"])
        if decision in RING_OF and radar is not None:
            _place_blip(card=card, radar=radar, actor=actor, ring=RING_OF[decision], quadrant=quadrant)
        log_activity(action="assessment.decided", target=card, actor=actor, title=card.title, decision=decision)
    return card


def _place_blip(*, card, radar, actor, ring, quadrant):
    rationale = card.rationale
    signals = ([card.signal] if card.signal_id else []) + [s for s in card.linked_signals.all()
                                                           if s.pk != card.signal_id]
    for signal in signals:
        rationale += f"\n\nFrom the signal: {signal.title} ({reverse('scanning:detail', args=[signal.pk])})"
    radar_services.add_blip_to_next_draft(
        radar=radar, actor=actor, name=card.title, quadrant=quadrant, ring=ring, rationale=rationale,
        origin_label=f"Assessment card: {card.title}", origin_url=reverse("assessment:card", args=[card.pk]))


def forget_person(*, user) -> dict:
    """Erasure: delete the person's own boards and their scores; keep group and cohort boards and cards
    without them."""
    with transaction.atomic():
        own = Board.objects.filter(owner=user, owner_kind="participant")
        boards = own.count()
        own.delete()
        scores, _ = Score.objects.filter(scorer=user).delete()
        Board.objects.filter(owner=user).update(owner=None)
        cards = Card.objects.filter(owner=user).update(owner=None)
    result = {"boards_deleted": boards, "scores_deleted": scores, "cards_kept_without_owner": cards}
    return {k: v for k, v in result.items() if v}
