"""Surveys, as a part of an edition's clone (campus.core.plugins.clone; registered in plugin.py): each survey with
its questions, as a draft, its window moved; a module's survey goes to the copy of its module. No response,
completion or draft answer is copied."""

from __future__ import annotations

from django.conf import settings

from campus.core.plugins import clone
from campus.core.plugins.clone import PartPlan, duplicate
from campus.programme.models import Module

from .models import Question, Survey


def plan_surveys(source, shift) -> PartPlan:
    return PartPlan(key="surveys", label="Surveys", counts={
        "surveys": Survey.objects.filter(edition=source).count(),
        "survey questions": Question.objects.filter(survey__edition=source).count()})


def copy_surveys(source, target, shift, mapping) -> None:
    surveys = list(Survey.objects.filter(edition=source).select_related("module").order_by("pk"))
    made = []
    for survey in surveys:
        zone = survey.module.timezone if survey.module_id else settings.TIME_ZONE
        made.append(duplicate(survey, edition=target, module=mapping.get(Module, survey.module_id),
                              state=Survey.State.DRAFT, opens_at=shift.moment(survey.opens_at, zone),
                              closes_at=shift.moment(survey.closes_at, zone)))
    for old, new in zip(surveys, Survey.objects.bulk_create(made)):
        mapping.add(old, new)
    questions = list(Question.objects.filter(survey__edition=source).order_by("pk"))
    copies = Question.objects.bulk_create(duplicate(q, survey=mapping.get(Survey, q.survey_id)) for q in questions)
    for old, new in zip(questions, copies):
        mapping.add(old, new)


def register() -> None:
    clone.register(clone.Part(
        key="surveys", label="Surveys", order=90, owner="feedback", depends_on=("modules",),
        description="Every survey with its questions, as a draft (opened again by staff), its window moved.",
        plan=plan_surveys, copy=copy_surveys))
