"""An application at each point of the applicant's path, reached through the apps' own services: the status
page's tests (tests/admissions/test_status_outcomes.py and the browser's tests/e2e/test_status_outcomes.py)."""

from campus.admissions import services as admissions
from campus.admissions.models import Offer
from campus.applications import services as applications
from campus.interviews import services as interviews
from campus.review import services as review
from campus.team.models import TeamMembership

OUTCOMES = ("submitted", "under_review", "interview_invited", "offer", "accepted", "declined", "waitlisted",
            "not_admitted", "withdrawn")

# the decision each outcome is staged with before release
_DECISIONS = {"offer": ("admit", None), "accepted": ("admit", None), "declined": ("admit", None),
              "waitlisted": ("waitlist", 1), "not_admitted": ("reject", None)}


def start_review(application, call, manager) -> None:
    """The application is given to a reviewer (of the seed's active review phase): it is under review."""
    from django.contrib.auth import get_user_model

    reviewer, _ = get_user_model().objects.get_or_create(email="rita.reviewer@example.org",
                                                         defaults={"full_name": "Rita Reviewer", "is_staff": True})
    TeamMembership.objects.get_or_create(edition=call.edition, user=reviewer, role=TeamMembership.Role.REVIEWER)
    created, skipped = review.assign(applications=[application], reviewers=[reviewer], actor=manager)
    assert created, skipped


def reach(outcome: str, *, application, call, manager) -> None:
    """Move the submitted ``application`` to ``outcome``."""
    if outcome != "submitted" and outcome != "withdrawn":
        start_review(application, call, manager)
    if outcome == "interview_invited":
        interviews.invite(applications=[application], actor=manager, message="")
    if outcome in _DECISIONS:
        admissions.stage_decisions(call=call, decisions={application.pk: _DECISIONS[outcome]}, actor=manager)
        admissions.release(call=call, actor=manager)
    if outcome in ("accepted", "declined"):
        offer = Offer.objects.get(application=application, state=Offer.State.OPEN)
        answer = admissions.accept_offer if outcome == "accepted" else admissions.decline_offer
        answer(offer=offer, actor=application.applicant)
    if outcome == "withdrawn":
        applications.withdraw(application=application, actor=application.applicant)
