"""The participant's surveys (/me/surveys/): the list (open, answered, closed) and the form of one survey, with
the anonymity notice before the questions, "Save and continue later" and "Submit"."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from campus.cohort.access import participant_page

from .. import selectors, services, states
from ..forms import AnswerForm
from ..models import Survey


@require_GET
@participant_page
def survey_list(request):
    participant = request.participant
    rows = list(selectors.surveys_for_participant(participant))
    now = timezone.now()
    open_rows, upcoming, answered, closed = [], [], [], []
    for survey in rows:
        if survey.answered:
            answered.append(survey)
        elif services.is_answerable(survey, now):
            open_rows.append(survey)
        elif survey.state == states.OPEN and survey.opens_at and survey.opens_at > now:
            upcoming.append(survey)
        else:
            closed.append(survey)
    return render(request, "feedback/participant/list.html", {
        "open_surveys": open_rows, "upcoming": upcoming, "answered": answered, "closed": closed,
    })


def _survey_or_404(participant, pk) -> Survey:
    survey = selectors.survey_for_participant(participant, pk)
    if survey is None:
        raise Http404("No such survey.")
    return survey


@require_http_methods(["GET", "POST"])
@participant_page
def answer(request, pk: int):
    participant = request.participant
    survey = _survey_or_404(participant, pk)
    questions = selectors.questions_of(survey)
    answered = selectors.has_answered(survey, participant)
    answerable = services.is_answerable(survey) and not answered
    error = ""
    if request.method == "POST" and answerable:
        saving = "save" in request.POST
        form = AnswerForm(request.POST, questions=questions, complete=not saving)
        if form.is_valid():
            try:
                if saving:
                    services.save_draft(survey=survey, participant=participant, answers=form.answers())
                else:
                    services.submit(survey=survey, participant=participant, answers=form.answers())
            except services.SurveyError as refusal:
                error = str(refusal)
            else:
                if saving:
                    messages.success(request, "Your answers are saved. Come back to finish and submit them.")
                    return redirect("feedback:answer", pk=survey.pk)
                messages.success(request, "Thank you: your answers are submitted.")
                return redirect("feedback:list")
    elif request.method == "POST":
        error = ("You have already answered this survey: a survey is answered once." if answered
                 else "This survey is not open for answers.")
        form = None
    else:
        draft = selectors.draft_of(survey, participant) if answerable else None
        initial = {k: (str(v) if isinstance(v, int) else v) for k, v in (draft.answers if draft else {}).items()}
        form = AnswerForm(initial=initial, questions=questions) if answerable else None
    if form is None and answerable:
        form = AnswerForm(questions=questions)
    mine = selectors.own_answers(survey, participant, questions) if answered and not survey.anonymous else []
    return render(request, "feedback/participant/answer.html", {
        "own_answers": mine,
        "survey": survey, "form": form, "answered": answered, "answerable": answerable, "error": error,
        "form_error": bool(error), "label": states.PARTICIPANT_LABELS[survey.state],
        "has_draft": request.method == "GET" and answerable and bool(form.initial),
    }, status=200)
