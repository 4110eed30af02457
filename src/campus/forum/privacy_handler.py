"""What the forum holds about a person, for subject access and erasure (registered in plugin.py): their
registrations, by account or by one of their confirmed addresses (a guest's registration counts only once its
address was confirmed: an unconfirmed one may have been typed by someone else)."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso, shown

from . import services
from .models import Registration
from .selectors import registrations_of


def _of(subject):
    return registrations_of(user=subject.user, emails=subject.emails).filter(anonymised_at__isnull=True)


class ForumHandler(PrivacyHandler):
    key, order = "forum_registrations", 60

    def prepare(self, person: Person):
        person.facts["forum_registrations"] = list(_of(person.subject))
        person.add_targets(person.facts["forum_registrations"])

    def holds_address(self, email):
        return Registration.objects.filter(email__iexact=email, email_confirmed_at__isnull=False,
                                           anonymised_at__isnull=True).exists()

    def export(self, person: Person):
        return {"forum_registrations": [
            {"event": r.event.title, "event_dates": [iso(r.event.starts_on), iso(r.event.ends_on)],
             "state": r.get_state_display(), "name": r.name, "email": r.email, "organisation": r.organisation,
             "country": r.country.name if r.country else "", "role": r.role, "dietary_needs": r.dietary_needs,
             "accessibility_needs": r.accessibility_needs, "on_attendee_list": r.on_attendee_list,
             "registered_at": iso(r.created_at), "email_confirmed_at": iso(r.email_confirmed_at),
             "offer_expires_at": iso(r.offer_expires_at), "cancelled_at": iso(r.cancelled_at),
             "checked_in_at": iso(r.checked_in_at)}
            for r in person.facts["forum_registrations"]
        ]}, []

    def summary(self, subject):
        return {"forum_registrations": _of(subject).count()}

    def identifiers(self, person: Person):
        found = person.facts["forum_registrations"]
        return {r.name for r in found if r.name}, {r.organisation for r in found if r.organisation}

    def plan(self, person: Person):
        return person.facts["forum_registrations"]

    def describe(self, part, person):
        return [Section("Forum registrations", "active ones cancelled (the seat goes on); every personal detail "
                        "cleared; state and dates kept",
                        [f"{r.event.title}: {r.get_state_display()}, registered {shown(r.created_at)}" for r in part],
                        order=60)]

    def erase(self, part, person):
        return {"forum_registrations": services.anonymise(registrations=[r.pk for r in part])}

    def purge(self, *, now, dry_run, months_of, retained):
        # only what it did (the privacy app's summary lists the kinds that changed)
        return {kind: count for kind, count in services.purge_expired(now=now, dry_run=dry_run).items() if count}
