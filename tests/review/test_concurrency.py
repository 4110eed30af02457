"""Double clicks and two managers at once: a review submitted by 8 threads at the same moment is one review
with one set of scores; two automatic assignments at once give each application N reviewers, not 2N."""

import threading
from collections import Counter

import pytest
from django.db import connection

from campus.review import services
from campus.review.models import Review, ReviewAssignment, Score

from .conftest import Role, full_scores, member
from .factories import bulk_applications

pytestmark = pytest.mark.django_db(transaction=True)


def _at_once(n, work):
    barrier = threading.Barrier(n)
    errors = []

    def run(index):
        try:
            barrier.wait(timeout=10)
            work(index)
        except Exception as error:  # noqa: BLE001 - collected and reported below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_a_review_submitted_eight_times_at_once_is_one_review(call, edition):
    manager = member(edition, "m@example.org", Role.MANAGER)
    reviewer = member(edition, "r@example.org", Role.REVIEWER)
    application = bulk_applications(call, 1)[0]
    services.assign(applications=[application], reviewers=[reviewer], actor=manager)
    criteria = list(call.criteria.filter(kind="review"))

    def work(index):
        services.save_review(application=application, reviewer=reviewer, scores=full_scores(criteria, 1 + index % 5),
                             recommendation="maybe", actor=reviewer)

    assert _at_once(8, work) == []
    review = Review.objects.get()
    assert Score.objects.filter(review=review).count() == len(criteria)
    assert len(set(Score.objects.filter(review=review).values_list("value", flat=True))) == 1  # one submit's scores


def test_two_managers_assign_automatically_at_once(call, edition):
    managers = [member(edition, f"m{i}@example.org", Role.MANAGER) for i in range(2)]
    for i in range(4):
        member(edition, f"r{i}@example.org", Role.REVIEWER)
    apps = bulk_applications(call, 10)
    assert _at_once(2, lambda i: services.auto_assign(call=call, per_application=2, actor=managers[i])) == []
    per_app = Counter(ReviewAssignment.objects.values_list("application_id", flat=True))
    assert set(per_app) == {a.pk for a in apps} and set(per_app.values()) == {2}
