"""What the cohort app plugs into the shared parts (campus.core.plugins)."""

from campus.core.plugins import links, privacy

from . import selectors
from .privacy_handler import CohortHandler

privacy.register(CohortHandler())


def _participant_home_state(*, user=None, request=None, **context) -> links.LinkState:
    """The participant area is offered to a participant only. Given the ``request`` (the account menu on every
    page), the answer comes from the session, where sign-in and the area itself note it (no query per page);
    given the ``user``, from the database."""
    if request is not None:
        return links.LinkState(offered=bool(request.session.get(selectors.SESSION_FLAG)))
    return links.LinkState(offered=selectors.is_participant(user))


links.register("participant_home", "cohort:home", state=_participant_home_state)
