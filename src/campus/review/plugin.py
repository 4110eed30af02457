"""What the review app plugs into the shared parts (campus.core.plugins): its staff section, its privacy handler,
its mail event, its periodic job, its panel of the staff dashboard and its section of the applicant's status page
("under review")."""

from datetime import timedelta

from campus.core.plugins import application_page, dashboard, jobs
from campus.core.plugins import mail as mail_events
from campus.core.plugins import privacy
from campus.core.plugins import staff
from campus.core.plugins import status as status_sections
from campus.team.permissions import Role, holds_any

from . import dashboard as attention
from .application_page import blind_list, reviews_section
from . import services
from .mail import EVENTS
from .privacy_handler import ReviewHandler
from .status import review_section

SECTION = staff.register(staff.StaffSection(
    title="Review", url_name="staff_review:home", order=20, predicate=holds_any(Role.REVIEWER, Role.MANAGER),
    description="Your review queue; for managers: team, review phases, criteria and assignments.",
))
dashboard.register(dashboard.Panel(key="review", title="Review", order=20, predicate=SECTION.predicate,
                                   items=attention.items))

application_page.register(reviews_section)
application_page.register_list(blind_list)  # blind review hides identities in the lists and exports too

for event in EVENTS:
    mail_events.register(event)

# at most one mail per reviewer per day anyway (the dedupe key holds the date)
jobs.register("review.remind_reviewers", services.remind_reviewers, every=timedelta(hours=24))

status_sections.register(review_section)

privacy.register(ReviewHandler())

from . import cloning  # noqa: E402 - its part of an edition's clone (campus.core.plugins.clone)

cloning.register()
