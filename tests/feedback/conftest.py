"""Fixtures of the surveys: the seed edition's participants, a manager, the lead of module 1 and the lead of
module 2, and surveys built through the services."""

import pytest
from django.contrib.auth import get_user_model

from campus.feedback import services
from campus.feedback.models import Question
from campus.programme.models import Module
from campus.team.models import Role, TeamMembership
from tests.cohort.conftest import make_participant


def make_staff(edition, email, role, module=None, given="Sam"):
    user = get_user_model().objects.create_user(email=email, password="a-long-password-1", given_name=given,
                                                family_name="Staff", full_name=f"{given} Staff")
    TeamMembership.objects.create(edition=edition, user=user, role=role, module=module)
    return user


def build_survey(edition, actor, *, module=None, anonymous=True, title="How was it?", open_it=True):
    survey = services.create_survey(edition=edition, actor=actor, module=module, title=title, anonymous=anonymous,
                                    intro="Tell us.")
    services.add_question(survey=survey, actor=actor, kind=Question.Kind.LIKERT, text="The module was useful")
    services.add_question(survey=survey, actor=actor, kind=Question.Kind.SINGLE, text="Best day",
                          choices="Day one\nDay two")
    services.add_question(survey=survey, actor=actor, kind=Question.Kind.MULTIPLE, text="What helped",
                          choices="Talks\nVisits\nPeers", required=False)
    services.add_question(survey=survey, actor=actor, kind=Question.Kind.TEXT, text="Anything else",
                          required=False)
    if open_it:
        survey = services.set_state(survey=survey, to="open", actor=actor)
    return survey


def answers_for(survey, *, likert=4, single="Day one", multiple=("Talks",), text=""):
    q = {question.kind: question.key for question in survey.questions.all()}
    answers = {q["likert"]: likert, q["single"]: single, q["multiple"]: list(multiple)}
    if text:
        answers[q["text"]] = text
    return answers


@pytest.fixture
def modules(seeded):
    return list(Module.objects.filter(edition=seeded).order_by("number"))


@pytest.fixture
def manager(seeded):
    return make_staff(seeded, "maria.manager@example.org", Role.MANAGER, given="Maria")


@pytest.fixture
def lead1(seeded, modules):
    return make_staff(seeded, "lea.lead@example.org", Role.MODULE_LEAD, module=modules[0], given="Lea")


@pytest.fixture
def lead2(seeded, modules):
    return make_staff(seeded, "leo.lead@example.org", Role.MODULE_LEAD, module=modules[1], given="Leo")


@pytest.fixture
def pia(seeded):
    return make_participant(seeded, "pia.participant@example.org", given="Pia")


@pytest.fixture
def olli(seeded):
    return make_participant(seeded, "olli.other@example.org", given="Olli", family="Other")
