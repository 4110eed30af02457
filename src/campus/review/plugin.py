"""What the review app plugs into the shared parts (campus.core.plugins): its staff section, its privacy handler,
its mail event, its periodic job and its panel of the staff dashboard."""

from datetime import timedelta

from campus.core.plugins import application_page, dashboard, jobs
from campus.core.plugins import mail as mail_events
from campus.core.plugins import privacy
from campus.core.plugins import staff
from campus.team.permissions import Role, holds_any

from . import dashboard as attention
from .application_page import reviews_section
from . import services
from .mail import EVENTS
from .privacy_handler import ReviewHandler

SECTION = staff.register(staff.StaffSection(
    title="Review", url_name="staff_review:home", order=20, predicate=holds_any(Role.REVIEWER, Role.MANAGER),
    description="Your review queue; for managers: team, review phases, criteria and assignments.",
))
dashboard.register(dashboard.Panel(key="review", title="Review", order=20, predicate=SECTION.predicate,
                                   items=attention.items))

application_page.register(reviews_section)

for event in EVENTS:
    mail_events.register(event)

# at most one mail per reviewer per day anyway (the dedupe key holds the date)
jobs.register("review.remind_reviewers", services.remind_reviewers, every=timedelta(hours=24))

privacy.register(ReviewHandler())
