"""Coursework's objects in the security world. The "participant" (a participant of the edition, world_cohort.py)
has submitted an attempt with a file to an assignment of module 1 (led by "lead"), has a private journal entry, an
entry shared with module 1 and an entry to delete; module 1 has a material with a file and a second assignment
not started; module 2 (not led by "lead") has an assignment. ``PARTICIPANT_SECRET`` marks the participant's own
words (tests/coursework/test_views.py checks that nobody else reads them)."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

PARTICIPANT_SECRET = "Pq4PARTICIPANTSECRET"
SHARED_SECRET = "Sh7SHAREDWITHLEAD"  # in the entry shared with module 1: for its lead only


def extend(world) -> None:
    from campus.cohort.models import Participant
    from campus.core.files import validate_document
    from campus.coursework import services
    from campus.programme.models import Module

    from .world import pdf

    edition = world.call.edition
    manager = world.users["manager"]
    participant = Participant.objects.get(edition=edition, user=world.users["participant"])
    first, second = Module.objects.filter(edition=edition).order_by("number")[:2]

    def upload(name, text):
        content = SimpleUploadedFile(name, pdf(text), content_type="application/pdf")
        return validate_document(content), content

    due = timezone.now() + timedelta(days=14)
    submitted = services.save_assignment(module=first, actor=manager, title="Map your cluster", brief="Draw it.",
                                         due_at=due, reopen="manual", published=True)
    fresh = services.save_assignment(module=first, actor=manager, title="Stakeholders", brief="List them.",
                                     due_at=due, published=True)
    other = services.save_assignment(module=second, actor=manager, title="Strategy", brief="Write it.", due_at=due,
                                     published=True)
    material = services.save_material(module=first, actor=manager, title="Reading", body="Read this.", published=True,
                                      upload=upload("reading.pdf", "Reading"))
    attempt = services.submit_attempt(assignment=submitted, participant=participant,
                                      text=f"My map {PARTICIPANT_SECRET}",
                                      uploads=[upload(f"map-{PARTICIPANT_SECRET}.pdf", f"Map {PARTICIPANT_SECRET}")],
                                      actor=participant.user)
    private = services.save_entry(participant=participant, actor=participant.user,
                                  title=f"Private {PARTICIPANT_SECRET}", body=PARTICIPANT_SECRET)
    shared = services.save_entry(participant=participant, actor=participant.user,
                                 title=f"Shared thoughts {SHARED_SECRET}",
                                 body=f"What worked {SHARED_SECRET}.", shared_with=first)
    doomed = services.save_entry(participant=participant, actor=participant.user, title="To delete", body="x")
    world.values.update({
        "cw_module": first.pk, "cw_module2": second.pk, "cw_material": material.pk, "cw_assignment": submitted.pk,
        "cw_fresh": fresh.pk, "cw_assignment2": other.pk, "cw_attempt": attempt.pk,
        "cw_file": attempt.files.get().pk, "cw_private": private.pk, "cw_shared": shared.pk, "cw_doomed": doomed.pk,
    })
