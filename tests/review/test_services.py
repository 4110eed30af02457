"""save_review and the other services: totals, validation, the rules of assignment, conflict and phase."""

from decimal import Decimal

import pytest

from campus.applications.models import Application
from campus.core.models import ActivityLog
from campus.review import services
from campus.review.models import ConflictOfInterest, Criterion, Kind, Review, ReviewAssignment, ReviewPhase, Score

from .conftest import Role, full_scores, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(application, reviewer, manager):
    services.assign(applications=[application], reviewers=[reviewer], actor=manager)
    return application


def _save(application, reviewer, scores, **kwargs):
    values = {"recommendation": "yes", "comment_team": "Strong.", "comment_applicant": "Well done.", "actor": reviewer}
    values.update(kwargs)
    return services.save_review(application=application, reviewer=reviewer, scores=scores, **values)


def test_seed_gives_weighted_criteria_and_an_open_phase(call, criteria):
    assert [c.weight for c in criteria] == [3, 2, 2, 1]
    assert all(len(c.scale) == 5 and all(c.scale) for c in criteria)
    assert Criterion.objects.filter(call=call, kind=Kind.INTERVIEW).count() == 2
    phase = ReviewPhase.objects.get(call=call, is_active=True)
    assert phase.reviews_open and not phase.blind and phase.reviews_per_application == 2
    assert phase.others_visible == ReviewPhase.Visibility.AFTER_OWN


def test_seed_is_idempotent(call):
    from campus.programme.services import load_seed_edition

    before = (Criterion.objects.count(), ReviewPhase.objects.count())
    load_seed_edition()
    assert (Criterion.objects.count(), ReviewPhase.objects.count()) == before


def test_total_is_the_weighted_mean_rounded_to_two_places(assigned, reviewer, criteria):
    scores = dict(zip([c.pk for c in criteria], [5, 4, 3, 2], strict=True))
    review = _save(assigned, reviewer, scores)
    # (3*5 + 2*4 + 2*3 + 1*2) / 8 = 31/8 = 3.875 -> 3.88
    assert review.total == Decimal("3.88")
    assert dict(Score.objects.filter(review=review).values_list("criterion_id", "value")) == scores
    entry = ActivityLog.objects.get(action="review.review_saved")
    assert entry.actor == reviewer and entry.data["to"] == "3.88" and entry.data["from"] is None


def test_a_second_save_updates_the_same_review(assigned, reviewer, criteria):
    first = _save(assigned, reviewer, full_scores(criteria, 2), recommendation="no")
    second = _save(assigned, reviewer, full_scores(criteria, 5), recommendation="yes")
    assert first.pk == second.pk
    assert Review.objects.count() == 1 and Score.objects.count() == len(criteria)
    assert second.total == Decimal("5.00") and second.recommendation == "yes"
    changed = ActivityLog.objects.get(action="review.review_changed")
    assert changed.data["from"] == "2.00" and changed.data["to"] == "5.00"


@pytest.mark.parametrize("bad", [0, 6, "x", None, "", 3.5, True])
def test_every_criterion_needs_a_score_from_1_to_5(assigned, reviewer, criteria, bad):
    scores = full_scores(criteria)
    scores[criteria[1].pk] = bad
    with pytest.raises(services.ReviewError) as error:
        _save(assigned, reviewer, scores)
    assert f"criterion_{criteria[1].pk}" in error.value.error_dict
    assert not Review.objects.exists()


def test_a_missing_criterion_is_refused(assigned, reviewer, criteria):
    scores = full_scores(criteria)
    del scores[criteria[0].pk]
    with pytest.raises(services.ReviewError):
        _save(assigned, reviewer, scores)


def test_a_criterion_of_another_kind_is_refused(assigned, reviewer, criteria, call):
    interview = Criterion.objects.filter(call=call, kind=Kind.INTERVIEW).first()
    with pytest.raises(services.ReviewError):
        _save(assigned, reviewer, {**full_scores(criteria), interview.pk: 3})


def test_a_bad_recommendation_is_refused(assigned, reviewer, criteria):
    with pytest.raises(services.ReviewError) as error:
        _save(assigned, reviewer, full_scores(criteria), recommendation="perhaps")
    assert "recommendation" in error.value.error_dict


def test_an_unassigned_reviewer_cannot_review(application, reviewer, criteria):
    with pytest.raises(services.ReviewError, match="not assigned"):
        _save(application, reviewer, full_scores(criteria))


def test_a_conflicted_reviewer_cannot_review(assigned, reviewer, criteria):
    ConflictOfInterest.objects.create(application=assigned, reviewer=reviewer)
    with pytest.raises(services.ReviewError, match="conflict"):
        _save(assigned, reviewer, full_scores(criteria))


@pytest.mark.parametrize("how", ["closed", "inactive"])
def test_reviews_need_an_open_active_phase(assigned, reviewer, criteria, how):
    phase = ReviewPhase.objects.get(call=assigned.call)
    if how == "closed":
        phase.reviews_open = False
    else:
        phase.is_active = False
    phase.save()
    with pytest.raises(services.ReviewError, match="closed"):
        _save(assigned, reviewer, full_scores(criteria))


def test_withdrawn_applications_are_not_reviewed(assigned, reviewer, criteria):
    Application.objects.filter(pk=assigned.pk).update(state=Application.State.WITHDRAWN)
    assigned.refresh_from_db()
    with pytest.raises(services.ReviewError):
        _save(assigned, reviewer, full_scores(criteria))


def test_interview_assessments_need_no_assignment(application, call, edition):
    panel = member(edition, "ivan.interviewer@example.org", Role.INTERVIEWER)
    interview = list(Criterion.objects.filter(call=call, kind=Kind.INTERVIEW))
    ReviewPhase.objects.filter(call=call).update(reviews_open=False)  # the phase does not matter either
    review = services.save_review(application=application, reviewer=panel, kind="interview",
                                  scores={c.pk: 3 for c in interview}, recommendation="maybe", actor=panel)
    assert review.kind == "interview" and review.total == Decimal("3.00")


def test_declaring_a_conflict_removes_the_assignment_and_the_review(assigned, reviewer, criteria):
    _save(assigned, reviewer, full_scores(criteria))
    services.declare_conflict(application=assigned, reviewer=reviewer, reason="My cousin", actor=reviewer)
    assert not ReviewAssignment.objects.filter(reviewer=reviewer).exists()
    assert not Review.objects.exists()
    assert ActivityLog.objects.filter(action="review.review_deleted").count() == 1
    # and assigning them again is refused
    created, skipped = services.assign(applications=[assigned], reviewers=[reviewer], actor=None)
    assert created == [] and "conflict" in skipped[0]


def test_assign_refuses_non_reviewers_and_the_applicant_themself(application, edition, manager):
    outsider = member(edition, "no.role@example.org")
    applicant = application.applicant
    applicant.is_staff = True
    applicant.save()
    member(edition, applicant.email, Role.REVIEWER)
    created, skipped = services.assign(applications=[application], reviewers=[outsider, applicant], actor=manager)
    assert created == []
    assert any("not a reviewer" in s for s in skipped) and any("own application" in s for s in skipped)


def test_assign_is_idempotent(application, reviewer, manager):
    first, _ = services.assign(applications=[application], reviewers=[reviewer], actor=manager)
    second, _ = services.assign(applications=[application], reviewers=[reviewer], actor=manager)
    assert len(first) == 1 and second == [] and ReviewAssignment.objects.count() == 1
    assert ActivityLog.objects.filter(action="review.assigned").count() == 1


def test_unassign_keeps_written_reviews(assigned, reviewer, criteria, manager):
    assignment = ReviewAssignment.objects.get()
    _save(assigned, reviewer, full_scores(criteria))
    with pytest.raises(services.ReviewError):
        services.unassign(assignment=assignment, actor=manager)


def test_activate_phase_keeps_one_active(call, manager):
    second = services.save_phase(call=call, name="Second", reviews_open=True, others_visible="always", blind=True,
                                 reviews_per_application=3, actor=manager)
    assert not second.is_active
    services.activate_phase(phase=second, actor=manager)
    assert list(ReviewPhase.objects.filter(call=call, is_active=True)) == [second]
    assert ActivityLog.objects.filter(action="review.phase_activated").exists()


def test_criteria_validation(call, manager):
    with pytest.raises(services.ReviewError) as error:
        services.save_criterion(call=call, kind="review", name="X", weight=11, scale=list("abcde"), actor=manager)
    assert "weight" in error.value.error_dict
    with pytest.raises(services.ReviewError) as error:
        services.save_criterion(call=call, kind="review", name="X", weight=2, scale=["a", "b", "", "d", "e"],
                                actor=manager)
    assert "scale" in error.value.error_dict


def test_a_scored_criterion_cannot_be_deleted(assigned, reviewer, criteria, manager):
    _save(assigned, reviewer, full_scores(criteria))
    with pytest.raises(services.ReviewError):
        services.delete_criterion(criterion=criteria[0], actor=manager)


def test_removing_the_reviewer_role_frees_outstanding_assignments(call, edition, manager, criteria, media):
    """Through the team's service; review answers its ``team_role_removed`` signal."""
    from campus.team import services as team_services
    from tests.applications.staff_factories import make_application

    reviewer = member(edition, "leaving@example.org", Role.REVIEWER)
    member(edition, reviewer.email, Role.INTERVIEWER)
    done, open_ = make_application(call, email="a1@example.org"), make_application(call, email="a2@example.org")
    services.assign(applications=[done, open_], reviewers=[reviewer], actor=manager)
    _save(done, reviewer, full_scores(criteria))
    from campus.team.models import TeamMembership

    team_services.remove_team_role(membership=TeamMembership.objects.get(user=reviewer, role=Role.REVIEWER),
                                   actor=manager)
    assert list(ReviewAssignment.objects.filter(reviewer=reviewer).values_list("application_id", flat=True)) == [done.pk]
    assert Review.objects.filter(reviewer=reviewer).count() == 1
    released = ActivityLog.objects.get(action="review.unassigned", data__application=open_.pk)
    assert released.data["reason"] == "no longer a reviewer" and released.actor == manager
    # the interviewer role stays, and removing it touches no assignment
    team_services.remove_team_role(membership=TeamMembership.objects.get(user=reviewer, role=Role.INTERVIEWER),
                                   actor=manager)
    assert ReviewAssignment.objects.filter(reviewer=reviewer).count() == 1
    # and no reminders for someone who is not a reviewer any more
    ReviewAssignment.objects.create(application=open_, reviewer=reviewer)
    assert services.remind_reviewers() == 0
