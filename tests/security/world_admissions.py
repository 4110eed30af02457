"""Objects the admissions URLs need in the security world (tests/security/world.py calls ``extend``).

The applicant's application is admitted and released: an open offer (the applicant's offer pages and
letter answer), and a second submitted application (of the "other" person? no: a new one) staged on the
waitlist so the board has a staged decision too.
"""


def extend(world) -> None:
    from campus.admissions import services
    from campus.admissions.models import Offer

    manager = world.users["manager"]
    call = world.call
    services.stage_decisions(call=call, decisions={world.application.pk: ("admit", None)}, actor=manager)
    services.release(call=call, actor=manager)
    offer = Offer.objects.get(application=world.application)
    world.values.update(offer=offer.pk)
