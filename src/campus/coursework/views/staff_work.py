"""Staff pages of the participants' work: the submissions of an assignment (and their export), the review of
an attempt (feedback and decision), the attempt's files, and the journal entries shared with a module."""

import io

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.files import private_file_response
from campus.core.markdown import render_markdown

from .. import exports, permissions, selectors, services, states
from ..forms import CommentForm, ReviewForm
from .staff import section


def _assignment(request, pk):
    assignment = selectors.assignment_for_staff(request.user, pk)
    if assignment is None:
        raise Http404("No such assignment.")
    return assignment


def _attempt(request, pk):
    attempt = selectors.attempt_for_staff(request.user, pk)
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


@require_GET
@section
def submissions(request, pk: int):
    assignment = _assignment(request, pk)
    rows = selectors.submissions(assignment)
    counts = {key: 0 for key in states.STATES}
    for row in rows:
        counts[row["state"]] += 1
    return render(request, "coursework/staff/submissions.html", {
        "assignment": assignment, "module": assignment.module, "rows": rows, "brief": render_markdown(assignment.brief),
        "counts": [(states.LABELS[key], counts[key]) for key in states.STATES],
    })


@require_GET
@section
def export(request, pk: int, fmt: str):
    assignment = _assignment(request, pk)
    if fmt not in exports.CONTENT_TYPES:
        raise Http404("No such format.")
    content = exports.as_csv(assignment) if fmt == "csv" else exports.as_xlsx(assignment)
    services.record_export(assignment=assignment, fmt=fmt, actor=request.user)
    return private_file_response(io.BytesIO(content), download_name=exports.filename(assignment, fmt),
                                 content_type=exports.CONTENT_TYPES[fmt])


@require_http_methods(["GET", "POST"])
@section
def attempt(request, pk: int):
    found = _attempt(request, pk)
    assignment = found.assignment
    history = selectors.attempts_of(assignment, found.participant)
    latest = history[-1]
    can_decide = found.pk == latest.pk and found.state == states.SUBMITTED
    form = ReviewForm(request.POST or None, assignment=assignment) if can_decide else None
    if request.method == "POST":
        if form is None:
            messages.error(request, "This attempt is decided already; only the latest submitted attempt takes a decision.")
            return redirect("staff_coursework:attempt", pk=found.pk)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.decide(attempt=found, decision=data["decision"], feedback=data["feedback"],
                                actor=request.user, reopen=data.get("reopen", False))
            except services.CourseworkError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"Your feedback is saved: {states.LABELS[data['decision']].lower()}. "
                                          "The participant is told by mail.")
                return redirect("staff_coursework:submissions", pk=assignment.pk)
    for row in history:
        row.handed_in_link = selectors.handed_in_link(row)
    can_reopen = (found.pk == latest.pk and found.state == states.REVISION_ASKED and not found.reopened
                  and assignment.reopen == assignment.Reopen.MANUAL)
    return render(request, "coursework/staff/attempt.html", {
        "attempt": found, "assignment": assignment, "module": assignment.module, "participant": found.participant,
        "history": list(reversed(history)), "form": form, "can_reopen": can_reopen,
        "state_label": states.LABELS[latest.state],
    })


@require_POST
@section
def reopen(request, pk: int):
    found = _attempt(request, pk)
    try:
        services.reopen(attempt=found, actor=request.user)
    except services.CourseworkError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The assignment is reopened for this participant: they may submit again.")
    return redirect("staff_coursework:attempt", pk=found.pk)


@require_GET
@section
def attempt_file(request, pk: int):
    row = selectors.attempt_file_or_none(pk)
    if row is None:
        raise Http404("No such file.")
    if not permissions.can_lead(request.user, row.attempt.assignment.module):
        raise Http404("No such file.")
    return private_file_response(row.file, download_name=row.file_name, content_type=row.content_type)


@require_GET
@section
def journal(request):
    return render(request, "coursework/staff/journal.html", {"entries": selectors.shared_entries(request.user)})


@require_http_methods(["GET", "POST"])
@section
def entry(request, pk: int):
    found = selectors.entry_for_staff(request.user, pk)
    if found is None:
        raise Http404("No such entry.")
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_comment(entry=found, author=request.user, body=form.cleaned_data["body"])
        except services.CourseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your comment is saved; the participant sees it with the entry.")
            return redirect("staff_coursework:entry", pk=found.pk)
    return render(request, "coursework/staff/entry.html", {
        "entry": found, "form": form, "comments": selectors.comments_of(found),
    })
