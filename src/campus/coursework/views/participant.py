"""The participant's pages of coursework (/me/coursework/): modules with their materials, assignments with
the participant's attempts and feedback, the reflection journal. Only their own data, ever."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.cohort.access import participant_page
from campus.core.files import private_file_response
from campus.core.markdown import render_markdown

from .. import permissions, selectors, services, states
from ..forms import AttemptForm, EntryForm
from ..models import JournalEntry


@require_GET
@participant_page
def home(request):
    participant = request.participant
    rows = selectors.assignments_for(participant)
    modules = selectors.modules_of(participant)
    by_module = {m.pk: [] for m in modules}
    for row in rows:
        by_module.setdefault(row["assignment"].module_id, []).append(row)
    return render(request, "coursework/participant/home.html", {
        "modules": [{"module": m, "rows": by_module.get(m.pk, [])} for m in modules],
    })


@require_GET
@participant_page
def module(request, pk: int):
    participant = request.participant
    found = next((m for m in selectors.modules_of(participant) if m.pk == pk), None)
    if found is None:
        raise Http404("No such module.")
    weeks: list[dict] = []
    for material in selectors.published_materials(found):
        if not weeks or weeks[-1]["week"] != material.week:
            weeks.append({"week": material.week, "materials": []})
        weeks[-1]["materials"].append({"material": material, "html": render_markdown(material.body)})
    return render(request, "coursework/participant/module.html", {
        "module": found, "weeks": weeks, "rows": selectors.assignments_for(participant, found),
    })


@require_GET
@participant_page
def material_file(request, pk: int):
    material = selectors.material_or_none(pk)
    if material is None:
        raise Http404("No such file.")
    if not material.file or not permissions.participant_sees_material(request.participant, material):
        raise Http404("No such file.")
    return private_file_response(material.file, download_name=material.file_name, content_type=material.content_type)


@require_http_methods(["GET", "POST"])
@participant_page
def assignment(request, pk: int):
    participant = request.participant
    found = selectors.participant_assignment(participant, pk)
    if found is None:
        raise Http404("No such assignment.")
    attempts = selectors.attempts_of(found, participant)
    refusal = states.submission_refusal(found, attempts)
    kind = selectors.submission_kind_of(found)
    choices = kind.choices_for(request.user, participant.edition) if kind else ()
    form = (AttemptForm(request.POST or None, request.FILES or None, kind=kind, handed_in_choices=choices)
            if not refusal else None)
    if request.method == "POST":
        if form is None:
            messages.error(request, refusal)
            return redirect("coursework:assignment", pk=found.pk)
        if form.is_valid():
            try:
                services.submit_attempt(assignment=found, participant=participant, text=form.cleaned_data["text"],
                                        uploads=form.detected, actor=request.user,
                                        handed_in=form.cleaned_data.get("handed_in"))
            except services.CourseworkError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Your attempt is submitted. The module lead will give feedback.")
                return redirect("coursework:assignment", pk=found.pk)
    latest = attempts[-1] if attempts else None
    state = states.state_of(latest)
    return render(request, "coursework/participant/assignment.html", {
        "assignment": found, "brief": render_markdown(found.brief), "attempts": list(reversed(attempts)),
        "state": state, "state_label": states.LABELS[state], "refusal": refusal, "form": form, "kind": kind,
    })


@require_GET
@participant_page
def attempt_file(request, pk: int):
    row = selectors.attempt_file_or_none(pk)
    if row is None:
        raise Http404("No such file.")
    if not permissions.owns_attempt(request.participant, row.attempt):
        raise Http404("No such file.")
    return private_file_response(row.file, download_name=row.file_name, content_type=row.content_type)


# --- the reflection journal ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@participant_page
def journal(request):
    participant = request.participant
    modules = selectors.modules_of(participant)
    form = EntryForm(request.POST or None, modules=modules)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_entry(participant=participant, actor=request.user, title=data["title"], body=data["body"],
                            shared_with=data["shared_with"])
        messages.success(request, "Your entry is saved." + (" The module lead can read it." if data["shared_with"]
                                                             else " It is private."))
        return redirect("coursework:journal:home")
    return render(request, "coursework/participant/journal.html", {
        "entries": selectors.journal_of(participant), "form": form,
    })


def _own_entry(request, pk) -> JournalEntry:
    entry = selectors.own_entry(request.participant, pk)
    if entry is None:
        raise Http404("No such entry.")
    return entry


@require_http_methods(["GET", "POST"])
@participant_page
def entry(request, pk: int):
    participant = request.participant
    found = _own_entry(request, pk)
    modules = selectors.modules_of(participant)
    initial = {"title": found.title, "body": found.body, "shared_with": found.shared_with_id or ""}
    form = EntryForm(request.POST or None, modules=modules, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_entry(participant=participant, actor=request.user, entry=found, title=data["title"],
                            body=data["body"], shared_with=data["shared_with"])
        messages.success(request, "Your entry is saved.")
        return redirect("coursework:journal:entry", pk=found.pk)
    return render(request, "coursework/participant/entry.html", {
        "entry": found, "form": form, "comments": selectors.comments_of(found),
    })


@require_POST
@participant_page
def entry_delete(request, pk: int):
    found = _own_entry(request, pk)
    services.delete_entry(entry=found, actor=request.user)
    messages.success(request, "Your entry is deleted.")
    return redirect("coursework:journal:home")
