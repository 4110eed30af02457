"""Many submitted applications and reviews at once (bulk_create), for query counts and the benchmark."""

import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from campus.applications.models import Application
from campus.review.models import Review

COUNTRIES = ["FI", "SE", "EE", "LV", "LT", "DK", "DE", "PL"]


def bulk_applications(call, n: int, *, prefix: str = "bulk", state=Application.State.SUBMITTED) -> list[Application]:
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(email=f"{prefix}{i}@example.org", full_name=f"Person {prefix} {i}", password="!") for i in range(n)]
    )
    if users and users[0].pk is None:
        users = list(User.objects.filter(email__startswith=prefix, email__endswith="@example.org").order_by("pk"))
    now = timezone.now()
    applications = Application.objects.bulk_create([
        Application(call=call, applicant=user, reference=f"{call.reference_prefix}-{prefix}-{i:05d}", state=state,
                    submitted_at=now, full_name=user.full_name, organisation=f"Cluster {i}",
                    country=COUNTRIES[i % len(COUNTRIES)],
                    eligibility=Application.Eligibility.ELIGIBLE if i % 3 else Application.Eligibility.NEEDS_CHECK)
        for i, user in enumerate(users)
    ])
    if applications and applications[0].pk is None:
        applications = list(Application.objects.filter(call=call, reference__contains=f"-{prefix}-").order_by("pk"))
    return applications


def bulk_reviews(applications, reviewers, *, per_application: int = 2, seed: int = 1, kind: str = "review"):
    rng = random.Random(seed)
    now = timezone.now()
    rows = []
    for application in applications:
        for reviewer in rng.sample(list(reviewers), per_application):
            rows.append(Review(application=application, reviewer=reviewer, kind=kind,
                               recommendation=rng.choice(["yes", "maybe", "no"]),
                               total=Decimal(rng.randint(100, 500)) / 100, submitted_at=now))
    Review.objects.bulk_create(rows, batch_size=1000)
    return rows
