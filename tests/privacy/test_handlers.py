"""The plug-in contract for privacy (issue 10): an app that registers a privacy handler is in the person's
download, on the staff's approval page and in the erasure, without the privacy app naming it.

A fake app's handler ("field notes": a note per person, and a file) is registered in a fixture and removed
after; the privacy app imports nothing of any app but core and accounts (checked on its source)."""

import json
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from campus.core.models import ActivityLog
from campus.core.plugins import privacy as plugins
from campus.privacy.models import ErasureRequest

from .test_access import archive_of

pytestmark = pytest.mark.django_db

NOTE = "Aino Virtanen asked about the field trip to Vaasa (fieldnote-7)."


class FieldNotes(plugins.PrivacyHandler):
    """A fake app: it holds one note about every person with an account, and a file."""

    key, order = "field_notes", 55
    notes = ("Field notes are kept until the end of the edition.",)

    def __init__(self):
        self.calls: list[tuple] = []
        self.notes_of: dict[int, str] = {}

    def prepare(self, person):
        person.facts["field_notes"] = self.notes_of.get(getattr(person.user, "pk", None))

    def export(self, person):
        note = person.facts["field_notes"]
        if note is None:
            return {"field_notes": []}, []
        return {"field_notes": [{"note": note}]}, [("field-notes/note.txt", ContentFile(note.encode()))]

    def summary(self, subject):
        return {"field_notes": 1 if subject.user is not None and subject.user.pk in self.notes_of else 0}

    def plan(self, person):
        return {"user": person.user.pk, "note": person.facts["field_notes"]}

    def describe(self, part, person):
        return [plugins.Section("Field notes", "deleted", [part["note"] or "—"], order=85)]

    def erase(self, part, person):
        self.calls.append(("erase", part, person.actor))
        self.notes_of.pop(part["user"], None)
        return {"field_notes": 1}


@pytest.fixture
def field_notes(aino):
    handler = FieldNotes()
    handler.notes_of[aino.user.pk] = NOTE
    plugins.register(handler)
    yield handler
    plugins.unregister(handler.key)
    assert handler.key not in [h.key for h in plugins.handlers()]


def test_a_registered_handler_is_in_the_export_zip(aino, field_notes):
    archive = archive_of(aino.client.get("/my-data/download.zip"))
    assert archive.read("field-notes/note.txt").decode() == NOTE
    data = json.loads(archive.read("data.json"))
    assert data["field_notes"] == [{"note": NOTE}]
    assert "Field notes are kept until the end of the edition." in data["notes"]
    # the apps' own sections are still there, next to it
    assert data["applications"][0]["reference"] == aino.application.reference


def test_a_registered_handler_is_on_the_approval_page_and_called_on_erasure(
    aino, field_notes, officer, officer_client, django_capture_on_commit_callbacks
):
    aino.client.post("/my-data/erase/", {"reason": "", "confirm": "on"})
    request = ErasureRequest.objects.get(user=aino.user)
    page = officer_client.get(f"/staff/privacy/erasure/{request.pk}/").content.decode()
    assert "Field notes (1)" in page and "fieldnote-7" in page
    assert field_notes.calls == []  # planning changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(f"/staff/privacy/erasure/{request.pk}/", {"decision": "approve", "note": ""})
    (call,) = field_notes.calls
    assert call == ("erase", {"user": aino.user.pk, "note": NOTE}, officer)
    assert field_notes.notes_of == {}
    assert ActivityLog.objects.get(action="privacy.erased").data["field_notes"] == 1


def test_without_the_handler_nothing_of_it_is_left(aino):
    archive = archive_of(aino.client.get("/my-data/download.zip"))
    assert "field_notes" not in json.loads(archive.read("data.json"))
    assert "field-notes/note.txt" not in archive.namelist()


def test_the_privacy_app_names_no_app_above_accounts():
    """Privacy loops over the handlers: its code imports only core and accounts (and itself)."""
    root = Path(__file__).resolve().parents[2] / "src" / "campus" / "privacy"
    imported = {
        match for path in root.rglob("*.py")
        for match in re.findall(r"^\s*(?:from|import) campus\.(\w+)", path.read_text(), re.MULTILINE)
    }
    assert imported <= {"core", "accounts", "privacy"}, imported
