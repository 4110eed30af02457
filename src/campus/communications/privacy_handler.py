"""What the outbox holds about a person, for subject access and erasure (registered in plugin.py)."""

from django.db.models import Q

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso, shown
from campus.core.scrub import anchored

from . import services
from .models import OutboxMessage

# The outbox states of messages the team decided to send (or sent). Drafts are the team's work in progress
# (a decision mail may be drafted before its decision is released) and cancelled ones were never sent:
# neither is in the person's download.
SENT_STATES = (OutboxMessage.State.QUEUED, OutboxMessage.State.SENT, OutboxMessage.State.FAILED)


def messages_to(subject):
    """Every outbox message to the person: to their account, or without an account to one of their confirmed
    addresses. A message to an account is that account's alone, whatever its address."""
    condition = Q(recipient=subject.user) if subject.user is not None else Q(pk__in=[])
    for email in subject.emails:
        condition |= Q(recipient__isnull=True, to_email__iexact=email)
    return OutboxMessage.objects.filter(condition).order_by("created_at", "id")


class OutboxHandler(PrivacyHandler):
    key, order = "communications", 40

    def holds_address(self, email):
        return OutboxMessage.objects.filter(recipient__isnull=True, to_email__iexact=email).exists()

    def export(self, person: Person):
        messages = [m for m in messages_to(person.subject) if m.state in SENT_STATES]
        person.add_targets(messages)
        return {"messages": [
            {"event": m.get_event_display(), "to": m.to_email, "subject": m.subject, "body": m.body,
             "state": m.get_state_display(), "queued_at": iso(m.queued_at), "sent_at": iso(m.sent_at)}
            for m in messages
        ]}, []

    def summary(self, subject):
        return {"messages": messages_to(subject).filter(state__in=SENT_STATES).count()}

    def plan(self, person: Person):
        own = list(messages_to(person.subject))
        person.add_targets(own)
        others = person.changed_by_scrubbing(
            OutboxMessage.objects.select_related("recipient").exclude(pk__in=[m.pk for m in own]),
            ("subject", "body", "error"))
        return {"own": own, "others": others}

    def describe(self, part, person):
        return [
            Section("Outbox messages to them", "queued ones cancelled; address, subject, text and error cleared",
                    [f"{shown(m.created_at)} to {m.to_email or '—'} ({m.get_state_display()}): {m.subject}"
                     for m in part["own"]], order=40),
            Section("Outbox messages to others that name them", "their name, address or organisation replaced",
                    [f"to {m.to_email} ({m.get_state_display()}): {m.subject}" for m in part["others"]], order=41),
        ]

    def erase(self, part, person):
        return services.cancel_and_clear_messages_of(
            own=[m.pk for m in part["own"]], others=[m.pk for m in part["others"]], rewrite=person.scrubbed,
            forget_key=lambda key: anchored(key, person.identifiers))
