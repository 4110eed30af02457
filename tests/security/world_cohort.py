"""The cohort's objects in the security world: the "participant" role becomes a real participant of the edition
(no application of their own) with a private calendar feed, and "lead" the module lead of module 1 (no other role).
Every request of the walk runs in a savepoint that is rolled back, so the participant's new feed address or the
manager's removal of the lead change nothing for the next request."""

from campus.cohort.models import Participant
from campus.programme.models import Meetup, Module
from campus.team.models import TeamMembership


def extend(world) -> None:
    edition = world.call.edition
    participant = Participant.objects.create(edition=edition, user=world.users["participant"],
                                             feed_token="security-world-feed-token-0123456789abcdefghij")
    first = Module.objects.filter(edition=edition).order_by("number").first()
    lead = TeamMembership.objects.create(edition=edition, user=world.users["lead"],
                                         role=TeamMembership.Role.MODULE_LEAD, module=first)
    world.values["participant"] = participant.pk
    world.values["led_module"] = first.pk
    world.values["feed_token"] = participant.feed_token
    world.values["edition_id"] = edition.pk
    world.values["lead_role"] = lead.pk
    world.values["meetup"] = Meetup.objects.filter(module=first).order_by("starts_at").first().pk
