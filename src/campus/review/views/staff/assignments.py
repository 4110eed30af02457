"""Who reviews what: assignments by hand and balanced, the needs-more-reviews view, conflicts of interest."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page
from campus.team.permissions import holds_any

from ... import selectors, services
from ...forms import AssignForm, AutoAssignForm, ManagerConflictForm
from ...models import ConflictOfInterest, ReviewAssignment

from .common import PAGE_SIZE, Role, _apply_errors, _back, _managed_call


# --- assignments -------------------------------------------------------------------------------------------


def _assignments_url(request, call) -> str:
    """The assignments page as the manager saw it: its ?reviewer= and ?page= (the forms of the page post them
    along in their action's query string) survive a POST and its redirect."""
    query = request.GET.urlencode()
    return reverse("staff_review:assignments", kwargs={"call_pk": call.pk}) + (f"?{query}" if query else "")


def _assignments_context(request, call, *, assign_form=None, auto_form=None, conflict_form=None):
    phase = services.active_phase(call)
    per = phase.reviews_per_application if phase else 2
    reviewers = selectors.reviewers_queryset(call.edition_id)
    reviewer_list = list(reviewers)
    # ?reviewer=<id> (the dashboard's "reviews outstanding" link): only what that reviewer has still to write
    reviewer = next((r for r in reviewer_list if str(r.pk) == request.GET.get("reviewer")), None)
    listed = selectors.outstanding_applications(call, reviewer.pk) if reviewer else selectors.submitted_applications(call)
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    applications = list(page.object_list)
    board = selectors.assignment_board(call, applications)
    rows = [{"application": a, "assignments": board["assignments"].get(a.pk, []),
             "conflicts": board["conflicts"].get(a.pk, [])} for a in applications]
    return {
        "call": call,
        "here": _assignments_url(request, call),  # also when a refused form of the page is shown at its own URL
        "phase": phase,
        "per_application": per,
        "page": page,
        "rows": rows,
        "loads": selectors.reviewer_loads(call, reviewer_list),
        "reviewers": reviewer_list,
        "outstanding_of": reviewer,
        "assign_form": assign_form,
        "auto_form": auto_form or AutoAssignForm(initial={"per_application": per}),
        "conflict_form": conflict_form or ManagerConflictForm(
            reviewers=reviewers, applications=selectors.submitted_applications(call)),
        "conflicts": selectors.conflicts_of_call(call),
        "selected_applications": set(assign_form.data.getlist("applications")) if assign_form and assign_form.is_bound else set(),
        "selected_reviewers": set(assign_form.data.getlist("reviewers")) if assign_form and assign_form.is_bound else set(),
    }


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def assignments(request, call_pk: int):
    """By hand (tick one application and one reviewer) or in bulk (several of each)."""
    call = _managed_call(request, call_pk)
    reviewers = selectors.reviewers_queryset(call.edition_id)
    form = AssignForm(request.POST or None, applications=selectors.submitted_applications(call), reviewers=reviewers)
    if request.method == "POST":
        if form.is_valid():
            try:
                created, skipped = services.assign(
                    applications=form.cleaned_data["applications"], reviewers=form.cleaned_data["reviewers"],
                    actor=request.user, how="by hand" if len(form.cleaned_data["applications"]) == 1 else "in bulk",
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, f"{len(created)} assignment{'s' if len(created) != 1 else ''} made.")
                for reason in skipped[:20]:
                    messages.warning(request, f"Not assigned: {reason}")
                return redirect(request.get_full_path())
        context = _assignments_context(request, call, assign_form=form)
        return render(request, "review/staff/assignments.html", context)
    return render(request, "review/staff/assignments.html", _assignments_context(request, call))


@require_POST
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def auto_assign(request, call_pk: int):
    call = _managed_call(request, call_pk)
    form = AutoAssignForm(request.POST)
    if form.is_valid():
        try:
            created = services.auto_assign(call=call, per_application=form.cleaned_data["per_application"],
                                           actor=request.user)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"Automatic assignment: {len(created)} new assignment"
                                      f"{'s' if len(created) != 1 else ''}.")
            return redirect(_assignments_url(request, call))
    context = _assignments_context(request, call, auto_form=form)
    return render(request, "review/staff/assignments.html", context)


@require_POST
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def unassign(request, pk: int):
    assignment = get_object_or_404(ReviewAssignment.objects.select_related("application", "reviewer"), pk=pk)
    _managed_call(request, assignment.application.call_id)
    try:
        services.unassign(assignment=assignment, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{assignment.application.reference} is no longer assigned to "
                                  f"{assignment.reviewer.get_full_name()}.")
    return _back(request)


@require_GET
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def needs_reviews(request, call_pk: int):
    call = _managed_call(request, call_pk)
    phase = services.active_phase(call)
    per = phase.reviews_per_application if phase else 2
    page = Paginator(selectors.needing_reviews(call, per), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"application": a, "needs": per - a.n_reviews, "unassigned": max(per - a.n_assigned, 0)}
            for a in page.object_list]
    return render(request, "review/staff/needs.html",
                  {"call": call, "phase": phase, "per_application": per, "page": page, "rows": rows})


@require_POST
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def conflict_add(request, call_pk: int):
    """A manager records a reviewer's conflict of interest (the reviewer told them)."""
    call = _managed_call(request, call_pk)
    reviewers = selectors.reviewers_queryset(call.edition_id)
    form = ManagerConflictForm(request.POST, reviewers=reviewers,
                               applications=selectors.submitted_applications(call))
    if form.is_valid():
        services.declare_conflict(application=form.cleaned_data["application"], reviewer=form.cleaned_data["reviewer"],
                                  reason=form.cleaned_data["reason"], actor=request.user)
        messages.success(request, "The conflict of interest is recorded; the reviewer will not review this application.")
        return redirect(_assignments_url(request, call))
    context = _assignments_context(request, call, conflict_form=form)
    return render(request, "review/staff/assignments.html", context)


@require_POST
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def conflict_remove(request, pk: int):
    conflict = get_object_or_404(ConflictOfInterest.objects.select_related("application"), pk=pk)
    _managed_call(request, conflict.application.call_id)
    services.remove_conflict(conflict=conflict, actor=request.user)
    messages.success(request, "The conflict of interest is removed.")
    return _back(request)
