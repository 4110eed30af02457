"""Automatic balancing: N reviewers per application, even load, never a conflict, never oneself; deterministic."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campus.applications.models import Application
from campus.core.models import ActivityLog
from campus.review import services
from campus.review.models import ConflictOfInterest, ReviewAssignment

from .conftest import Role, member
from .factories import bulk_applications


@given(
    n_apps=st.integers(0, 40),
    reviewers=st.lists(st.integers(1, 60), min_size=1, max_size=9, unique=True),
    per=st.integers(1, 4),
    data=st.data(),
)
@pytest.mark.slow
@settings(max_examples=200, deadline=None)
def test_plan_rules_hold_for_any_input(n_apps, reviewers, per, data):
    applications = [(1000 + i, data.draw(st.sampled_from(reviewers + [999]))) for i in range(n_apps)]
    conflicts = set(data.draw(st.lists(st.tuples(st.sampled_from([a for a, _ in applications] or [0]),
                                                  st.sampled_from(reviewers)), max_size=15)))
    pairs = services.plan_assignments(applications=applications, reviewers=reviewers, conflicts=conflicts,
                                      per_application=per)
    assert len(pairs) == len(set(pairs)), "a reviewer twice on one application"
    applicant_of = dict(applications)
    for application_id, reviewer_id in pairs:
        assert (application_id, reviewer_id) not in conflicts
        assert applicant_of[application_id] != reviewer_id
    got = Counter(a for a, _ in pairs)
    for application_id, applicant_id in applications:
        allowed = [r for r in reviewers if r != applicant_id and (application_id, r) not in conflicts]
        assert got[application_id] == min(per, len(allowed))
    # the same input gives the same plan
    assert pairs == services.plan_assignments(applications=applications, reviewers=reviewers, conflicts=conflicts,
                                              per_application=per)
    if not conflicts and all(applicant not in reviewers for _, applicant in applications) and per <= len(reviewers):
        load = Counter(r for _, r in pairs)
        counts = [load.get(r, 0) for r in reviewers]
        assert max(counts) - min(counts) <= 1, "uneven load without constraints"


@pytest.mark.django_db
def test_auto_assign_balances_the_call(call, edition):
    manager = member(edition, "m@example.org", Role.MANAGER)
    reviewers = [member(edition, f"r{i}@example.org", Role.REVIEWER) for i in range(7)]
    member(edition, "interviewer@example.org", Role.INTERVIEWER)  # not a reviewer: never assigned
    apps = bulk_applications(call, 30)
    bulk_applications(call, 2, prefix="draft", state=Application.State.DRAFT)
    ConflictOfInterest.objects.create(application=apps[0], reviewer=reviewers[0])
    ConflictOfInterest.objects.create(application=apps[0], reviewer=reviewers[1])

    created = services.auto_assign(call=call, per_application=2, actor=manager)
    assert len(created) == 60
    per_app = Counter(ReviewAssignment.objects.values_list("application_id", flat=True))
    assert set(per_app) == {a.pk for a in apps} and set(per_app.values()) == {2}
    load = Counter(ReviewAssignment.objects.values_list("reviewer_id", flat=True))
    assert set(load) == {r.pk for r in reviewers}
    assert max(load.values()) - min(load.values()) <= 1
    assert not ReviewAssignment.objects.filter(application=apps[0], reviewer__in=reviewers[:2]).exists()
    assert ActivityLog.objects.filter(action="review.assigned").count() == 60

    # running it again changes nothing; raising N tops up
    assert services.auto_assign(call=call, per_application=2, actor=manager) == []
    assert len(services.auto_assign(call=call, per_application=3, actor=manager)) == 30
    load = Counter(ReviewAssignment.objects.values_list("reviewer_id", flat=True))
    assert max(load.values()) - min(load.values()) <= 1


@pytest.mark.django_db
def test_auto_assign_is_deterministic(call, edition):
    manager = member(edition, "m@example.org", Role.MANAGER)
    for i in range(5):
        member(edition, f"r{i}@example.org", Role.REVIEWER)
    bulk_applications(call, 12)
    first = sorted(services.auto_assign(call=call, per_application=2, actor=manager) and
                   ReviewAssignment.objects.values_list("application_id", "reviewer_id"))
    ReviewAssignment.objects.all().delete()
    second = sorted(services.auto_assign(call=call, per_application=2, actor=manager) and
                    ReviewAssignment.objects.values_list("application_id", "reviewer_id"))
    assert first == second


@pytest.mark.django_db
def test_auto_assign_never_gives_an_applicant_their_own(call, edition, media):
    from tests.applications.staff_factories import make_application

    manager = member(edition, "m@example.org", Role.MANAGER)
    own = make_application(call, email="also.reviewer@example.org")
    applicant = own.applicant
    applicant.is_staff = True
    applicant.save()
    member(edition, applicant.email, Role.REVIEWER)
    other = member(edition, "r@example.org", Role.REVIEWER)
    services.auto_assign(call=call, per_application=2, actor=manager)
    assert list(ReviewAssignment.objects.filter(application=own).values_list("reviewer_id", flat=True)) == [other.pk]
