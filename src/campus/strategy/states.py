"""The state machine of an action: planned → in progress → done; blocked and dropped on the way; a done or dropped
action may be taken up again. The only code that writes ``Action.status``."""

from .models import ActionStatus as S

PLANNED, STARTED, DONE, BLOCKED, DROPPED = S.PLANNED, S.STARTED, S.DONE, S.BLOCKED, S.DROPPED

ALLOWED = {
    PLANNED: {STARTED, DONE, BLOCKED, DROPPED},
    STARTED: {PLANNED, DONE, BLOCKED, DROPPED},
    BLOCKED: {PLANNED, STARTED, DONE, DROPPED},
    DONE: {STARTED},
    DROPPED: {PLANNED, STARTED},
}
LABELS = dict(S.choices)


class TransitionNotAllowed(Exception):
    def __init__(self, current, target):
        self.message = f"An action that is “{LABELS.get(current, current)}” cannot become “{LABELS.get(target, target)}”."
        super().__init__(self.message)


def transition(action, target: str, *, save: bool = True) -> bool:
    """Move ``action`` to ``target``; the same status is no change (False); anything not in ALLOWED is refused."""
    if target == action.status:
        return False
    if target not in ALLOWED.get(action.status, set()):
        raise TransitionNotAllowed(action.status, target)
    action.status = target
    if save:
        action.save(update_fields=["status"])
    return True
