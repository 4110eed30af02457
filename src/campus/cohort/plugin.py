"""What the cohort app plugs into the shared parts (campus.core.plugins): the participant area's link, its home
blocks (next meetup, onboarding), its sections (schedule, cohort), the meetups as calendar items, its mail event,
its staff section and its privacy handler."""

from campus.core.plugins import calendar, links, participant, privacy, staff
from campus.core.plugins import mail as mail_events

from . import home, selectors
from .mail import EVENTS
from .permissions import manages_any_edition
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

participant.register_section(participant.ParticipantSection(title="Schedule", url_name="cohort:schedule:page", order=10,
                                                            namespace="cohort:schedule"))
participant.register_section(participant.ParticipantSection(title="Cohort", url_name="cohort:directory:page", order=90,
                                                            namespace="cohort:directory"))
participant.register_block(home.onboarding_block)
participant.register_block(home.next_meetup_block)
calendar.register(home.meetup_items)

for event in EVENTS:
    mail_events.register(event)

staff.register(staff.StaffSection(
    title="Cohort", url_name="staff_cohort:home", order=42, predicate=manages_any_edition,
    description="The participants of an edition (list and export), module leads, meetup modes and onboarding.",
))
