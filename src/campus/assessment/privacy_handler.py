"""What the assessment boards hold about a person: their boards, cards and scores (registered in plugin.py)."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, plural

from . import services
from .models import Board, Card, Score


class AssessmentHandler(PrivacyHandler):
    key, order = "assessment", 74

    def export(self, person: Person):
        if person.user is None:
            return {}, []
        user = person.user
        boards = list(Board.objects.filter(owner=user).order_by("id"))
        cards = list(Card.objects.filter(owner=user).prefetch_related("linked_signals").order_by("id"))
        scores = list(Score.objects.filter(scorer=user).select_related("card", "criterion").order_by("id"))
        if not (boards or cards or scores):
            return {}, []
        return {"assessment": {
            "boards": [{"title": b.title, "description": b.description} for b in boards],
            "cards": [{"title": c.title, "description": c.description, "trl": c.trl,
                       "trl_evidence": c.trl_evidence, "decision": c.decision, "rationale": c.rationale,
                       "linked_signals": [sig.title for sig in c.linked_signals.all()]}
                      for c in cards],
            "scores": [{"card": s.card.title, "criterion": s.criterion.name, "value": s.value,
                        "confidence": s.confidence} for s in scores],
        }}, []

    def plan(self, person: Person):
        if person.user is None:
            return None
        user = person.user
        return {"user": user, "boards": Board.objects.filter(owner=user, owner_kind="participant").count(),
                "scores": Score.objects.filter(scorer=user).count()}

    def describe(self, part, person):
        if not part:
            return []
        return [Section("Assessment boards", "own boards and all scores deleted; cards on shared boards kept "
                        "without their owner", [plural(part["boards"], "board"), plural(part["scores"], "score")],
                        order=74)]

    def erase(self, part, person):
        if not part:
            return {}
        return services.forget_person(user=part["user"])
