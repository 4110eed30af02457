"""The services of surveys: building while draft, answered once, drafts saved and restored, anonymity (no user
key, no time, no order that follows the answering), reminders through the outbox to non-answerers only."""

import pytest
from django.db import models

from campus.communications.models import OutboxMessage
from campus.core.models import ActivityLog
from campus.feedback import results, selectors, services, states
from campus.feedback.models import Completion, Draft, Question, Response, Survey
from tests.cohort.conftest import make_participant

from .conftest import answers_for, build_survey

pytestmark = pytest.mark.django_db


def test_questions_change_only_while_the_survey_is_a_draft(seeded, manager):
    survey = build_survey(seeded, manager, open_it=False)
    first = survey.questions.order_by("order").first()
    services.move_question(question=first, actor=manager, up=False)
    assert [q.text for q in survey.questions.order_by("order")][:2] == ["Best day", "The module was useful"]
    services.set_state(survey=survey, to="open", actor=manager)
    with pytest.raises(services.SurveyError):
        services.add_question(survey=survey, actor=manager, kind=Question.Kind.TEXT, text="Late")
    with pytest.raises(services.SurveyError):
        services.delete_question(question=first, actor=manager)
    with pytest.raises(services.SurveyError):
        services.update_survey(survey=survey, actor=manager, anonymous=False)


def test_choices_are_required_for_choice_questions(seeded, manager):
    survey = build_survey(seeded, manager, open_it=False)
    with pytest.raises(services.SurveyError):
        services.add_question(survey=survey, actor=manager, kind=Question.Kind.SINGLE, text="Pick", choices="Only")


def test_the_state_machine(seeded, manager):
    survey = services.create_survey(edition=seeded, actor=manager, title="Empty")
    with pytest.raises(states.TransitionNotAllowed):
        services.set_state(survey=survey, to="open", actor=manager)  # no question yet
    survey = build_survey(seeded, manager, open_it=False)
    with pytest.raises(states.TransitionNotAllowed):
        services.set_state(survey=survey, to="closed", actor=manager)
    services.set_state(survey=survey, to="open", actor=manager)
    services.set_state(survey=survey, to="closed", actor=manager)
    services.set_state(survey=survey, to="open", actor=manager)
    assert set(states.PARTICIPANT_LABELS) == set(states.ALLOWED) == set(Survey.State.values)


def test_a_survey_is_answered_once(seeded, manager, pia):
    survey = build_survey(seeded, manager)
    services.submit(survey=survey, participant=pia, answers=answers_for(survey))
    with pytest.raises(services.SurveyError, match="answered once"):
        services.submit(survey=survey, participant=pia, answers=answers_for(survey, likert=1))
    with pytest.raises(services.SurveyError):
        services.save_draft(survey=survey, participant=pia, answers={})
    assert Response.objects.filter(survey=survey).count() == 1
    assert Completion.objects.filter(survey=survey).count() == 1


def test_a_closed_survey_takes_no_answers_and_the_state_is_read_again_inside_the_transaction(seeded, manager, pia):
    survey = build_survey(seeded, manager)
    stale = Survey.objects.get(pk=survey.pk)
    services.set_state(survey=survey, to="closed", actor=manager)
    assert stale.state == "open"
    with pytest.raises(services.SurveyError, match="not open"):
        services.submit(survey=stale, participant=pia, answers=answers_for(survey))
    assert not Response.objects.exists()


def test_required_questions_must_be_answered(seeded, manager, pia):
    survey = build_survey(seeded, manager)
    with pytest.raises(services.SurveyError, match="required"):
        services.submit(survey=survey, participant=pia, answers={})
    assert not Completion.objects.exists()


def test_a_draft_is_saved_restored_and_deleted_on_submit(seeded, manager, pia):
    survey = build_survey(seeded, manager)
    keys = {q.kind: q.key for q in survey.questions.all()}
    services.save_draft(survey=survey, participant=pia, answers={keys["likert"]: 2, keys["text"]: "So far"})
    services.save_draft(survey=survey, participant=pia, answers={keys["likert"]: 3, keys["text"]: "So far, more"})
    draft = selectors.draft_of(survey, pia)
    assert draft.answers == {keys["likert"]: 3, keys["text"]: "So far, more"}
    assert Draft.objects.count() == 1
    services.submit(survey=survey, participant=pia, answers=answers_for(survey, likert=3, text="So far, more"))
    assert not Draft.objects.exists()


def test_invalid_values_are_dropped(seeded, manager, pia):
    survey = build_survey(seeded, manager)
    keys = {q.kind: q.key for q in survey.questions.all()}
    draft = services.save_draft(survey=survey, participant=pia, answers={
        keys["likert"]: 9, keys["single"]: "Day nine", keys["multiple"]: ["Talks", "=HACK()"], "999": "x"})
    assert draft.answers == {keys["multiple"]: ["Talks"]}


def test_an_anonymous_response_holds_no_person_and_no_time(seeded, manager, pia):
    survey = build_survey(seeded, manager, anonymous=True)
    services.submit(survey=survey, participant=pia, answers=answers_for(survey, text="Honest words"))
    response = Response.objects.get()
    assert response.participant_id is None
    field_types = {type(field) for field in Response._meta.get_fields()}
    assert not field_types & {models.DateTimeField, models.DateField, models.TimeField}
    assert not any(isinstance(f, models.ForeignKey) and f.related_model._meta.label == "accounts.User"
                   for f in Response._meta.get_fields())
    assert not {type(f) for f in Completion._meta.get_fields()} & {models.DateTimeField, models.DateField}
    # the activity log says nothing that ties a person to an anonymous survey's answering
    assert not ActivityLog.objects.filter(action="feedback.answered").exists()
    assert "Honest words" not in str(list(ActivityLog.objects.values_list("data", flat=True)))


def test_the_order_of_anonymous_results_does_not_follow_the_order_of_answering(seeded, manager):
    survey = build_survey(seeded, manager, anonymous=True)
    words = [f"word {chr(ord('z') - n)}" for n in range(12)]  # answered in reverse alphabetical order
    for n, word in enumerate(words):
        person = make_participant(seeded, f"p{n}@example.org", given=f"P{n}")
        services.submit(survey=survey, participant=person, answers=answers_for(survey, text=word))
    texts = [text for text, _name in results.results(survey)["questions"][3].texts]
    assert texts == sorted(words)  # by value, never in the order given
    from campus.feedback import exports

    header, body = exports.rows(survey)
    assert "Name" not in header and "Email" not in header
    assert body == sorted(body)


def test_a_named_response_keeps_the_participant(seeded, manager, pia):
    survey = build_survey(seeded, manager, anonymous=False)
    services.submit(survey=survey, participant=pia, answers=answers_for(survey))
    assert Response.objects.get().participant == pia
    assert ActivityLog.objects.filter(action="feedback.answered").count() == 1


def test_a_reminder_of_a_named_survey_goes_to_those_who_have_not_answered_once_a_day(
        seeded, manager, pia, olli, django_capture_on_commit_callbacks):
    survey = build_survey(seeded, manager, anonymous=False)
    services.submit(survey=survey, participant=pia, answers=answers_for(survey))
    with django_capture_on_commit_callbacks(execute=False):
        count = services.remind(survey=survey, actor=manager, survey_url="https://campus.example/me/surveys/1/")
        again = services.remind(survey=survey, actor=manager, survey_url="https://campus.example/me/surveys/1/")
    assert count == again == 1
    messages = list(OutboxMessage.objects.filter(event="survey_reminder"))
    assert [m.recipient for m in messages] == [olli.user]
    assert survey.title in messages[0].subject
    assert "you have not answered it yet" in messages[0].body and "named" in messages[0].body


def test_a_reminder_of_an_anonymous_survey_goes_to_everyone_so_the_outbox_does_not_tell_who_answered(
        seeded, manager, pia, olli, django_capture_on_commit_callbacks):
    survey = build_survey(seeded, manager, anonymous=True)
    services.submit(survey=survey, participant=pia, answers=answers_for(survey))
    with django_capture_on_commit_callbacks(execute=False):
        count = services.remind(survey=survey, actor=manager, survey_url="https://campus.example/me/surveys/1/")
    messages = list(OutboxMessage.objects.filter(event="survey_reminder"))
    assert count == len(messages) >= 2
    assert {pia.user, olli.user} <= {m.recipient for m in messages}  # Pia answered and is reminded all the same
    assert len({m.body.split("\n", 1)[1] for m in messages}) == 1  # after "Dear …,": one text for all
    assert "if you have answered already, thank you" in messages[0].body
    assert "you have not answered it yet" not in messages[0].body


def test_results_count_and_percent(seeded, manager, pia, olli):
    survey = build_survey(seeded, manager, anonymous=False)
    services.submit(survey=survey, participant=pia, answers=answers_for(survey, likert=5, multiple=("Talks", "Peers")))
    services.submit(survey=survey, participant=olli, answers=answers_for(survey, likert=3, single="Day two",
                                                                         multiple=()))
    found = results.results(survey)
    likert, single, multiple, text = found["questions"]
    assert likert.mean == 4.0 and [b.count for b in likert.bars] == [0, 0, 1, 0, 1]
    assert [(b.count, round(b.percent)) for b in single.bars] == [(1, 50), (1, 50)]
    assert multiple.answered == 1 and [b.count for b in multiple.bars] == [1, 0, 1]
    assert found["answered"] == 2 and found["responses"] == 2


def test_an_anonymous_survey_shows_no_answers_until_three_have_answered(seeded, manager, pia, olli):
    from campus.feedback import exports

    survey = build_survey(seeded, manager, anonymous=True)
    services.submit(survey=survey, participant=pia, answers=answers_for(survey, text="Only mine"))
    services.submit(survey=survey, participant=olli, answers=answers_for(survey, text="And mine"))
    found = results.results(survey)
    assert found["withheld"] and found["answered"] == 2
    assert all(not q.bars and not q.texts for q in found["questions"])
    assert exports.rows(survey)[1] == []
    third = make_participant(seeded, "third@example.org", given="Thea")
    services.submit(survey=survey, participant=third, answers=answers_for(survey, text="Third"))
    found = results.results(survey)
    assert not found["withheld"] and len(found["questions"][3].texts) == 3
    assert len(exports.rows(survey)[1]) == 3


def test_one_more_anonymous_answer_never_shows_as_a_difference_in_the_results(seeded, manager):
    """Reading the results (and the export) before and right after one more answer must not reveal that answer:
    answers are released three at a time, so the fourth and fifth answers change nothing that is shown, and the
    sixth releases three answers at once (whose difference mixes three people). Closing and reopening the survey
    does not release a part-batch either."""
    from campus.feedback import exports

    survey = build_survey(seeded, manager, anonymous=True)
    people = [make_participant(seeded, f"p{i}@example.org", given=f"P{i}") for i in range(7)]

    def shown():
        found = results.results(survey)
        return sorted(found["questions"][3].texts), sorted(exports.rows(survey)[1]), found["waiting"]

    for i in range(3):
        services.submit(survey=survey, participant=people[i], answers=answers_for(survey, text=f"Answer {i}"))
    first_batch = shown()
    assert len(first_batch[0]) == 3 and first_batch[2] == 0
    services.submit(survey=survey, participant=people[3], answers=answers_for(survey, text="Fourth, alone"))
    assert shown()[:2] == first_batch[:2] and shown()[2] == 1  # nothing new shown: only a count that waits
    services.set_state(survey=survey, to=states.CLOSED, actor=manager)
    assert shown()[:2] == first_batch[:2]
    services.set_state(survey=survey, to=states.OPEN, actor=manager)
    services.submit(survey=survey, participant=people[4], answers=answers_for(survey, text="Fifth, alone"))
    assert shown()[:2] == first_batch[:2] and shown()[2] == 2
    services.submit(survey=survey, participant=people[5], answers=answers_for(survey, text="Sixth"))
    texts, rows, waiting = shown()
    assert waiting == 0 and len(texts) == 6 and len(rows) == 6
    assert {"Fourth, alone", "Fifth, alone", "Sixth"} <= {text for text, _name in texts}
    services.submit(survey=survey, participant=people[6], answers=answers_for(survey, text="Seventh"))
    assert shown()[:2] == (texts, rows)
    assert Response.objects.filter(survey=survey, released=False).count() == 1
