"""The review setup of the seed call: criteria with weights and labelled scales, two interview criteria and an
active review phase. Runs after the applications app created the call (programme.services.seed_edition_loaded).

Idempotent: criteria are created only for a call that has none of that kind, the phase only for a call without
any phase; nothing existing is changed.
"""

from django.db import transaction

from campus.applications.models import Call
from campus.core.activity import log_activity

from .models import Criterion, Kind, ReviewPhase

REVIEW_CRITERIA = [
    ("Experience in cluster management",
     "Years and depth of experience running a cluster or a comparable network organisation.", 3,
     ["No relevant experience", "Some exposure", "A few years in the role", "Solid experience", "Extensive, leading experience"]),
    ("Motivation and goals",
     "How clearly the applicant says what they want to learn and change in their cluster.", 2,
     ["Unclear", "General", "Clear", "Clear and concrete", "Compelling, with a plan"]),
    ("Contribution to the cohort",
     "What the applicant brings to the other participants: sector, country, cross-border work, ideas.", 2,
     ["Little", "Some", "Useful", "Valuable", "Outstanding"]),
    ("Ability to take part in all modules",
     "Availability for the four modules, the meetups and the online work.", 1,
     ["Cannot take part", "Major gaps", "Some gaps", "Nearly all", "All modules, fully"]),
]
INTERVIEW_CRITERIA = [
    ("Communication and English", "Takes part in discussions in English with ease.", 1,
     ["Very limited", "Basic", "Adequate", "Good", "Excellent"]),
    ("Commitment and fit", "Commitment to the programme and fit with the cohort, as shown in the interview.", 1,
     ["Weak", "Some doubts", "Adequate", "Strong", "Very strong"]),
]


@transaction.atomic
def load_seed_review(*, call: Call) -> dict:
    created = {"criteria": 0, "phase": False}
    for kind, specs in ((Kind.REVIEW, REVIEW_CRITERIA), (Kind.INTERVIEW, INTERVIEW_CRITERIA)):
        if Criterion.objects.filter(call=call, kind=kind).exists():
            continue
        for order, (name, description, weight, scale) in enumerate(specs, start=1):
            Criterion.objects.create(call=call, kind=kind, name=name, description=description, weight=weight,
                                     scale=list(scale), order=order)
            created["criteria"] += 1
    if not ReviewPhase.objects.filter(call=call).exists():
        ReviewPhase.objects.create(
            call=call, name="First review", order=0, is_active=True, reviews_open=True,
            others_visible=ReviewPhase.Visibility.AFTER_OWN, blind=False, reviews_per_application=2,
        )
        created["phase"] = True
    if created["criteria"] or created["phase"]:
        log_activity(action="review.seed_loaded", target=call, **created)
    return created


def on_seed_edition_loaded(sender, *, edition, created, **kwargs):
    for call in Call.objects.filter(edition=edition):
        load_seed_review(call=call)
