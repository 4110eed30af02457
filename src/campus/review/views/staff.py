"""The staff pages of review, under /staff/review/.

Who gets in: a visitor who is not signed in is sent to the sign-in page; a signed-in person without a review
role (reviewer or manager) in any edition gets a 404, and so does anyone asking for an object of an edition where
they do not hold the role the page needs (``campus.review.permissions`` decides). Pages are never cached.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.applications import selectors as application_selectors
from campus.applications.models import Application, Call
from campus.core.access import staff_page
from campus.core.files import private_file_response
from campus.core.http import local_path
from campus.programme.models import Edition
from campus.team import permissions as roles
from campus.team.models import TeamMembership
from campus.team.permissions import holds_any

from .. import permissions, selectors, services
from ..forms import (
    AssignForm,
    AutoAssignForm,
    ConflictForm,
    CriterionForm,
    ManagerConflictForm,
    PhaseForm,
    ReviewForm,
    TeamAddForm,
)
from ..models import ConflictOfInterest, Criterion, Kind, ReviewAssignment, ReviewPhase

Role = TeamMembership.Role
PAGE_SIZE = 100


def _managed_call(request, call_pk: int) -> Call:
    call = Call.objects.filter(pk=call_pk).select_related("edition__programme").first()
    if call is None or not permissions.can_manage_review(request.user, call.edition_id):
        raise Http404("No such call.")
    return call


def _managed_edition(request, pk: int) -> Edition:
    edition = Edition.objects.filter(pk=pk).first()
    if edition is None or not permissions.can_manage_review(request.user, edition):
        raise Http404("No such edition.")
    return edition


def _back(request, fallback: str = "staff_review:home", **kwargs):
    """After a small action (remove, activate): back to the page it was made on (``next``, a path under
    /staff/review/), else to ``fallback``."""
    return redirect(local_path(request, request.POST.get("next", ""), reverse(fallback, kwargs=kwargs or None),
                               under="/staff/review/"))


def _apply_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- the queue ---------------------------------------------------------------------------------------


@require_GET
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def home(request):
    groups = selectors.queue(request.user)
    return render(request, "review/staff/home.html", {
        "groups": groups,
        "is_reviewer": roles.has_any_role(request.user, Role.REVIEWER),
        "calls": selectors.managed_calls(request.user),
        "editions": selectors.managed_editions(request.user),
    })


# --- the team ------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def team(request, pk: int):
    edition = _managed_edition(request, pk)
    form = TeamAddForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                for role in form.cleaned_data["roles"]:
                    services.add_team_role(edition=edition, user=form.user, role=role, actor=request.user)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, f"{form.user.get_full_name()} is in the team.")
                return redirect("staff_review:team", pk=edition.pk)
        status = 400
    return render(request, "review/staff/team.html", {
        "edition": edition, "people": selectors.team_of(edition), "form": form,
    }, status=status)


@require_POST
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def team_remove(request, pk: int):
    membership = get_object_or_404(TeamMembership.objects.select_related("user"), pk=pk)
    _managed_edition(request, membership.edition_id)
    try:
        services.remove_team_role(membership=membership, actor=request.user)
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
    status = 200
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
        status = 400
    return render(request, "review/staff/phases.html", {
        "call": call, "phases": ReviewPhase.objects.filter(call=call).order_by("order", "id"), "form": form,
    }, status=status)


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def phase_edit(request, pk: int):
    phase = get_object_or_404(ReviewPhase, pk=pk)
    call = _managed_call(request, phase.call_id)
    form = PhaseForm(request.POST or None, instance=phase)
    status = 200
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
        status = 400
    return render(request, "review/staff/phase_edit.html", {"call": call, "phase": phase, "form": form}, status=status)


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
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _save_criterion(request, call, form)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, "The criterion is added.")
                return redirect("staff_review:criteria", call_pk=call.pk)
        status = 400
    all_criteria = selectors.criteria_of(call)
    groups = [
        {"kind": kind, "label": label, "items": [c for c in all_criteria if c.kind == kind]}
        for kind, label in Kind.choices
    ]
    return render(request, "review/staff/criteria.html", {"call": call, "groups": groups, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def criterion_edit(request, pk: int):
    criterion = get_object_or_404(Criterion, pk=pk)
    call = _managed_call(request, criterion.call_id)
    form = CriterionForm(request.POST or None, initial=CriterionForm.initial_of(criterion))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _save_criterion(request, call, form, criterion)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, "The criterion is saved.")
                return redirect("staff_review:criteria", call_pk=call.pk)
        status = 400
    return render(request, "review/staff/criterion_edit.html",
                  {"call": call, "criterion": criterion, "form": form}, status=status)


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


# --- assignments -------------------------------------------------------------------------------------------


def _assignments_context(request, call, *, assign_form=None, auto_form=None, conflict_form=None):
    phase = services.active_phase(call)
    per = phase.reviews_per_application if phase else 2
    reviewers = selectors.reviewers_queryset(call.edition_id)
    reviewer_list = list(reviewers)
    page = Paginator(selectors.submitted_applications(call), PAGE_SIZE).get_page(request.GET.get("page"))
    applications = list(page.object_list)
    board = selectors.assignment_board(call, applications)
    rows = [{"application": a, "assignments": board["assignments"].get(a.pk, []),
             "conflicts": board["conflicts"].get(a.pk, [])} for a in applications]
    return {
        "call": call,
        "phase": phase,
        "per_application": per,
        "page": page,
        "rows": rows,
        "loads": selectors.reviewer_loads(call, reviewer_list),
        "reviewers": reviewer_list,
        "assign_form": assign_form,
        "auto_form": auto_form or AutoAssignForm(initial={"per_application": per}),
        "conflict_form": conflict_form or ManagerConflictForm(reviewers=reviewers, call=call),
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
        return render(request, "review/staff/assignments.html", context, status=400)
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
            return redirect("staff_review:assignments", call_pk=call.pk)
    context = _assignments_context(request, call, auto_form=form)
    return render(request, "review/staff/assignments.html", context, status=400)


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
    form = ManagerConflictForm(request.POST, reviewers=reviewers, call=call)
    if form.is_valid():
        services.declare_conflict(application=form.application, reviewer=form.cleaned_data["reviewer"],
                                  reason=form.cleaned_data["reason"], actor=request.user)
        messages.success(request, "The conflict of interest is recorded; the reviewer will not review this application.")
        return redirect("staff_review:assignments", call_pk=call.pk)
    context = _assignments_context(request, call, conflict_form=form)
    return render(request, "review/staff/assignments.html", context, status=400)


@require_POST
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def conflict_remove(request, pk: int):
    conflict = get_object_or_404(ConflictOfInterest.objects.select_related("application"), pk=pk)
    _managed_call(request, conflict.application.call_id)
    services.remove_conflict(conflict=conflict, actor=request.user)
    messages.success(request, "The conflict of interest is removed.")
    return _back(request)


# --- one application: read and score -------------------------------------------------------------------


def _openable(request, pk: int) -> Application:
    application = selectors.application_for_review(pk)
    if application is None or not permissions.can_open_application(request.user, application):
        raise Http404("No such application.")
    return application


def _sections(application, identity: bool) -> list[dict]:
    sections = []
    for section in application_selectors.staff_sections(application):
        if section["step"] in ("consent",):
            continue
        items = section["items"]
        if not identity:
            items = [item for item in items if item["key"] not in selectors.IDENTIFYING_KEYS]
        sections.append({**section, "items": items})
    return sections


def _render_review(request, application, *, form=None, status=200):
    user = request.user
    call = application.call
    phase = services.active_phase(call)
    identity = permissions.sees_identity(user, application, phase)
    criteria = selectors.criteria_of(call, Kind.REVIEW)
    reviews = selectors.reviews_of(application)
    own = next((review for review in reviews if review.reviewer_id == user.pk), None)
    can_write = permissions.can_write_review(user, application)
    is_open = bool(phase and phase.reviews_open)
    if form is None and can_write:
        initial = {}
        if own is not None:
            initial = {"recommendation": own.recommendation, "comment_team": own.comment_team,
                       "comment_applicant": own.comment_applicant}
            initial.update({f"criterion_{score.criterion_id}": str(score.value) for score in own.scores.all()})
        form = ReviewForm(criteria=criteria, initial=initial)
    show_others = permissions.sees_others_reviews(user, application, phase, has_own=own is not None)
    others = [review for review in reviews if review.reviewer_id != user.pk] if show_others else []
    return render(request, "review/staff/review.html", {
        "application": application,
        "call": call,
        "phase": phase,
        "identity": identity,
        "sections": _sections(application, identity),
        "documents": selectors.documents_of(application) if identity else {},
        "criteria": criteria,
        "weights": {f"criterion_{c.pk}": c.weight for c in criteria},
        "form": form,
        "own": own,
        "can_write": can_write,
        "is_open": is_open,
        "editable": can_write and is_open,
        "others": others,
        "show_others": show_others,
        "others_hidden_count": 0 if show_others else len([r for r in reviews if r.reviewer_id != user.pk]),
        "is_manager": roles.is_manager(user, call.edition_id),
        "conflict_form": ConflictForm(),
    }, status=status)


@require_http_methods(["GET", "POST"])
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def review(request, pk: int):
    application = _openable(request, pk)
    if request.method == "GET":
        return _render_review(request, application)
    if not permissions.can_write_review(request.user, application):
        raise PermissionDenied("Only a reviewer this application is assigned to writes a review of it.")
    form = ReviewForm(request.POST, criteria=selectors.criteria_of(application.call, Kind.REVIEW))
    if form.is_valid():
        try:
            saved = services.save_review(
                application=application, reviewer=request.user, kind=Kind.REVIEW, scores=form.scores(),
                recommendation=form.cleaned_data["recommendation"], comment_team=form.cleaned_data["comment_team"],
                comment_applicant=form.cleaned_data["comment_applicant"], actor=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"Your review is saved: weighted total {saved.total} of 5.")
            return redirect("staff_review:review", pk=application.pk)
    return _render_review(request, application, form=form, status=400)


@require_POST
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def declare_conflict(request, pk: int):
    application = selectors.application_for_review(pk)
    if application is None or not permissions.can_declare_conflict(request.user, application):
        raise Http404("No such application.")
    form = ConflictForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    services.declare_conflict(application=application, reviewer=request.user, reason=reason, actor=request.user)
    messages.success(request, "Your conflict of interest is recorded: this application is no longer in your queue.")
    return redirect("staff_review:home")


@require_GET
@staff_page(holds_any(Role.REVIEWER, Role.MANAGER))
def document(request, pk: int, kind: str):
    """The CV or letter for the review: assigned reviewers (not in a blind phase) and the edition's managers."""
    application = selectors.application_for_review(pk)
    if application is None or kind not in ("cv", "letter"):
        raise Http404("No such file.")
    phase = services.active_phase(application.call)
    if not permissions.can_fetch_document(request.user, application, phase):
        raise Http404("No such file.")
    document = selectors.documents_of(application).get(kind)
    if document is None:
        raise Http404("No such file.")
    return private_file_response(document.file, download_name=document.original_name,
                                 content_type=document.content_type)
