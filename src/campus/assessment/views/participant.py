"""The participant's boards (/me/boards/): the list, a board with its stages, a card with its scorecard and
decision, and the promotion of a signal. Every board is reached through ``campus.radars.sharing``."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.cohort.access import participant_page

from .. import permissions, selectors, services, states
from ..forms import BoardForm, CardEditForm, CardForm, DecideForm, FromSignalForm
from ..models import Board, Card, Confidence


def _board(request, pk, *, edit=False) -> Board:
    board = selectors.board(pk)
    allowed = permissions.can_edit if edit else permissions.can_view
    if board is None or not allowed(request.user, board):
        raise Http404("No such board.")
    return board


def _card(request, pk, *, edit=False) -> Card:
    card = selectors.card(pk)
    allowed = permissions.can_edit if edit else permissions.can_view
    if card is None or not allowed(request.user, card.board):
        raise Http404("No such card.")
    return card


@require_GET
@participant_page
def board_list(request):
    return render(request, "assessment/list.html", {"boards": list(selectors.boards_for(request.user))})


@require_http_methods(["GET", "POST"])
@participant_page
def board_new(request):
    form = BoardForm(request.POST or None, user=request.user)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            board = services.create_board(
                actor=request.user, edition=request.participant.edition, title=data["title"],
                description=data["description"], target_radar=data["target_radar"], group=data["group"],
                visibility="group" if data["group"] else "private")
        except services.AssessmentError as exc:
            error = str(exc)
        else:
            messages.success(request, "Board created.")
            return redirect("assessment:board", pk=board.pk)
    return render(request, "assessment/board_form.html", {"form": form, "error": error})


@require_GET
@participant_page
def board_detail(request, pk: int):
    board = _board(request, pk)
    return render(request, "assessment/board.html", _board_context(request, board))


def _board_context(request, board, announce: str = "") -> dict:
    return {"board": board, "columns": selectors.cards_by_stage(board, states.CHOICES), "announce": announce,
            "can_edit": permissions.can_edit(request.user, board)}


@require_http_methods(["GET", "POST"])
@participant_page
def card_new(request, pk: int):
    board = _board(request, pk, edit=True)
    form = CardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        card = services.add_card(board=board, actor=request.user, **form.cleaned_data)
        messages.success(request, "Card added.")
        return redirect("assessment:card", pk=card.pk)
    return render(request, "assessment/card_form.html", {"form": form, "board": board, "error": ""})


@require_http_methods(["GET", "POST"])
@participant_page
def card_edit(request, pk: int):
    """The card's edit page for those who may edit the board: refused input comes back as typed."""
    card = _card(request, pk, edit=True)
    title = card.title  # the form writes what was typed onto the card; the heading keeps the saved title
    owners = selectors.possible_owners(card.board)
    if card.owner is not None and card.owner not in owners:
        owners.append(card.owner)
    form = CardEditForm(request.POST or None, instance=card, owners=owners,
                        signals=selectors.signals_for(request.user, card.board))
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_card(card=card, actor=request.user, title=data["title"], kind=data["kind"],
                                 description=data["description"], trl=data["trl"],
                                 trl_evidence=data["trl_evidence"], owner=data["owner"],
                                 linked_signals=data["linked_signals"])
        except services.AssessmentError as exc:
            error = str(exc)
        else:
            messages.success(request, "Card saved.")
            return redirect("assessment:card", pk=card.pk)
    return render(request, "assessment/card_edit.html",
                  {"form": form, "card": card, "title": title, "board": card.board, "error": error},
                  status=400 if request.method == "POST" else 200)


@require_GET
@participant_page
def card_detail(request, pk: int):
    card = _card(request, pk)
    return render(request, "assessment/card.html", _card_context(request, card))


def _card_context(request, card, *, decide_form=None, error=""):
    criteria = selectors.criteria(card.board)
    sheet = selectors.scorecard(card, criteria)
    mine = {s.criterion_id: s for s in sheet["scores"] if s.scorer_id == request.user.pk}
    open_ = permissions.sees_all_scores(request.user, card, has_scored=bool(mine))
    rows = [{"criterion": c, "mine": mine.get(c.pk), "mean": sheet["means"].get(c.pk),
             "others": [s for s in sheet["scores"] if s.criterion_id == c.pk and s.scorer_id != request.user.pk]}
            for c in criteria]
    signals, hidden_signals = selectors.linked_signals(card, request.user)
    return {"card": card, "board": card.board, "rows": rows, "signals": signals, "hidden_signals": hidden_signals, "sheet": sheet, "open": open_,
            "can_edit": permissions.can_edit(request.user, card.board),
            "can_score": permissions.can_score(request.user, card), "confidences": Confidence.choices,
            "levels": range(1, 6), "error": error,
            "decide_form": decide_form or DecideForm(radar=card.board.target_radar)}


@require_POST
@participant_page
def card_move(request, pk: int):
    """A move by a button (no script: back to the board with a message) or by the board's script after a drag
    and drop or a button press (``HX-Request``: the board's stages come back, with the sentence the page's
    live region announces)."""
    card = _card(request, pk, edit=True)
    try:
        services.move(card=card, actor=request.user, to=request.POST.get("to", ""))
    except services.AssessmentError as exc:
        text, ok = str(exc), False
    else:
        text, ok = f"“{card.title}” moved to {dict(states.CHOICES)[card.stage]}.", True
    if request.htmx:
        context = _board_context(request, card.board, announce=text)
        return render(request, "assessment/_stages.html", context, status=200 if ok else 400)
    (messages.success if ok else messages.error)(request, text)
    return redirect("assessment:board", pk=card.board_id)


@require_POST
@participant_page
def card_score(request, pk: int):
    card = _card(request, pk)
    if not permissions.can_score(request.user, card):
        raise Http404("No such card.")
    values = {}
    for criterion in selectors.criteria(card.board):
        value, confidence = request.POST.get(f"value-{criterion.pk}"), request.POST.get(f"confidence-{criterion.pk}")
        if value in {"1", "2", "3", "4", "5"}:
            values[criterion.pk] = (int(value), confidence if confidence in Confidence.values else "medium")
    if not values:
        return render(request, "assessment/card.html",
                      _card_context(request, card, error="Give at least one criterion a value from 1 to 5."),
                      status=400)
    services.score(card=card, actor=request.user, values=values)
    messages.success(request, "Your scores are saved.")
    return redirect("assessment:card", pk=card.pk)


@require_POST
@participant_page
def card_decide(request, pk: int):
    card = _card(request, pk, edit=True)
    form = DecideForm(request.POST, radar=card.board.target_radar)
    error = ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.decide(card=card, actor=request.user, decision=data["decision"], rationale=data["rationale"],
                            quadrant=data.get("quadrant") or 0)
        except services.AssessmentError as exc:
            error = str(exc)
        else:
            messages.success(request, "Decision recorded.")
            return redirect("assessment:card", pk=card.pk)
    return render(request, "assessment/card.html", _card_context(request, card, decide_form=form, error=error),
                  status=400)


@require_http_methods(["GET", "POST"])
@participant_page
def from_signal(request, pk: int):
    signal = selectors.signal(pk)
    if signal is None or not permissions.can_view(request.user, signal):
        raise Http404("No such signal.")
    boards = [b for b in selectors.boards_for(request.user) if permissions.can_edit(request.user, b)]
    form = FromSignalForm(request.POST or None, boards=boards)
    if request.method == "POST" and form.is_valid():
        board = next(b for b in boards if b.pk == form.cleaned_data["board"])
        card = services.card_from_signal(signal=signal, board=board, actor=request.user)
        messages.success(request, "The signal is now a card on the board.")
        return redirect("assessment:card", pk=card.pk)
    return render(request, "assessment/from_signal.html", {"form": form, "signal": signal, "boards": boards})
