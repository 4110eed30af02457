"""The interviews app's objects in the security world: the applicant is invited and has booked a slot whose
panel is the world's "reviewer" (an interviewer of the edition); a second slot is free."""

from datetime import timedelta

from django.utils import timezone


def extend(world):
    from campus.interviews import services

    manager, reviewer = world.users["manager"], world.users["reviewer"]
    start = (timezone.now() + timedelta(days=7)).replace(hour=9, minute=0, second=0, microsecond=0)
    services.invite(applications=[world.application], actor=manager, message="Welcome to the interview.")
    booked = services.create_slot(call=world.call, starts_at=start, ends_at=start + timedelta(minutes=30),
                                  timezone_name="Europe/Helsinki", online_link="https://meet.example.org/world",
                                  panel=[reviewer], actor=manager)
    free = services.create_slot(call=world.call, starts_at=start + timedelta(hours=1),
                                ends_at=start + timedelta(hours=1, minutes=30), timezone_name="Europe/Riga",
                                place="Riga, Town hall", panel=[reviewer], actor=manager)
    world.application.refresh_from_db()
    services.book(application=world.application, slot=booked, actor=world.application.applicant)
    world.values.update({
        "interview_slot": booked.pk,
        "free_slot": free.pk,
        "invitation": world.application.interview_invitation.pk,
    })
