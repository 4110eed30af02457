"""Reads about surveys that pages share (each a fixed number of queries, whatever the number of rows)."""

from django.db.models import Count, Exists, OuterRef, Q

from campus.cohort.models import Participant
from campus.programme.models import Module

from . import permissions, states
from .models import Completion, Draft, Question, Response, Survey


def surveys_for_staff(user):
    """The surveys ``user`` may see on the staff pages, with their number of questions and of answers."""
    editions, modules = permissions.visible_scope(user)
    return (Survey.objects.filter(Q(edition_id__in=editions) | Q(module_id__in=modules))
            .select_related("edition__programme", "module")
            .annotate(question_count=Count("questions", distinct=True),
                      answer_count=Count("completions", distinct=True))
            .order_by("-edition__application_deadline", "module__number", "title", "pk"))


def survey_for_staff(user, pk):
    return next(iter(surveys_for_staff(user).filter(pk=pk)), None)


def surveys_for_participant(participant):
    """The surveys of the participant's edition that are not drafts, each with ``answered`` and ``has_draft``."""
    return (Survey.objects.filter(edition_id=participant.edition_id)
            .exclude(state=states.DRAFT)
            .select_related("module")
            .annotate(answered=Exists(Completion.objects.filter(survey=OuterRef("pk"), participant=participant)),
                      has_draft=Exists(Draft.objects.filter(survey=OuterRef("pk"), participant=participant)))
            .order_by("module__number", "title", "pk"))


def draft_of(survey, participant) -> Draft | None:
    return Draft.objects.filter(survey=survey, participant=participant).first()


def own_answers(survey, participant, questions) -> list[tuple[str, str]]:
    """(question, answer) of ``participant``'s named response to ``survey`` (anonymous responses are tied to
    nobody: empty)."""
    response = Response.objects.filter(survey=survey, participant=participant).first()
    if response is None:
        return []
    shown = []
    for question in questions:
        value = response.answers.get(question.key)
        if isinstance(value, list):
            value = ", ".join(value)
        elif isinstance(value, int):
            value = f"{value} – {question.choice_list[value - 1]}"
        shown.append((question.text, value or "–"))
    return shown


def has_answered(survey, participant) -> bool:
    return Completion.objects.filter(survey=survey, participant=participant).exists()


def audience(survey):
    """The participants a survey asks: every participant of its edition whose account is open."""
    return Participant.objects.filter(edition_id=survey.edition_id, user__is_active=True)


def not_answered(survey):
    """Participants of ``survey``'s audience without a completion, with their accounts, by name."""
    done = Completion.objects.filter(survey=survey, participant=OuterRef("pk"))
    return (audience(survey).exclude(Exists(done)).select_related("user")
            .order_by("user__family_name", "user__given_name", "user__email"))


def answer_counts(survey) -> dict:
    """{"asked": n, "answered": n} for ``survey`` (one query)."""
    done = Completion.objects.filter(survey=survey, participant=OuterRef("pk"))
    row = audience(survey).aggregate(asked=Count("pk"), answered=Count("pk", filter=Q(Exists(done))))
    return {"asked": row["asked"], "answered": row["answered"], "missing": row["asked"] - row["answered"]}


def modules_of(edition_id):
    """The modules of an edition in order (a query set: the survey form's choices)."""
    return Module.objects.filter(edition_id=edition_id).order_by("number")


def question_or_none(pk) -> Question | None:
    return Question.objects.filter(pk=pk).first()


def survey_for_participant(participant, pk) -> Survey | None:
    """Survey ``pk`` of the participant's edition, once it is no longer a draft."""
    return (Survey.objects.filter(pk=pk, edition_id=participant.edition_id).exclude(state=states.DRAFT)
            .select_related("module").first())


def questions_of(survey) -> list[Question]:
    return list(survey.questions.order_by("order", "pk"))
