"""Periodic jobs: each app registers its jobs from its ``plugin.py``; ``manage.py tick`` runs those that are due
(``campus.core.periodic.run_due``)::

    from datetime import timedelta

    from campus.core.plugins import jobs

    jobs.register("review.remind_reviewers", services.remind_reviewers, every=timedelta(hours=24))

A job is idempotent (running it twice, or on two machines at once, does no harm) and returns something
printable (kept as its last result in ``core.PeriodicRun``).
"""

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Job:
    name: str
    func: object  # () -> anything printable
    every: timedelta


_jobs: dict[str, Job] = {}


def register(name: str, func, *, every: timedelta) -> None:
    """Add the job ``name`` (registering the name again replaces it)."""
    _jobs[name] = Job(name=name, func=func, every=every)


def unregister(name: str) -> None:
    """Remove the job ``name`` (tests; an app never needs it)."""
    _jobs.pop(name, None)


def jobs() -> list[Job]:
    """Every registered job, by name."""
    return sorted(_jobs.values(), key=lambda job: job.name)
