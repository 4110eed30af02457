"""What the test app plugs into the shared parts (campus.core.plugins): one of each kind."""

from datetime import timedelta

from django.utils.html import format_html

from django.urls import reverse

from campus.core.plugins import dashboard, jobs, mail, privacy, staff, status

from . import store
from .views import MAY_READ

SECTION = staff.register(staff.StaffSection(
    title="Field notes", url_name="field_notes:home", order=90, predicate=MAY_READ,
    description="Notes the module leads keep about the cohort's field trips.",
))

def notes_to_read(user, calls):
    """One item per call: the field notes kept so far (a count, a link to the section)."""
    return [dashboard.Item(call.pk, "Field notes to read", len(store.NOTES), reverse("field_notes:home"))
            for call in calls]


PANEL = dashboard.register(dashboard.Panel(key="field_notes", title="Field notes", order=90, predicate=MAY_READ,
                                           items=notes_to_read))

EVENT = mail.register(mail.MailEvent(
    key="field_note_shared", label="A field note was shared with you",
    placeholders={"note": "the text of the note"},
    default_subject="A field note for you", default_body="Dear {name},\n\n{note}\n",
))


class FieldNotesHandler(privacy.PrivacyHandler):
    key, order = "field_notes", 95

    def export(self, person):
        note = store.NOTES.get(getattr(person.user, "pk", None))
        return {"field_notes": [note] if note else []}, []

    def plan(self, person):
        return getattr(person.user, "pk", None)

    def describe(self, part, person):
        return [privacy.Section("Field notes", "deleted", [store.NOTES[part]] if part in store.NOTES else [],
                                order=95)]

    def erase(self, part, person):
        return {"field_notes": 1 if store.NOTES.pop(part, None) is not None else 0}


HANDLER = privacy.register(FieldNotesHandler())


def field_note_section(request, application):
    note = store.NOTES.get(application.applicant_id)
    if not note:
        return None
    return status.StatusSection(html=format_html("<section><h2>Your field note</h2><p>{}</p></section>", note),
                                order=95, key="field_notes")


status.register(field_note_section)


def count_run():
    store.RUNS.append("ran")
    return f"{len(store.RUNS)} runs"


jobs.register("field_notes.count", count_run, every=timedelta(hours=1))


def unregister_all() -> None:
    """Take every part off again (the app is installed for some tests only)."""
    staff.unregister(SECTION)
    dashboard.unregister(PANEL.key)
    mail.unregister(EVENT.key)
    privacy.unregister(HANDLER.key)
    status.unregister(field_note_section)
    jobs.unregister("field_notes.count")
