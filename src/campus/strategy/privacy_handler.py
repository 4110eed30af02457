"""What the strategy workspace holds about a person, for subject access and erasure (registered in plugin.py).

Export: every strategy the person owns or made (their own or their coaching group's), whole (objectives, actions,
indicators, targets, check-ins), and every comment they wrote anywhere. Erasure (decided): their own strategies are
their work and are deleted; a coaching group's strategy stays, with the person removed as its maker and as the
maker of its check-ins; their comments are deleted (their words about someone's work)."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso
from campus.radars.sharing import OwnerKind

from . import selectors, services, transfer
from .models import Comment, Strategy

OWN = (OwnerKind.PARTICIPANT, OwnerKind.STAFF)


def strategies_of(user) -> list[Strategy]:
    if user is None:
        return []
    return list(Strategy.objects.filter(owner=user).select_related("edition", "group").order_by("created_at", "id"))


def _export(strategy: Strategy) -> dict:
    import json

    whole = json.loads(transfer.to_json(selectors.whole(strategy)))
    whole.update(owner=strategy.get_owner_kind_display(), visibility=strategy.get_visibility_display(),
                 shared_with_leads=strategy.shared_with_leads, public_link=bool(strategy.public_token),
                 cohort=str(strategy.edition), made_at=iso(strategy.created_at))
    return whole


class StrategyHandler(PrivacyHandler):
    key, order = "strategy", 84

    def export(self, person: Person):
        comments = (Comment.objects.filter(author=person.user).select_related("strategy", "objective")
                    .order_by("created_at", "id") if person.user is not None else [])
        return {"strategies": [_export(s) for s in strategies_of(person.user)],
                "strategy_comments": [{"strategy": c.strategy.cluster_name,
                                       "objective": c.objective.title if c.objective_id else None,
                                       "text": c.text, "written_at": iso(c.created_at)} for c in comments]}, []

    def summary(self, subject) -> dict:
        user = getattr(subject, "user", None)
        return {"strategies": Strategy.objects.filter(owner=user).count()} if user is not None else {}

    def plan(self, person: Person):
        strategies = strategies_of(person.user)
        comments = Comment.objects.filter(author=person.user).count() if person.user is not None else 0
        return {"delete": [s for s in strategies if s.owner_kind in OWN],
                "keep": [s for s in strategies if s.owner_kind not in OWN], "comments": comments}

    def describe(self, part, person: Person):
        rows = ([f"deleted: {s.cluster_name}" for s in part["delete"]]
                + [f"kept without its maker: {s.cluster_name}" for s in part["keep"]])
        if part["comments"]:
            rows.append(f"comments deleted: {part['comments']}")
        return [Section("Cluster strategies", "their own strategies and their comments deleted; a coaching group's "
                        "strategy kept without them", rows, order=84)]

    def erase(self, part, person: Person) -> dict:
        if person.user is None:
            return {}
        return services.erase_owner(user=person.user, delete=[s.pk for s in part["delete"]],
                                    keep=[s.pk for s in part["keep"]])
