"""Time of cloning an edition (campus.editions.services.clone_edition, every part) with 4 modules, 8 meetups,
30 questions, 20 mail templates and 10 surveys: the target is under 2 s.

Usage: .venv/bin/python bench/editions_clone.py [RUNS]
Uses the configured database (DATABASE_URL, else the development SQLite file), migrated first; builds the source
edition and clones it inside a transaction that is rolled back, so the database is left as it was. Prints the
median and the slowest of RUNS clones (default 5) and exits 1 above the target; with BENCH_JSON=FILE it also
writes them there as JSON (make bench, phase 9).
"""

import json
import os
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

TARGET_S = 2.0


class Rollback(Exception):
    pass


def build_source():
    """An edition with 4 modules, 8 meetups, 30 questions, 20 templates and 10 surveys (3 questions each)."""
    from django.contrib.auth import get_user_model

    from campus.applications.models import Call, Question
    from campus.certificates.models import CertificateRule
    from campus.communications.models import MailTemplate
    from campus.coursework.models import Assignment
    from campus.feedback.models import Question as SurveyQuestion
    from campus.feedback.models import Survey
    from campus.programme.models import Edition, Meetup, Module, Programme
    from campus.review.models import Criterion, ReviewPhase

    programme = Programme.objects.first()
    edition = Edition.objects.create(programme=programme, name="Bench", slug="bench-source", capacity=25,
                                     application_deadline=date(2030, 4, 30), acceptance_letter_on=date(2030, 5, 29),
                                     hours_per_week_min=4, hours_per_week_max=8)
    zones = ["Europe/Stockholm", "Europe/Helsinki", "Europe/Vilnius", "Europe/Berlin"]
    modules = []
    for number, zone in enumerate(zones, start=1):
        start = date(2030, 9, 2) + timedelta(weeks=12 * (number - 1))
        module = Module.objects.create(edition=edition, number=number, title=f"Module {number}", city="City",
                                       country="FI", timezone=zone, starts_on=start, ends_on=start + timedelta(days=60),
                                       summary="Summary.", curriculum="Curriculum.")
        modules.append(module)
        for day in (0, 59):
            moment = datetime.combine(start + timedelta(days=day), datetime.min.time()).replace(hour=9,
                                                                                                tzinfo=ZoneInfo(zone))
            Meetup.objects.create(module=module, title=f"Meetup {number}.{day}", timezone=zone, starts_at=moment,
                                  ends_at=moment + timedelta(hours=8), country="FI")
        Assignment.objects.create(module=module, title=f"Assignment {number}", brief="Brief.",
                                  due_at=datetime(2030, 12, 1, 12, tzinfo=ZoneInfo(zone)))
    call = Call.objects.create(edition=edition, title="Bench call", opens_at=datetime(2030, 2, 1, tzinfo=ZoneInfo("UTC")),
                               closes_at=datetime(2030, 5, 1, tzinfo=ZoneInfo("UTC")), reference_prefix="BENCH30",
                               privacy_version="1.0")
    Question.objects.bulk_create(Question(call=call, key=f"q{i}", step="about", order=i, kind="short_text",
                                          label=f"Question {i}") for i in range(30))
    ReviewPhase.objects.create(call=call, name="Reading")
    Criterion.objects.bulk_create(Criterion(call=call, name=f"Criterion {i}", order=i) for i in range(4))
    MailTemplate.objects.bulk_create(MailTemplate(edition=edition, event=f"bench_event_{i}", subject="S", body="B")
                                     for i in range(20))
    for i in range(10):
        survey = Survey.objects.create(edition=edition, module=modules[i % 4] if i % 2 else None, title=f"Survey {i}")
        SurveyQuestion.objects.bulk_create(SurveyQuestion(survey=survey, order=o, kind="likert", text=f"Q{o}")
                                           for o in range(3))
    CertificateRule.objects.create(edition=edition, criterion="meetups_attended", parameters={"minimum": 6})
    actor = get_user_model().objects.create_user(email="bench.clone@example.org", password=None, is_staff=True)
    return edition, actor


def one_run(run: int) -> float:
    from campus.core.plugins import clone
    from campus.core.plugins.clone import Shift
    from campus.editions import services

    try:
        with transaction.atomic():
            source, actor = build_source()
            started = time.perf_counter()
            done = services.clone_edition(source=source, name="Bench copy", slug=f"bench-copy-{run}",
                                          shift=Shift(52 * 7), parts=[p.key for p in clone.parts()], actor=actor,
                                          token=f"bench-{run}")
            elapsed = time.perf_counter() - started
            assert done.created and done.edition.modules.count() == 4
            raise Rollback(elapsed)
    except Rollback as result:
        return result.args[0]


def main(runs: int) -> int:
    call_command("migrate", verbosity=0)
    from campus.programme.services import load_seed_edition

    load_seed_edition()
    times = [one_run(run) for run in range(runs)]
    median, worst = statistics.median(times), max(times)
    print(f"editions_clone: clone of 4 modules, 8 meetups, 30 questions, 20 templates, 10 surveys: "
          f"median {median:.3f} s, slowest {worst:.3f} s of {runs} (target under {TARGET_S:.0f} s)")
    if os.environ.get("BENCH_JSON"):
        Path(os.environ["BENCH_JSON"]).write_text(json.dumps({
            "what": "clone", "median_s": median, "slowest_s": worst, "runs": runs, "target_s": TARGET_S,
            "met": median < TARGET_S}))
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
