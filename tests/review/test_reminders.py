"""Reminders for outstanding reviews: one outbox message per reviewer per day, through a task and a command."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from campus.communications.models import OutboxMessage
from campus.review import services
from campus.review.models import ReviewAssignment, ReviewPhase

from .conftest import Role, full_scores, member
from .factories import bulk_applications

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(call, edition, reviewer, manager):
    other = member(edition, "other.r@example.org", Role.REVIEWER)
    done = member(edition, "done.r@example.org", Role.REVIEWER)
    apps = bulk_applications(call, 3)
    services.assign(applications=apps, reviewers=[reviewer], actor=manager)
    services.assign(applications=apps[:1], reviewers=[other, done], actor=manager)
    criteria = list(call.criteria.filter(kind="review"))
    services.save_review(application=apps[0], reviewer=done, scores=full_scores(criteria), recommendation="yes",
                         actor=done)
    return {"reviewer": reviewer, "other": other, "done": done, "apps": apps}


def test_one_reminder_per_reviewer_with_outstanding_reviews(setup, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_reviewers() == 2
    messages = OutboxMessage.objects.filter(event="review_reminder")
    assert {m.recipient_id for m in messages} == {setup["reviewer"].pk, setup["other"].pk}
    mine = messages.get(recipient=setup["reviewer"])
    assert "3" in mine.subject and "/staff/review/" in mine.body
    assert mine.state == OutboxMessage.State.QUEUED
    assert ReviewAssignment.objects.filter(reviewer=setup["reviewer"], reminded_at__isnull=False).count() == 3


def test_at_most_once_a_day(setup):
    now = timezone.now()
    assert services.remind_reviewers(now=now) == 2
    assert services.remind_reviewers(now=now + timedelta(minutes=5)) == 0
    assert OutboxMessage.objects.filter(event="review_reminder").count() == 2
    assert services.remind_reviewers(now=now + timedelta(days=1)) == 2
    assert OutboxMessage.objects.filter(event="review_reminder").count() == 4


def test_no_reminders_when_reviews_are_closed(setup, call):
    ReviewPhase.objects.filter(call=call).update(reviews_open=False)
    assert services.remind_reviewers() == 0
    assert not OutboxMessage.objects.exists()


def test_the_command_and_the_task(setup, run_tasks, django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_reviewers", "--enqueue", stdout=out)
    assert "Queued" in out.getvalue()
    run_tasks()
    assert OutboxMessage.objects.filter(event="review_reminder").count() == 2
    out = StringIO()
    call_command("remind_reviewers", stdout=out)
    assert "0 reminder" in out.getvalue()
