"""Staff pages of surveys under /staff/feedback/: the list and the builder (managers of the edition).

Signed-in people without the manager or module-lead role get a 404; a survey outside what ``user`` may see is
a 404; a module lead asking for a manager's action on a survey they may see gets a 403. Pages are never cached.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.core.access import staff_page
from campus.team.permissions import Role, edition_ids_with_role
from campus.team.selectors import edition_chosen, editions_managed_by

from .. import permissions, selectors, services, states
from ..forms import QuestionForm, SurveyForm
from ..models import Question

guarded = staff_page(permissions.can_use_surveys)


def survey_or_404(request, pk):
    survey = selectors.survey_for_staff(request.user, pk)
    if survey is None:
        raise Http404("No such survey.")
    return survey


def managed_survey_or_403(request, pk):
    survey = survey_or_404(request, pk)
    if not permissions.can_manage(request.user, survey.edition_id):
        raise PermissionDenied("Only a programme manager of this edition may do that.")
    return survey


@require_GET
@guarded
def home(request):
    surveys = list(selectors.surveys_for_staff(request.user))
    managed = edition_ids_with_role(request.user, Role.MANAGER)
    for survey in surveys:
        survey.can_manage = survey.edition_id in managed
        survey.state_label = states.STAFF_LABELS[survey.state]
    return render(request, "feedback/staff/home.html", {"surveys": surveys, "can_create": bool(managed)})


def _edition_for_new(request):
    edition = edition_chosen(editions_managed_by(request.user), request.GET.get("edition"))
    if edition is None:
        raise Http404("No edition you manage.")
    return edition


@require_http_methods(["GET", "POST"])
@guarded
def survey_new(request):
    edition = _edition_for_new(request)
    modules = selectors.modules_of(edition.pk)
    form = SurveyForm(request.POST or None, modules=modules, initial={"anonymous": "yes"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            survey = services.create_survey(
                edition=edition, actor=request.user, module=data["module"], title=data["title"], intro=data["intro"],
                anonymous=data["anonymous"], opens_at=data["opens_at"], closes_at=data["closes_at"])
        except services.SurveyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The survey is created. Add its questions, then open it.")
            return redirect("staff_feedback:survey", pk=survey.pk)
    return render(request, "feedback/staff/survey_form.html", {"form": form, "edition": edition, "survey": None})


@require_http_methods(["GET", "POST"])
@guarded
def survey_edit(request, pk: int):
    survey = managed_survey_or_403(request, pk)
    modules = selectors.modules_of(survey.edition_id)
    locked = survey.state != states.DRAFT
    form = SurveyForm(request.POST or None, modules=modules, locked=locked, initial=SurveyForm.initial_for(survey))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {name: data[name] for name in ("title", "intro", "opens_at", "closes_at")}
        if not locked:
            values.update(module=data["module"], anonymous=data["anonymous"])
        try:
            services.update_survey(survey=survey, actor=request.user, **values)
        except services.SurveyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The survey is saved.")
            return redirect("staff_feedback:survey", pk=survey.pk)
    return render(request, "feedback/staff/survey_form.html", {"form": form, "edition": survey.edition,
                                                                "survey": survey})


@require_GET
@guarded
def builder(request, pk: int):
    survey = survey_or_404(request, pk)
    if not permissions.can_manage(request.user, survey.edition_id):
        return redirect("staff_feedback:results", pk=survey.pk)
    questions = selectors.questions_of(survey)
    return render(request, "feedback/staff/builder.html", {
        "survey": survey, "questions": questions, "editable": survey.state == states.DRAFT,
        "state_label": states.STAFF_LABELS[survey.state], "next_states": sorted(states.ALLOWED[survey.state]),
        "question_form": QuestionForm(initial={"required": True, "kind": Question.Kind.LIKERT}),
        "counts": selectors.answer_counts(survey),
    })


def _question_or_404(request, pk):
    question = selectors.question_or_none(pk)
    if question is None:
        raise Http404("No such question.")
    survey = managed_survey_or_403(request, question.survey_id)
    question.survey = survey
    return question


@require_http_methods(["GET", "POST"])
@guarded
def question_new(request, pk: int):
    survey = managed_survey_or_403(request, pk)
    form = QuestionForm(request.POST or None, initial={"required": True, "kind": Question.Kind.LIKERT})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_question(survey=survey, actor=request.user, **form.cleaned_data)
        except services.SurveyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The question is added.")
            return redirect("staff_feedback:survey", pk=survey.pk)
    return render(request, "feedback/staff/question_form.html", {"form": form, "survey": survey, "question": None})


@require_http_methods(["GET", "POST"])
@guarded
def question_edit(request, pk: int):
    question = _question_or_404(request, pk)
    initial = {"text": question.text, "kind": question.kind, "help_text": question.help_text,
               "choices": question.choices, "required": question.required}
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_question(question=question, actor=request.user, **form.cleaned_data)
        except services.SurveyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The question is saved.")
            return redirect("staff_feedback:survey", pk=question.survey_id)
    return render(request, "feedback/staff/question_form.html",
                  {"form": form, "survey": question.survey, "question": question})


@require_POST
@guarded
def question_delete(request, pk: int):
    question = _question_or_404(request, pk)
    try:
        services.delete_question(question=question, actor=request.user)
    except services.SurveyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The question is deleted.")
    return redirect("staff_feedback:survey", pk=question.survey_id)


@require_POST
@guarded
def question_move(request, pk: int):
    question = _question_or_404(request, pk)
    try:
        services.move_question(question=question, actor=request.user, up=request.POST.get("direction") == "up")
    except services.SurveyError as error:
        messages.error(request, str(error))
    return redirect("staff_feedback:survey", pk=question.survey_id)


@require_POST
@guarded
def survey_state(request, pk: int):
    survey = managed_survey_or_403(request, pk)
    to = request.POST.get("to", "")
    try:
        services.set_state(survey=survey, to=to, actor=request.user)
    except (states.TransitionNotAllowed, services.SurveyError) as error:
        messages.error(request, error.messages[0] if hasattr(error, "messages") else str(error))
    else:
        messages.success(request, {"open": "The survey is open: participants can answer it now.",
                                   "closed": "The survey is closed."}.get(to, "Done."))
    return redirect("staff_feedback:survey", pk=survey.pk)


@require_POST
@guarded
def survey_delete(request, pk: int):
    survey = managed_survey_or_403(request, pk)
    try:
        services.delete_survey(survey=survey, actor=request.user)
    except services.SurveyError as error:
        messages.error(request, str(error))
        return redirect("staff_feedback:survey", pk=survey.pk)
    messages.success(request, f"The survey “{survey.title}” is deleted.")
    return redirect("staff_feedback:home")
