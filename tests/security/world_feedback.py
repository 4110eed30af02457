"""The surveys' objects in the security world (fixed primary keys, so the matrix can name redirect targets).

Another participant, Ruth, has answered every open survey (two more answered the anonymous one): the named survey of module 1 (led by "lead") with a
plain remark, the named survey of module 2 and the anonymous survey of the whole edition with the secret marker
(only managers and superusers may read those results; the lead of module 1 and the participant never). The
"participant" role has answered nothing. ``survey_draft`` is a draft of the whole edition with one question."""

from django.contrib.auth import get_user_model

from campus.cohort.models import Participant
from campus.feedback import services
from campus.feedback.models import Question, Survey
from campus.programme.models import Module

from .world import SECRET

M1, M2, ANON, DRAFT = 990001, 990002, 990003, 990004
DRAFT_QUESTION, M1_QUESTION = 990101, 990111


def extend(world) -> None:
    edition = world.call.edition
    first, second = Module.objects.filter(edition=edition).order_by("number")[:2]
    ruth = get_user_model().objects.create_user(email="ruth@example.org", password="a-long-password-1",
                                                full_name="Ruth Answerer")
    ruth_participant = Participant.objects.create(edition=edition, user=ruth)
    surveys = {
        M1: Survey.objects.create(pk=M1, edition=edition, module=first, anonymous=False, state="open",
                                  title="Module one feedback"),
        M2: Survey.objects.create(pk=M2, edition=edition, module=second, anonymous=False, state="open",
                                  title="Module two feedback"),
        ANON: Survey.objects.create(pk=ANON, edition=edition, anonymous=True, state="open", title="Edition feedback"),
        DRAFT: Survey.objects.create(pk=DRAFT, edition=edition, anonymous=True, state="draft", title="Next survey"),
    }
    for pk, survey in surveys.items():
        Question.objects.create(pk={M1: M1_QUESTION, DRAFT: DRAFT_QUESTION}.get(pk), survey=survey, order=1,
                                kind=Question.Kind.TEXT, text="What should we change?", required=True)
    texts = {M1: "More walks between sessions", M2: f"Module two {SECRET}", ANON: f"Edition {SECRET}"}
    for pk, text in texts.items():
        survey = surveys[pk]
        question = survey.questions.get()
        services.submit(survey=survey, participant=ruth_participant, answers={question.key: text})
    # an anonymous survey's answers are shown from three answers on: two more people answer it
    question = surveys[ANON].questions.get()
    for name in ("sven", "tove"):
        user = get_user_model().objects.create_user(email=f"{name}@example.org", password="a-long-password-1")
        services.submit(survey=surveys[ANON], participant=Participant.objects.create(edition=edition, user=user),
                        answers={question.key: "Fine as it is"})
    world.values.update(survey_m1=M1, survey_m2=M2, survey_anon=ANON, survey_draft=DRAFT,
                        draft_question=DRAFT_QUESTION, m1_question=M1_QUESTION)
