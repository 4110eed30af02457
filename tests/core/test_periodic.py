"""Periodic jobs (registered in campus.core.plugins.jobs, run by campus.core.periodic and ``manage.py tick``):
due jobs run once per interval, a failing job does not stop the others and is tried again at the next tick."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from campus.core import periodic
from campus.core.plugins import jobs
from campus.core.models import PeriodicRun


@pytest.fixture
def only_these_jobs(monkeypatch):
    monkeypatch.setattr(jobs, "_jobs", {})
    return periodic


@pytest.mark.django_db
def test_a_job_runs_once_per_interval(only_these_jobs):
    calls = []
    jobs.register("test.daily", lambda: calls.append(1) or len(calls), every=timedelta(hours=24))
    now = timezone.now()
    assert periodic.run_due(now=now) == {"test.daily": "1"}
    assert periodic.run_due(now=now + timedelta(hours=23)) == {}
    assert periodic.run_due(now=now + timedelta(hours=24, seconds=1)) == {"test.daily": "2"}
    assert periodic.run_due(now=now + timedelta(hours=24, seconds=2), force=True) == {"test.daily": "3"}
    assert PeriodicRun.objects.get(name="test.daily").last_result == "3"


@pytest.mark.django_db
def test_a_failing_job_does_not_stop_the_others_and_is_retried(only_these_jobs):
    ran = []

    def broken():
        raise RuntimeError("SMTP down")

    jobs.register("a.broken", broken, every=timedelta(hours=1))
    jobs.register("b.fine", lambda: ran.append(1) or "ok", every=timedelta(hours=1))
    results = periodic.run_due()
    assert results["a.broken"] == "failed: SMTP down" and results["b.fine"] == "ok"
    # the failed job is due again at the next tick; the fine one is not
    assert set(periodic.run_due()) == {"a.broken"}


@pytest.mark.django_db
def test_the_tick_command_lists_and_runs_the_registered_jobs(capsys):
    call_command("tick", "--list")
    listed = capsys.readouterr().out
    for name in ("admissions.tick", "communications.requeue_stale", "review.remind_reviewers"):
        assert name in listed
    call_command("tick")
    assert set(PeriodicRun.objects.values_list("name", flat=True)) >= {"communications.requeue_stale",
                                                                       "review.remind_reviewers"}
