"""The review app's objects in the security world: the applicant's submitted application is assigned to the
world's reviewer (reviewer and interviewer of the seed edition); the seed gave the call its criteria and an
active, open, not blind phase. A conflict of interest of the manager with the other applicant's draft gives the
remove-conflict URL an object."""


def extend(world):
    from campus.review.models import ConflictOfInterest, Criterion, ReviewAssignment, ReviewPhase
    from campus.team.models import TeamMembership

    call = world.call
    reviewer = world.user("reviewer")
    assignment = ReviewAssignment.objects.create(application=world.application, reviewer=reviewer,
                                                 assigned_by=world.user("manager"))
    conflict = ConflictOfInterest.objects.create(application=world.other_application, reviewer=world.user("manager"))
    world.values.update({
        "review_edition": call.edition_id,
        "review_phase": ReviewPhase.objects.get(call=call, is_active=True).pk,
        "review_criterion": Criterion.objects.filter(call=call).order_by("pk").first().pk,
        "review_membership": TeamMembership.objects.get(user=reviewer, edition=call.edition, role="interviewer").pk,
        "review_assignment": assignment.pk,
        "review_conflict": conflict.pk,
    })
