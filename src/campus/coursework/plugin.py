"""What coursework plugs into the shared parts (campus.core.plugins): its staff section, its sections of the
participant area and its block on the participant's home, the due dates for the schedule and calendar feed, its
mail event, the certificate criterion "every assignment accepted" and its privacy handler."""

from django.template.loader import render_to_string
from django.urls import reverse

from campus.core.plugins import calendar, criteria, participant, privacy, staff
from campus.core.plugins import mail as mail_events

from . import permissions, selectors
from .mail import EVENTS
from .privacy_handler import CourseworkHandler

staff.register(staff.StaffSection(
    title="Coursework", url_name="staff_coursework:home", order=46, predicate=permissions.can_use_section,
    description="Materials and assignments of the modules you lead, submissions and feedback, shared reflections.",
))

participant.register_section(participant.ParticipantSection(title="Modules and assignments",
                                                            url_name="coursework:home", order=30))
participant.register_section(participant.ParticipantSection(title="Journal", url_name="coursework:journal:home",
                                                            order=35, namespace="coursework:journal"))


def open_assignments_block(request, person):
    rows = selectors.open_assignments(person)
    if not rows:
        return None
    html = render_to_string("coursework/participant/_home_block.html", {"rows": rows}, request=request)
    return participant.HomeBlock(html=html, order=30, key="coursework")


participant.register_block(open_assignments_block)


def due_dates(person):
    for row in selectors.assignments_for(person):
        assignment = row["assignment"]
        yield calendar.CalendarItem(
            uid=f"assignment-{assignment.pk}-due", title=f"Due: {assignment.title}", starts=assignment.due_at,
            timezone=assignment.module.timezone, url=reverse("coursework:assignment", args=[assignment.pk]),
            description=f"Module {assignment.module.number}: {assignment.module.title}", kind="due",
        )


calendar.register(due_dates)


def every_assignment_accepted(edition, participants, params):
    ids = [p.pk for p in participants]
    total, accepted = selectors.accepted_counts(edition, ids)
    verdicts = {}
    for pk in ids:
        done = accepted.get(pk, 0)
        verdicts[pk] = criteria.Verdict(met=done >= total,
                                        reason=f"{done} of {total} assignment{'s' if total != 1 else ''} accepted")
    return verdicts


criteria.register(criteria.Criterion(
    key="assignments_accepted", label="Every assignment accepted", evaluate=every_assignment_accepted,
    describe=lambda params: "Every published assignment accepted",
))

for event in EVENTS:
    mail_events.register(event)

privacy.register(CourseworkHandler())

from . import cloning  # noqa: E402 - its part of an edition's clone (campus.core.plugins.clone)

cloning.register()
