"""The reviewer's queue and one application: read it, score it, declare a conflict, open its documents."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.applications import selectors as application_selectors
from campus.applications.models import Application
from campus.core.access import staff_page
from campus.core.files import private_file_response
from campus.team import permissions as roles
from campus.team.permissions import holds_any

from ... import permissions, selectors, services
from ...forms import ConflictForm, ReviewForm
from ...models import Kind

from .common import Role, _apply_errors


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
            return _after_save(request, application, saved)
    return _render_review(request, application, form=form)


def _after_save(request, application, saved):
    """Back to the review, or ("Save and go to the next") on to the next outstanding application of the call."""
    text = f"Your review of {application.reference} is saved: weighted total {saved.total} of 5."
    if request.POST.get("then") != "next":
        messages.success(request, text)
        return redirect("staff_review:review", pk=application.pk)
    following = selectors.next_in_queue(request.user, application)
    if following is None:
        messages.success(request, f"{text} That was the last application in your queue still to review.")
        return redirect("staff_review:home")
    messages.success(request, f"{text} Here is the next one, {following.reference}.")
    return redirect("staff_review:review", pk=following.pk)


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
