"""What the programme app holds about a person, for subject access and erasure (registered in plugin.py): the
messages they sent through the contact form, with any of their confirmed addresses."""

from django.db.models import Q

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso, shown

from . import services
from .models import ContactMessage


def contact_messages_of(subject):
    if not subject.emails:
        return ContactMessage.objects.none()
    condition = Q()
    for email in subject.emails:
        condition |= Q(email__iexact=email)
    return ContactMessage.objects.filter(condition).order_by("created_at", "id")


class ContactHandler(PrivacyHandler):
    key, order = "contact_messages", 30

    def prepare(self, person: Person):
        person.facts["contact_messages"] = list(contact_messages_of(person.subject))
        person.add_targets(person.facts["contact_messages"], admin_log=True)

    def holds_address(self, email):
        return ContactMessage.objects.filter(email__iexact=email).exists()

    def export(self, person: Person):
        return {"contact_messages": [
            {"sent_at": iso(c.created_at), "name": c.name, "email": c.email, "organisation": c.organisation,
             "topic": c.get_topic_display(), "message": c.message, "status": c.get_status_display(),
             "team_note": c.staff_note}
            for c in person.facts["contact_messages"]
        ]}, []

    def summary(self, subject):
        return {"contact_messages": contact_messages_of(subject).count()}

    def identifiers(self, person: Person):
        contacts = person.facts["contact_messages"]
        return {c.name for c in contacts}, {c.organisation for c in contacts}

    def plan(self, person: Person):
        return person.facts["contact_messages"]

    def describe(self, part, person):
        return [Section("Contact messages", "name, address, organisation, text and note cleared",
                        [f"{shown(c.created_at)}: {c.get_topic_display()}, from {c.email}" for c in part], order=30)]

    def erase(self, part, person):
        return {"contact_messages": services.clear_contact_messages(messages=[c.pk for c in part])}
