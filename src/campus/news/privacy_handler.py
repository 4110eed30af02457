"""What the news app holds about a person, for subject access and erasure (registered in plugin.py): the
subscriptions of their confirmed addresses. The mails sent to them are the outbox's (communications' handler)."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso

from . import services
from .models import Subscriber


def subscribers_of(subject) -> list[Subscriber]:
    emails = [e.lower() for e in subject.emails]
    if not emails:
        return []
    return list(Subscriber.objects.filter(email__in=emails).prefetch_related("subscriptions__news_list")
                .order_by("email"))


class NewsHandler(PrivacyHandler):
    key, order = "news", 85

    def holds_address(self, email):
        return Subscriber.objects.filter(email=email.strip().lower()).exists()

    def export(self, person: Person):
        subscribers = subscribers_of(person.subject)
        person.add_targets(subscribers)
        return {"news": [
            {"email": s.email, "name": s.name, "signed_up_at": iso(s.created_at), "consent": s.consent_text,
             "lists": [{"list": sub.news_list.title, "since": iso(sub.created_at),
                        "confirmed_at": iso(sub.confirmed_at)} for sub in s.subscriptions.all()]}
            for s in subscribers
        ]}, []

    def summary(self, subject):
        count = len(subscribers_of(subject))
        return {"news_addresses": count} if count else {}

    def plan(self, person: Person):
        subscribers = subscribers_of(person.subject)
        person.add_targets(subscribers)
        return subscribers

    def describe(self, part, person):
        return [Section("News subscriptions", "the address and its lists deleted",
                        [f"{s.email}: " + ", ".join(sub.news_list.title for sub in s.subscriptions.all())
                         for s in part], order=85)]

    def erase(self, part, person):
        return {"news_addresses": services.erase(subscriber_ids=[s.pk for s in part])}

    def purge(self, *, now, dry_run, months_of, retained):
        # only what it did, as the other handlers (the privacy app's summary lists the kinds that changed)
        return {kind: count for kind, count in services.purge_unconfirmed(now=now, dry_run=dry_run).items() if count}
