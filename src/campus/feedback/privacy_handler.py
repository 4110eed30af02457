"""What the surveys app holds about a person, for subject access and erasure (registered in plugin.py): named
responses, completions ("has answered") and drafts. Anonymous responses are tied to nobody and stay."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, plural

from . import services
from .models import Completion, Draft, Response


def participant_ids(person: Person) -> list[int]:
    if person.user is None:
        return []
    from campus.cohort.models import Participant

    return list(Participant.objects.filter(user=person.user).values_list("pk", flat=True))


def _named(ids):
    return list(Response.objects.filter(participant_id__in=ids).select_related("survey").order_by("survey_id", "id"))


def _answers(survey, answers: dict) -> list:
    texts = {str(q.pk): q.text for q in survey.questions.all()}
    return [{"question": texts.get(key, key), "answer": value} for key, value in answers.items()]


class FeedbackHandler(PrivacyHandler):
    key, order = "feedback", 75  # before the cohort's (80), which deletes the participant rows
    notes = ("Answers to anonymous surveys are stored without any link to a person (no account, no time) and "
             "so cannot be part of this export.",)

    def export(self, person: Person):
        ids = participant_ids(person)
        named = _named(ids)
        completions = list(Completion.objects.filter(participant_id__in=ids).select_related("survey")
                           .order_by("survey__title", "survey_id"))
        drafts = list(Draft.objects.filter(participant_id__in=ids).select_related("survey").order_by("survey_id"))
        return {"surveys": {
            "answered": [{"survey": c.survey.title, "anonymous": c.survey.anonymous} for c in completions],
            "named_answers": [{"survey": r.survey.title, "answers": _answers(r.survey, r.answers)} for r in named],
            "saved_part_way": [{"survey": d.survey.title, "answers": _answers(d.survey, d.answers)} for d in drafts],
        }}, []

    def plan(self, person: Person):
        ids = participant_ids(person)
        return {"participants": ids, "named": _named(ids),
                "completions": Completion.objects.filter(participant_id__in=ids).count(),
                "drafts": Draft.objects.filter(participant_id__in=ids).count()}

    def describe(self, part, person):
        return [Section("Surveys", "named answers, “has answered” records and saved drafts deleted; anonymous "
                        "answers stay (they are tied to nobody)",
                        [f"named answers to “{r.survey.title}”" for r in part["named"]]
                        + ([plural(part["completions"], "“has answered” record")] if part["completions"] else [])
                        + ([plural(part["drafts"], "draft")] if part["drafts"] else []),
                        order=79)]

    def erase(self, part, person):
        return services.forget_person(participants=part["participants"])
