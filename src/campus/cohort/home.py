"""What the cohort app puts on the participant's home and schedule (registered in plugin.py): the next meetup,
onboarding for someone just admitted, and the meetups of the edition as calendar items."""

from django.template.loader import render_to_string
from django.utils import timezone

from campus.core.markdown import render_markdown
from campus.core.plugins.calendar import CalendarItem
from campus.core.plugins.participant import HomeBlock

from . import selectors
from .services import when


def meetup_items(participant) -> list[CalendarItem]:
    """Every meetup of the participant's edition, in its own zone, with its mode (one query)."""
    items = []
    for meetup in selectors.meetups_of_edition(participant.edition_id):
        module = meetup.module
        lines = [f"Module {module.number}: {module.title}"]  # the mode is in the title
        if meetup.mode_note:
            lines.append(meetup.mode_note)
        items.append(CalendarItem(
            uid=f"meetup-{meetup.pk}", title=f"{meetup.title} ({meetup.mode_label})", starts=meetup.starts_at,
            ends=meetup.ends_at, timezone=meetup.timezone, location=meetup.place, description="\n".join(lines),
            url=module.get_absolute_url(), kind="meetup",
        ))
    return items


def next_meetup_block(request, participant):
    meetup = selectors.next_meetup(participant)
    if meetup is None:
        return None
    html = render_to_string("cohort/_next_meetup.html", {
        "meetup": meetup, "when": when(meetup), "travel": render_markdown(meetup.travel_note),
        "is_on": meetup.starts_at <= timezone.now(),
    }, request=request)
    return HomeBlock(html, order=10, key="next_meetup")


def onboarding_block(request, participant):
    """Shown until the first module starts (someone just admitted), when the team wrote something."""
    first = selectors.first_module_start(participant)
    if first is not None and timezone.localdate() >= first:
        return None
    text = selectors.onboarding_text(participant)
    if not text.strip():
        return None
    html = render_to_string("cohort/_onboarding.html", {"text": render_markdown(text), "first": first},
                            request=request)
    return HomeBlock(html, order=5, key="onboarding")
