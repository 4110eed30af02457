"""What the cohort app holds about a person, for subject access and erasure (registered in plugin.py)."""

from django.db.models import Q

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso

from . import services
from .models import Participant


def participants_of(person: Person) -> list:
    if person.user is None:
        return []
    return list(Participant.objects.filter(Q(user=person.user) | Q(application__in=person.application_ids))
                .select_related("edition__programme", "application").order_by("created_at", "id"))


class CohortHandler(PrivacyHandler):
    key, order = "cohort", 80

    def export(self, person: Person):
        participants = participants_of(person)
        person.add_targets(participants)
        return {"participations": [
            {"edition": str(p.edition), "since": iso(p.created_at),
             "application": p.application.reference if p.application else None,
             "directory_shows_contact_details": p.show_contact,
             "calendar_feed": {"on": bool(p.feed_token), "since": iso(p.feed_token_at)}}
            for p in participants
        ]}, []

    def plan(self, person: Person):
        participants = participants_of(person)
        person.add_targets(participants)
        return participants

    def describe(self, part, person):
        return [Section("Participation", "deleted", [str(p.edition) for p in part], order=80)]

    def erase(self, part, person):
        return {"participants": services.remove_participant(participants=[p.pk for p in part])}

    def retained(self):
        """A participant's application is admitted: its documents outlive the retention period."""
        return {"applications": Participant.objects.filter(application__isnull=False).values("application_id")}
