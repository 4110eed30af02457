"""The stages of a card on a board: candidates → screening → assessment → pilot → decision.

A card moves one stage forward or back (buttons, drag and drop); a decision (``services.decide``) brings it to the
decision stage from anywhere; a decided card may be reopened by moving it back to the pilot stage."""

CANDIDATES, SCREENING, ASSESSMENT, PILOT, DECISION = "candidates", "screening", "assessment", "pilot", "decision"
ORDER = [CANDIDATES, SCREENING, ASSESSMENT, PILOT, DECISION]
CHOICES = [(CANDIDATES, "Candidates"), (SCREENING, "Screening"), (ASSESSMENT, "Assessment"), (PILOT, "Pilot"),
           (DECISION, "Decision")]


def _neighbours(stage: str) -> set[str]:
    i = ORDER.index(stage)
    return {ORDER[j] for j in (i - 1, i + 1) if 0 <= j < len(ORDER)}


ALLOWED = {stage: (_neighbours(stage) | {DECISION}) - {stage} for stage in ORDER}


class TransitionError(Exception):
    pass


def transition(card, to: str) -> str:
    """Check and apply a move of ``card.stage`` (saving is the service's job); returns the old stage."""
    old = card.stage
    if to not in ALLOWED.get(old, set()):
        raise TransitionError(f"A card in {old} cannot move to {to}.")
    card.stage = to
    return old


def previous(stage: str) -> str:
    i = ORDER.index(stage)
    return ORDER[i - 1] if i > 0 else ""


def following(stage: str) -> str:
    i = ORDER.index(stage)
    return ORDER[i + 1] if i + 1 < len(ORDER) else ""
