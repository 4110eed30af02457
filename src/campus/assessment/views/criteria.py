"""The board's scorecard criteria (/me/boards/<id>/criteria/), for those who may edit the board: edit a criterion's
group, name, weight and level texts, add one, remove one (with a confirmation that says how many scores go when it
has any), move one up or down. New boards start with the default criteria (``models.DEFAULT_CRITERIA``)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from campus.cohort.access import participant_page

from .. import selectors, services
from ..forms import CriterionForm
from .participant import _board


def _criterion(request, pk: int, criterion_id: int):
    board = _board(request, pk, edit=True)
    criterion = selectors.criterion(board, criterion_id)
    if criterion is None:
        raise Http404("No such criterion.")
    return board, criterion


@require_http_methods(["GET", "POST"])
@participant_page
def criteria(request, pk: int):
    """The list, and the form that adds a criterion (POST): refused input comes back with what was typed."""
    board = _board(request, pk, edit=True)
    form = CriterionForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_criterion(board=board, actor=request.user, group=data["group"], name=data["name"],
                                   weight=data["weight"], anchors=form.anchors)
        except services.AssessmentError as exc:
            error = str(exc)
        else:
            messages.success(request, f"Criterion “{data['name']}” added.")
            return redirect("assessment:criteria", pk=board.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "assessment/criteria.html", {
        "board": board, "criteria": selectors.criteria_with_score_counts(board), "form": form, "error": error},
        status=status)


@require_http_methods(["GET", "POST"])
@participant_page
def criterion_edit(request, pk: int, criterion_id: int):
    board, criterion = _criterion(request, pk, criterion_id)
    form = CriterionForm(request.POST or None, criterion=criterion)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_criterion(criterion=criterion, actor=request.user, group=data["group"],
                                      name=data["name"], weight=data["weight"], anchors=form.anchors)
        except services.AssessmentError as exc:
            error = str(exc)
        else:
            messages.success(request, f"Criterion “{data['name']}” saved.")
            return redirect("assessment:criteria", pk=board.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "assessment/criterion_form.html",
                  {"board": board, "criterion": criterion, "form": form, "error": error}, status=status)


@require_POST
@participant_page
def criterion_move(request, pk: int, criterion_id: int):
    board, criterion = _criterion(request, pk, criterion_id)
    try:
        services.move_criterion(criterion=criterion, actor=request.user, direction=request.POST.get("direction", ""))
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{criterion.name}” moved {request.POST['direction']}.")
    return redirect("assessment:criteria", pk=board.pk)


@require_POST
@participant_page
def criterion_remove(request, pk: int, criterion_id: int):
    """Remove at once when nobody has scored the criterion; otherwise first a page that asks to confirm and says
    how many scores go with it."""
    board, criterion = _criterion(request, pk, criterion_id)
    count = selectors.score_count(criterion)
    if count and request.POST.get("confirm") != "yes":
        return render(request, "assessment/criterion_remove.html",
                      {"board": board, "criterion": criterion, "count": count})
    removed = services.remove_criterion(criterion=criterion, actor=request.user)
    gone = f" and {removed} score{'s' if removed != 1 else ''} with it" if removed else ""
    messages.success(request, f"Criterion “{criterion.name}” removed{gone}.")
    return redirect("assessment:criteria", pk=board.pk)
