"""Prepare the admissions benchmark (phase 3 of scripts/bench.sh) in a freshly seeded database: the seed
call gets N submitted applications (default 5,000; countries spread over the call's eligible countries),
two reviews each (every review criterion scored 1-5, ``total`` = the weighted mean the review service
computes: campus.review.services.weighted_total), ten reviewers and a programme manager with a signed-in
session. Everything goes in with bulk_create (the preparation is timed, not measured).

Run after ``manage.py migrate`` and ``manage.py load_seed_edition``, with the phase's environment
(CAMPUS_VAR_DIR or DATABASE_URL).

Usage: python bench/admissions_prepare.py OUT_DIR [APPLICATIONS] [REVIEWS_PER_APPLICATION]
Writes OUT_DIR/prepare.json (counts, seconds, the call's id) and OUT_DIR/session.txt (the manager's
session key, for the Cookie header of wrk).
"""

import json
import os
import random
import sys
import time
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from campus.accounts.models import User  # noqa: E402
from campus.admissions.selection import required_countries  # noqa: E402
from campus.applications.models import Application, Call  # noqa: E402
from campus.applications.selectors import requirements_of  # noqa: E402
from campus.review.models import Criterion, Kind, Review, Score  # noqa: E402
from campus.team.models import TeamMembership  # noqa: E402
from campus.review.services import weighted_total  # noqa: E402

REVIEWERS = 10
BATCH = 1000
PREFIX = "benchadm"


def seed_call() -> Call:
    call = Call.objects.select_related("edition").order_by("-opens_at").first()
    if call is None:
        raise SystemExit("admissions_prepare: no call: run manage.py load_seed_edition first")
    return call


def manager_session(call: Call) -> str:
    manager = User.objects.create_user(email="bench-manager@example.org", password=None, full_name="Bench Manager",
                                       is_staff=True)
    TeamMembership.objects.create(edition=call.edition, user=manager, role=TeamMembership.Role.MANAGER)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(manager.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = manager.get_session_auth_hash()
    session.create()
    return session.session_key


@transaction.atomic
def applications(call: Call, n: int, countries: list[str]) -> list[int]:
    now = timezone.now()
    users = User.objects.bulk_create(
        [User(email=f"{PREFIX}{i}@example.org", full_name=f"Applicant {i:05d}", password="!") for i in range(n)],
        batch_size=BATCH,
    )
    if not users or users[0].pk is None:  # backends without RETURNING
        users = list(User.objects.filter(email__startswith=PREFIX).order_by("pk"))
    rows = []
    for i, user in enumerate(users):
        eligibility = Application.Eligibility.NEEDS_CHECK if i % 10 == 9 else Application.Eligibility.ELIGIBLE
        rows.append(Application(
            call=call, applicant=user, reference=f"{call.reference_prefix}-B{i:05d}", state=Application.State.SUBMITTED,
            submitted_at=now, full_name=user.full_name, organisation=f"Cluster {i % 700}",
            country=countries[i % len(countries)], eligibility=eligibility,
        ))
    Application.objects.bulk_create(rows, batch_size=BATCH)
    return list(Application.objects.filter(call=call, reference__startswith=f"{call.reference_prefix}-B")
                .order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def reviews(call: Call, application_ids: list[int], per_application: int) -> tuple[int, int]:
    reviewers = User.objects.bulk_create(
        [User(email=f"{PREFIX}-reviewer{i}@example.org", full_name=f"Reviewer {i}", password="!", is_staff=True)
         for i in range(REVIEWERS)]
    )
    if not reviewers or reviewers[0].pk is None:
        reviewers = list(User.objects.filter(email__startswith=f"{PREFIX}-reviewer").order_by("pk"))
    TeamMembership.objects.bulk_create(
        [TeamMembership(edition=call.edition, user=r, role=TeamMembership.Role.REVIEWER) for r in reviewers]
    )
    criteria = list(Criterion.objects.filter(call=call, kind=Kind.REVIEW).order_by("order", "pk"))
    if not criteria:
        raise SystemExit("admissions_prepare: the seed call has no review criteria")
    rng = random.Random(4)
    now = timezone.now()
    planned = []  # (review, [scores]) in insertion order
    for application_id in application_ids:
        for reviewer in rng.sample(reviewers, per_application):
            values = [rng.randint(1, 5) for _ in criteria]
            review = Review(application_id=application_id, reviewer=reviewer, kind=Kind.REVIEW,
                            recommendation=rng.choice(["yes", "maybe", "no"]), submitted_at=now,
                            total=weighted_total(zip((c.weight for c in criteria), values)),
                            comment_team="Bench review.")
            planned.append((review, values))
    made = Review.objects.bulk_create([review for review, _ in planned], batch_size=BATCH)
    if not made or made[0].pk is None:  # SQLite 3.35+ and PostgreSQL return the ids
        raise SystemExit("admissions_prepare: bulk_create returned no ids; the scores cannot be linked")
    scores = [Score(review=review, criterion=criterion, value=value)
              for review, values in planned for criterion, value in zip(criteria, values)]
    Score.objects.bulk_create(scores, batch_size=BATCH * 4)
    return len(planned), len(scores)


def main(out: Path, n: int, per_application: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    call = seed_call()
    countries = sorted(required_countries(requirements_of(call)))
    ids = applications(call, n, countries)
    t_apps = time.perf_counter() - started
    n_reviews, n_scores = reviews(call, ids, per_application)
    key = manager_session(call)
    with connection.cursor() as cursor:  # fresh statistics, as a live database would have
        cursor.execute("ANALYZE")
    seconds = time.perf_counter() - started
    facts = {
        "call_id": call.pk, "call": call.title, "edition": str(call.edition), "capacity": call.edition.capacity,
        "applications": len(ids), "reviews": n_reviews, "scores": n_scores, "reviewers": REVIEWERS,
        "criteria": Criterion.objects.filter(call=call, kind=Kind.REVIEW).count(), "countries": countries,
        "seconds": round(seconds, 2), "seconds_applications": round(t_apps, 2), "database": connection.vendor,
    }
    (out / "prepare.json").write_text(json.dumps(facts, indent=2) + "\n")
    (out / "session.txt").write_text(key + "\n")
    print(f"Prepared {len(ids)} applications, {n_reviews} reviews ({n_scores} scores) in {seconds:.1f} s "
          f"(call {call.pk}, countries {' '.join(countries)})")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 5000,
         int(sys.argv[3]) if len(sys.argv) > 3 else 2)
