"""Subject access and erasure of a participant's survey data: named answers, completions and drafts are
exported and deleted; anonymous answers are in no one's export and stay after an erasure."""

import io
import json
import zipfile

import pytest

from campus.feedback import services
from campus.feedback.models import Completion, Draft, Response
from campus.privacy import services as privacy
from campus.privacy.selectors import subject_for_user
from tests.privacy.conftest import make_privacy_officer

from .conftest import answers_for, build_survey

pytestmark = pytest.mark.django_db


def _prepare(seeded, manager, pia, olli):
    anonymous = build_survey(seeded, manager, anonymous=True, title="Anonymous survey")
    named = build_survey(seeded, manager, anonymous=False, title="Named survey")
    part_way = build_survey(seeded, manager, anonymous=False, title="Part-way survey")
    services.submit(survey=anonymous, participant=pia, answers=answers_for(anonymous, text="Anonymous words"))
    services.submit(survey=named, participant=pia, answers=answers_for(named, text="Named words"))
    services.submit(survey=named, participant=olli, answers=answers_for(named, text="Olli's words"))
    key = next(q.key for q in part_way.questions.all() if q.kind == "text")
    services.save_draft(survey=part_way, participant=pia, answers={key: "Draft words"})
    return anonymous, named


def test_the_export_holds_named_answers_completions_and_drafts_never_anonymous_answers(seeded, manager, pia, olli):
    _prepare(seeded, manager, pia, olli)
    content = privacy.export_personal_data(subject=subject_for_user(pia.user), actor=make_privacy_officer(),
                                           by="staff")
    data = json.loads(zipfile.ZipFile(io.BytesIO(content)).read("data.json"))
    surveys = data["surveys"]
    assert {row["survey"] for row in surveys["answered"]} == {"Anonymous survey", "Named survey"}
    text = json.dumps(surveys)
    assert "Named words" in text and "Draft words" in text
    assert "Anonymous words" not in json.dumps(data) and "Olli" not in text


def test_erasure_deletes_named_answers_completions_drafts_and_keeps_anonymous_answers(
        seeded, manager, pia, olli, django_capture_on_commit_callbacks):
    anonymous, named = _prepare(seeded, manager, pia, olli)
    with django_capture_on_commit_callbacks(execute=True):
        counts = privacy.erase_person(user=pia.user, actor=make_privacy_officer())
    assert counts["survey_responses"] == 1 and counts["survey_completions"] == 2 and counts["survey_drafts"] == 1
    assert not Completion.objects.filter(participant__user=pia.user).exists()
    assert not Draft.objects.exists()
    assert Response.objects.filter(survey=anonymous).count() == 1  # tied to nobody: stays
    assert list(Response.objects.filter(survey=named).values_list("participant", flat=True)) == [olli.pk]
