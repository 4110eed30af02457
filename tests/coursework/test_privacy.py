"""The privacy contract of coursework: a participant's attempts, files and journal are in their download and
go on erasure (the files from disk too); an erased module lead's comments and feedback stay without their name."""

import io
import json
import os
import zipfile

import pytest

from campus.coursework import services, states
from campus.coursework.models import Attempt, AttemptFile, JournalComment, JournalEntry
from campus.privacy import services as privacy
from campus.privacy.selectors import subject_for_user

from .conftest import detected

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(assignment, alice, lead1):
    attempt = services.submit_attempt(assignment=assignment, participant=alice, text="My answer",
                                      uploads=[detected("map.pdf")], actor=alice.user)
    services.decide(attempt=attempt, decision=states.ACCEPTED, feedback="Fine work", actor=lead1)
    entry = services.save_entry(participant=alice, actor=alice.user, title="Week one", body="Reflection",
                                shared_with=assignment.module)
    services.add_comment(entry=entry, author=lead1, body="Thanks")
    return attempt


def test_the_download_holds_attempts_files_and_journal(work, alice, manager):
    content = privacy.export_personal_data(subject=subject_for_user(alice.user), actor=manager, by="staff")
    archive = zipfile.ZipFile(io.BytesIO(content))
    data = json.loads(archive.read("data.json"))
    attempt = data["coursework_attempts"][0]
    assert attempt["text"] == "My answer" and attempt["feedback"] == "Fine work" and attempt["state"] == "accepted"
    assert attempt["files"][0] in archive.namelist()
    assert archive.read(attempt["files"][0]).startswith(b"%PDF")
    entry = data["reflection_journal"][0]
    assert entry["body"] == "Reflection" and entry["comments"][0]["body"] == "Thanks"


def test_erasure_removes_the_work_and_the_files(work, alice, manager, django_capture_on_commit_callbacks):
    path = AttemptFile.objects.get().file.path
    assert os.path.exists(path)
    with django_capture_on_commit_callbacks(execute=True):
        counts = privacy.erase_person(user=alice.user, actor=manager)
    assert counts["attempts"] == 1 and counts["attempt_files"] == 1 and counts["journal_entries"] == 1
    assert not Attempt.objects.exists() and not JournalEntry.objects.exists() and not JournalComment.objects.exists()
    assert not os.path.exists(path)


def test_erasing_the_lead_keeps_the_feedback_without_the_name(work, lead1, manager,
                                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase_person(user=lead1, actor=manager)
    work.refresh_from_db()
    assert work.feedback == "Fine work" and work.feedback_by is None
    assert JournalComment.objects.get().author is None
