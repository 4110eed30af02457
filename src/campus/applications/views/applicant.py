"""The applicant's pages under /apply/. Views stay thin: forms validate, services change state."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.accounts.mfa import staff_data
from campus.core.files import private_file_response
from campus.core.plugins import status as status_plugins
from campus.programme import selectors as programme_selectors
from campus.programme.letters import boss_letter_pdf

from .. import selectors, services
from ..forms import BossLetterForm, ConsentForm, DocumentForm, StepForm
from ..models import Application, Document
from ..permissions import can_view_application
from ..receipts import receipt_pdf
from ..states import APPLICANT_LABELS, EDITABLE

STEPS = selectors.STEPS
STEP_LABELS = selectors.STEP_LABELS


def _call(request):
    programme = programme_selectors.request_programme(request)
    edition = programme_selectors.current_edition(programme)
    call = selectors.current_call(edition)
    if call is None:
        raise Http404("There is no call for applications yet.")
    return call


def _own_application(request, call) -> Application | None:
    application = Application.objects.filter(call=call, applicant=request.user).first()
    if application is not None:
        application.call = call  # one Call instance per request: its questions are read once
    return application


def _progress(application, current, **read):
    done = selectors.step_status(application, **read)
    return [
        {"step": step, "label": STEP_LABELS[step], "done": done[step], "current": step == current,
         "number": index}
        for index, step in enumerate(STEPS, start=1)
    ]


@require_GET
def start(request):
    """The call: open or not, its dates, and the way in (sign up / sign in / continue)."""
    call = _call(request)
    application = _own_application(request, call) if request.user.is_authenticated else None
    context = {
        "call": call,
        "state": call.state(),
        "application": application,
        "requirements": list(call.edition.requirements.all()),
        "steps": [STEP_LABELS[s] for s in STEPS],
    }
    if application is not None:
        context["status_label"] = APPLICANT_LABELS[application.state]
    return render(request, "applications/start.html", context)


@login_required
@require_POST
def begin(request):
    call = _call(request)
    try:
        application = services.start_application(call=call, applicant=request.user)
    except services.ApplicationError as error:
        messages.error(request, str(error))
        return redirect("apply:start")
    if application.state not in EDITABLE:  # submitted or decided: nothing to continue, the status page says why
        return redirect("apply:status")
    step = selectors.resume_step(application)
    return redirect("apply:step", step=step) if step else redirect("apply:review")


def _editable_or_redirect(request, application):
    if application is None:
        return redirect("apply:start")
    if application.state not in EDITABLE:
        return redirect("apply:status")
    if timezone.now() >= application.deadline:
        messages.error(request, "The application deadline has passed; your answers can no longer be changed.")
        return redirect("apply:status")
    return None


def _mark_cv_needed(upload, documents) -> None:
    """Until a CV is stored, the CV upload is needed: its label shows the * and the input is `required`."""
    if upload is not None and upload.kind == "cv" and "cv" not in documents:
        upload.fields["file"].required_when_asked = True
        upload.fields["file"].widget.attrs["required"] = True


def _with_account_values(stored: dict, user) -> dict:
    """The stored answers; what the account already knows starts the fields not answered yet (the names typed
    at sign-up, the address)."""
    answers = dict(stored)
    for key, known in (("first_name", user.given_name), ("last_name", user.family_name), ("email", user.email)):
        if key not in answers and known:
            answers[key] = known
    return answers


@login_required
@require_http_methods(["GET", "POST"])
def step(request, step: str):
    if step not in STEPS:
        raise Http404("No such step.")
    call = _call(request)
    application = _own_application(request, call)
    blocked = _editable_or_redirect(request, application)
    if blocked:
        return blocked
    stored = selectors.answers_of(application)
    answers = _with_account_values(stored, request.user)
    questions = selectors.questions_for_step(call, step)
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = StepForm(data, questions=questions, edition=call.edition, answers=answers, call=call, prefix=None)
    documents = selectors.documents_of(application)
    upload = None
    if step in ("cv", "motivation"):
        kind = "cv" if step == "cv" else "letter"
        label = "Your CV" if kind == "cv" else "Or upload your letter"
        upload = DocumentForm(data, files, label=label, required=False, prefix=kind)
        upload.kind = kind
    consent = ConsentForm(data, version=call.privacy_version) if step == "consent" else None

    if request.method == "POST":
        forms_ok = form.is_valid()
        upload_ok = upload.is_valid() if upload is not None else True
        consent_ok = consent.is_valid() if consent is not None else True
        try:
            services.save_answers(application=application, step=step, values=form.values(), actor=request.user)
            if upload is not None and upload_ok and upload.cleaned_data.get("file"):
                services.save_document(
                    application=application, kind=upload.kind, detected=upload.detected,
                    content=upload.cleaned_data["file"], actor=request.user,
                )
                upload = DocumentForm(None, label=upload.fields["file"].label, required=False, prefix=upload.kind)
                upload.kind = "cv" if step == "cv" else "letter"
            if consent is not None and consent_ok:
                services.record_consent(application=application, version=call.privacy_version, actor=request.user)
        except services.ApplicationError as error:
            messages.error(request, str(error))
            return redirect("apply:status")
        documents = selectors.documents_of(application)
        if step == "cv" and "cv" not in documents and upload_ok and upload.is_bound:
            upload.add_error("file", "Please upload your CV (PDF, DOCX or ODT).")
            upload_ok = False
        if forms_ok and upload_ok and consent_ok:
            if request.POST.get("action") == "leave":
                messages.success(request, "Your draft is saved. Come back any time before the deadline to finish it.")
                return redirect("apply:status")
            index = STEPS.index(step)
            return redirect("apply:step", step=STEPS[index + 1]) if index + 1 < len(STEPS) else redirect("apply:review")
    index = STEPS.index(step)
    _mark_cv_needed(upload, documents)
    has_errors = bool(form.errors or (upload is not None and upload.errors) or (consent is not None and consent.errors))
    return render(
        request,
        "applications/step.html",
        {
            "call": call,
            "application": application,
            "step": step,
            "step_label": STEP_LABELS[step],
            "step_number": index + 1,
            # what was read above still holds for a GET; a refused POST saved some answers: read them again
            "progress": _progress(application, step, **({"answers": stored, "documents": documents}
                                                        if request.method == "GET" else {})),
            "form": form,
            "fields": [(form[key], form.dependency_of(key)) for key in form.fields],
            "upload": upload,
            "consent": consent,
            "documents": documents,
            "previous_step": STEPS[index - 1] if index > 0 else None,
            "has_errors": has_errors,
        },
        
    )


@login_required
@require_GET
def review(request):
    call = _call(request)
    application = _own_application(request, call)
    blocked = _editable_or_redirect(request, application)
    if blocked:
        return blocked
    answers = selectors.answers_of(application)
    documents = selectors.documents_of(application)
    return render(
        request,
        "applications/review.html",
        {
            "call": call,
            "application": application,
            "progress": _progress(application, None, answers=answers, documents=documents),
            "sections": _sections(call, answers),
            "documents": documents,
            "missing": selectors.missing_items(application, answers=answers, documents=documents),
            "reasons": application.eligibility_reasons,
        },
    )


def _sections(call, answers):
    sections = []
    for step in STEPS:
        items = [
            {"label": q.label, "display": selectors.display_value(q, answers.get(q.key), call.edition)}
            for q in selectors.questions_for_step(call, step)
            if selectors.is_asked(q, answers)
        ]
        sections.append({"step": step, "label": STEP_LABELS[step], "items": items})
    return sections


@login_required
@require_POST
def submit(request):
    call = _call(request)
    application = _own_application(request, call)
    if application is None:
        return redirect("apply:start")
    try:
        services.submit(application=application, actor=request.user)
    except services.ApplicationError as error:
        messages.error(request, str(error))
        return redirect("apply:review")
    return redirect("apply:status")


# What a withdrawn application no longer needs on its status page.
_MOOT_WHEN_WITHDRAWN = {"received", "next_steps", "call_dates", "boss_letter", "withdraw"}


def _shown_parts(application, page) -> dict[str, bool]:
    """Which of the page's own parts still make sense: not those a section replaced (a decision), not those a
    withdrawn application has no use for."""
    moot = page.moot | (_MOOT_WHEN_WITHDRAWN if application.state == Application.State.WITHDRAWN else set())
    return {part: part not in moot for part in status_plugins.PAGE_PARTS}


@login_required
@require_GET
def status(request):
    call = _call(request)
    application = _own_application(request, call)
    if application is None:
        return redirect("apply:start")
    page = status_plugins.page(request, application)
    labels = [section.label for section in page.sections if section.label]
    steps = {section.step for section in page.sections if section.step}
    documents = selectors.documents_of(application)
    draft = application.state == Application.State.DRAFT
    return render(
        request,
        "applications/status.html",
        {
            "call": call,
            "application": application,
            "label": labels[-1] if labels else APPLICANT_LABELS[application.state],
            "sections": page.sections,
            "show": _shown_parts(application, page),
            "steps_reached": steps,
            "editable": application.state in EDITABLE and timezone.now() < application.deadline,
            "resume_step": selectors.resume_step(application, documents=documents) if draft else None,
            "documents": documents,
            "reasons": application.eligibility_reasons,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request):
    call = _call(request)
    application = _own_application(request, call)
    if application is None or application.state == Application.State.WITHDRAWN:
        return redirect("apply:status" if application else "apply:start")
    if not _shown_parts(application, status_plugins.page(request, application))["withdraw"]:
        messages.info(request, "Your application has a decision and can no longer be withdrawn here. If something has changed, please write to the team.")
        return redirect("apply:status")
    if request.method == "POST":
        services.withdraw(application=application, actor=request.user)
        messages.success(request, "Your application is withdrawn.")
        return redirect("apply:status")
    return render(request, "applications/withdraw.html", {"call": call, "application": application})


@staff_data  # staff read CVs here: with the setting on, they need their second factor (accounts/mfa.py)
@login_required
@require_GET
def document(request, pk):
    document = get_object_or_404(Document.objects.select_related("application"), pk=pk)
    if not can_view_application(request.user, document.application):
        raise Http404("No such file.")
    return private_file_response(document.file, download_name=document.original_name, content_type=document.content_type)


@login_required
@require_POST
def remove_document(request, kind: str):
    call = _call(request)
    application = _own_application(request, call)
    blocked = _editable_or_redirect(request, application)
    if blocked:
        return blocked
    if kind not in Document.Kind.values:
        raise Http404("No such file.")
    services.remove_document(application=application, kind=kind, actor=request.user)
    return redirect("apply:step", step="cv" if kind == "cv" else "motivation")


@login_required
@require_GET
def receipt(request):
    """A PDF copy of the submitted application (the frozen snapshot)."""
    call = _call(request)
    application = _own_application(request, call)
    if application is None or not application.submitted_at:
        raise Http404("No submitted application.")
    return _pdf_response(receipt_pdf(application), f"application-{application.reference}.pdf")


@require_http_methods(["GET", "POST"])
def boss_letter(request):
    """The "convince your boss" letter: a short form (prefilled from the application), then the PDF."""
    call = _call(request)
    application = _own_application(request, call) if request.user.is_authenticated else None
    answers = selectors.answers_of(application) if application else {}
    initial = {
        "applicant_name": " ".join(filter(None, [answers.get("first_name"), answers.get("last_name")]))
        or (request.user.full_name if request.user.is_authenticated else ""),
        "role": answers.get("role") or "",
        "organisation": answers.get("organisation") or "",
    }
    form = BossLetterForm(request.POST if request.method == "POST" else None, initial=initial)  # an empty POST too
    if request.method == "POST" and form.is_valid():
        pdf = boss_letter_pdf(edition=call.edition, **form.cleaned_data)
        return _pdf_response(pdf, "convince-your-boss.pdf")
    return render(
        request, "applications/boss_letter.html", {"call": call, "form": form},
        
    )


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
