"""Who is on the team, the review phases and the criteria of a call (managers)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from campus.core.access import staff_page
from campus.team import permissions as roles
from campus.team import services as team_services
from campus.team.models import TeamMembership
from campus.team.permissions import holds_any

from ... import selectors, services
from ...forms import CriterionForm, PhaseForm, TeamAddForm
from ...models import Criterion, Kind, ReviewPhase

from .common import Role, _apply_errors, _back, _managed_call, _managed_edition


# --- the team ------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def team(request, pk: int):
    edition = _managed_edition(request, pk)
    form = TeamAddForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                for role in form.cleaned_data["roles"]:
                    team_services.add_team_role(edition=edition, user=form.user, role=role, actor=request.user)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, f"{form.user.get_full_name()} is in the team.")
                return redirect("staff_review:team", pk=edition.pk)
    return render(request, "review/staff/team.html", {
        "edition": edition, "people": selectors.team_of(edition), "form": form,
    })


@require_POST
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def team_remove(request, pk: int):
    membership = get_object_or_404(TeamMembership.objects.select_related("user"), pk=pk)
    _managed_edition(request, membership.edition_id)
    try:
        team_services.remove_team_role(membership=membership, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{membership.user.get_full_name()} no longer holds the role "
                                  f"“{membership.get_role_display()}”.")
    return _back(request)


# --- phases ----------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def phases(request, call_pk: int):
    call = _managed_call(request, call_pk)
    form = PhaseForm(request.POST or None, prefix="new", initial={"reviews_per_application": 2})
    if request.method == "POST":
        if form.is_valid():
            values = {field: form.cleaned_data[field] for field in services.PHASE_FIELDS}
            try:
                services.save_phase(call=call, actor=request.user, **values)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, "The phase is created. Activate it when reviewers should work under it.")
                return redirect("staff_review:phases", call_pk=call.pk)
    return render(request, "review/staff/phases.html", {
        "call": call, "phases": ReviewPhase.objects.filter(call=call).order_by("order", "id"), "form": form,
    })


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def phase_edit(request, pk: int):
    phase = get_object_or_404(ReviewPhase, pk=pk)
    call = _managed_call(request, phase.call_id)
    form = PhaseForm(request.POST or None, instance=phase)
    if request.method == "POST":
        if form.is_valid():
            values = {field: form.cleaned_data[field] for field in services.PHASE_FIELDS}
            phase.refresh_from_db()  # the form wrote into the instance; the service compares before and after
            try:
                services.save_phase(call=call, phase=phase, actor=request.user, **values)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, "The phase is saved.")
                return redirect("staff_review:phases", call_pk=call.pk)
    return render(request, "review/staff/phase_edit.html", {"call": call, "phase": phase, "form": form})


@require_POST
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def phase_activate(request, pk: int):
    phase = get_object_or_404(ReviewPhase, pk=pk)
    _managed_call(request, phase.call_id)
    services.activate_phase(phase=phase, actor=request.user)
    messages.success(request, f"“{phase.name}” is the active phase now.")
    return _back(request)


# --- criteria ----------------------------------------------------------------------------------------------


def _save_criterion(request, call, form, criterion=None):
    data = form.cleaned_data
    return services.save_criterion(call=call, criterion=criterion, kind=data["kind"], name=data["name"],
                                   description=data["description"], weight=data["weight"], scale=form.scale(),
                                   actor=request.user)


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def criteria(request, call_pk: int):
    call = _managed_call(request, call_pk)
    initial = {"kind": Kind.REVIEW, "weight": 1}
    initial.update({f"scale_{i}": label for i, label in enumerate(["Poor", "Fair", "Good", "Very good", "Excellent"], 1)})
    form = CriterionForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                _save_criterion(request, call, form)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, "The criterion is added.")
                return redirect("staff_review:criteria", call_pk=call.pk)
    all_criteria = selectors.criteria_of(call)
    groups = [
        {"kind": kind, "label": label, "items": [c for c in all_criteria if c.kind == kind]}
        for kind, label in Kind.choices
    ]
    return render(request, "review/staff/criteria.html", {"call": call, "groups": groups, "form": form})


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def criterion_edit(request, pk: int):
    criterion = get_object_or_404(Criterion, pk=pk)
    call = _managed_call(request, criterion.call_id)
    form = CriterionForm(request.POST or None, initial=CriterionForm.initial_of(criterion))
    if request.method == "POST":
        if form.is_valid():
            try:
                _save_criterion(request, call, form, criterion)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, "The criterion is saved.")
                return redirect("staff_review:criteria", call_pk=call.pk)
    return render(request, "review/staff/criterion_edit.html",
                  {"call": call, "criterion": criterion, "form": form})


@require_POST
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def criterion_delete(request, pk: int):
    criterion = get_object_or_404(Criterion, pk=pk)
    _managed_call(request, criterion.call_id)
    try:
        services.delete_criterion(criterion=criterion, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"“{criterion.name}” is deleted.")
    return _back(request)
