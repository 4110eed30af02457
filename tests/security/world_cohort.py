"""The cohort's objects in the security world: the "participant" role becomes a real participant of the edition
(no application of their own), and "lead" the module lead of module 1 (no other role)."""

from campus.cohort.models import Participant
from campus.programme.models import Module
from campus.team.models import TeamMembership


def extend(world) -> None:
    edition = world.call.edition
    participant = Participant.objects.create(edition=edition, user=world.users["participant"])
    first = Module.objects.filter(edition=edition).order_by("number").first()
    TeamMembership.objects.create(edition=edition, user=world.users["lead"], role=TeamMembership.Role.MODULE_LEAD,
                                  module=first)
    world.values["participant"] = participant.pk
    world.values["led_module"] = first.pk
