"""Editing the parts of a strategy under /me/strategy/<pk>/: objectives (ordered), actions, indicators with their
targets, check-ins. Only the owners reach these pages (404 for anyone else); a refused form keeps what was typed."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from campus.cohort.access import participant_page

from .. import selectors, services
from ..forms import ActionForm, CheckInForm, IndicatorForm, ObjectiveForm, targets_text
from .common import strategy_or_404


def _back(strategy, anchor: str = "") -> str:
    return reverse("strategy:detail", args=[strategy.pk]) + (f"#{anchor}" if anchor else "")


def _found(value):
    if value is None:
        raise Http404("Not part of this strategy.")
    return value


@require_http_methods(["GET", "POST"])
@participant_page
def objective(request, pk: int, objective_id: int | None = None):
    strategy = strategy_or_404(request.user, pk, edit=True)
    current = _found(selectors.objective_of(strategy, objective_id)) if objective_id else None
    initial = {"title": current.title, "description": current.description} if current else None
    form = ObjectiveForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if current is None:
            current = services.add_objective(strategy=strategy, actor=request.user, **form.cleaned_data)
            messages.success(request, "The objective is added. Give it actions and indicators.")
        else:
            services.update_objective(objective=current, actor=request.user, **form.cleaned_data)
            messages.success(request, "The objective is saved.")
        return redirect(_back(strategy, f"objective-{current.pk}"))
    return render(request, "strategy/objective_form.html", {"strategy": strategy, "objective": current, "form": form})


@require_POST
@participant_page
def objective_remove(request, pk: int, objective_id: int):
    strategy = strategy_or_404(request.user, pk, edit=True)
    current = _found(selectors.objective_of(strategy, objective_id))
    services.remove_objective(objective=current, actor=request.user)
    messages.success(request, f"The objective “{current.title}” is removed, with its actions and indicators.")
    return redirect(_back(strategy, "objectives"))


@require_POST
@participant_page
def objective_move(request, pk: int, objective_id: int):
    strategy = strategy_or_404(request.user, pk, edit=True)
    current = _found(selectors.objective_of(strategy, objective_id))
    services.move_objective(objective=current, actor=request.user, up=request.POST.get("direction") != "down")
    return redirect(_back(strategy, f"objective-{current.pk}"))


@require_http_methods(["GET", "POST"])
@participant_page
def action(request, pk: int, objective_id: int | None = None, action_id: int | None = None):
    strategy = strategy_or_404(request.user, pk, edit=True)
    current = _found(selectors.action_of(strategy, action_id)) if action_id else None
    parent = current.objective if current else _found(selectors.objective_of(strategy, objective_id))
    initial = ({"title": current.title, "owner_name": current.owner_name, "due_date": current.due_date,
                "status": current.status} if current else None)
    form = ActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_action(objective=parent, actor=request.user, action=current, **form.cleaned_data)
        except services.StrategyError as error:
            form.add_error("status", str(error))
        else:
            messages.success(request, f"The action “{saved.title}” is saved.")
            return redirect(_back(strategy, f"objective-{parent.pk}"))
    return render(request, "strategy/action_form.html", {"strategy": strategy, "objective": parent,
                                                         "action": current, "form": form})


@require_POST
@participant_page
def action_remove(request, pk: int, action_id: int):
    strategy = strategy_or_404(request.user, pk, edit=True)
    current = _found(selectors.action_of(strategy, action_id))
    services.remove_action(action=current, actor=request.user)
    messages.success(request, f"The action “{current.title}” is removed.")
    return redirect(_back(strategy, f"objective-{current.objective_id}"))


@require_http_methods(["GET", "POST"])
@participant_page
def indicator(request, pk: int, objective_id: int | None = None, indicator_id: int | None = None):
    strategy = strategy_or_404(request.user, pk, edit=True)
    current = _found(selectors.indicator_of(strategy, indicator_id)) if indicator_id else None
    parent = current.objective if current else _found(selectors.objective_of(strategy, objective_id))
    initial = ({"name": current.name, "unit": current.unit, "baseline_value": selectors.number(current.baseline_value),
                "baseline_date": current.baseline_date, "direction": current.direction,
                "targets": targets_text(current.targets.all())} if current
               else {"baseline_date": timezone.localdate()})
    form = IndicatorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = services.save_indicator(objective=parent, actor=request.user, indicator=current, **form.cleaned_data)
        messages.success(request, f"The indicator “{saved.name}” is saved.")
        return redirect(_back(strategy, f"objective-{parent.pk}"))
    return render(request, "strategy/indicator_form.html", {"strategy": strategy, "objective": parent,
                                                            "indicator": current, "form": form})


@require_POST
@participant_page
def indicator_remove(request, pk: int, indicator_id: int):
    strategy = strategy_or_404(request.user, pk, edit=True)
    current = _found(selectors.indicator_of(strategy, indicator_id))
    services.remove_indicator(indicator=current, actor=request.user)
    messages.success(request, f"The indicator “{current.name}” is removed, with its values.")
    return redirect(_back(strategy, f"objective-{current.objective_id}"))


@require_http_methods(["GET", "POST"])
@participant_page
def checkin(request, pk: int):
    strategy = strategy_or_404(request.user, pk, edit=True)
    form = CheckInForm(request.POST or None, indicators=selectors.indicators_of(strategy),
                       actions=selectors.actions_of(strategy), initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_checkin(strategy=strategy, actor=request.user, date=form.cleaned_data["date"],
                                    note=form.cleaned_data["note"], readings=form.readings(),
                                    statuses=form.statuses())
        except services.StrategyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The check-in is recorded.")
            return redirect(_back(strategy, "progress"))
    return render(request, "strategy/checkin_form.html", {"strategy": strategy, "form": form})


@require_POST
@participant_page
def checkin_remove(request, pk: int, checkin_id: int):
    strategy = strategy_or_404(request.user, pk, edit=True)
    current = _found(selectors.checkin_of(strategy, checkin_id))
    services.remove_checkin(checkin=current, actor=request.user)
    messages.success(request, f"The check-in of {current.date:%d %B %Y} is removed (the actions keep their status).")
    return redirect(_back(strategy, "checkins"))
