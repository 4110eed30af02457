"""What signal scanning holds about a person: their signals, comments and votes (registered in plugin.py)."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, plural

from . import services
from .models import Comment, Signal, Vote


class ScanningHandler(PrivacyHandler):
    key, order = "scanning", 72

    def export(self, person: Person):
        if person.user is None:
            return {}, []
        user = person.user
        signals = list(Signal.objects.filter(owner=user).order_by("id"))
        comments = list(Comment.objects.filter(author=user).select_related("signal").order_by("id"))
        return {"signals": {
            "signals": [{"title": s.title, "seen": s.seen, "why": s.why, "source_url": s.source_url,
                         "state": s.state, "tags": s.tags} for s in signals],
            "comments": [{"signal": c.signal.title, "text": c.text} for c in comments],
            "votes": Vote.objects.filter(voter=user).count(),
        }}, []

    def plan(self, person: Person):
        if person.user is None:
            return None
        user = person.user
        return {"user": user, "signals": Signal.objects.filter(owner=user, owner_kind="participant").count(),
                "comments": Comment.objects.filter(author=user).count(),
                "votes": Vote.objects.filter(voter=user).count()}

    def describe(self, part, person):
        if not part:
            return []
        return [Section("Signals", "own signals deleted; comments and votes on others' signals deleted",
                        [plural(part["signals"], "signal"), plural(part["comments"], "comment"),
                         plural(part["votes"], "vote")], order=72)]

    def erase(self, part, person):
        if not part:
            return {}
        return services.forget_person(user=part["user"])
