"""What the review app holds about a person, for subject access and erasure (registered in plugin.py): the
reviews of an applicant's applications (once released, anonymous), a team member's reviews written,
assignments and declared conflicts (their roles are the team app's handler's)."""

from django.db.models import Q

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso, rewrite_texts

from . import erasure
from .models import ConflictOfInterest, Review, ReviewAssignment

# free text on other people's rows, scrubbed where it names the person for certain
OTHER_TEXTS = ((Review, ("comment_team", "comment_applicant")), (ConflictOfInterest, ("reason",)))


def scores_of(review: Review) -> list[dict]:
    result = []
    for score in sorted(review.scores.all(), key=lambda s: (s.criterion.order, s.criterion_id)):
        scale = score.criterion.scale or []
        label = scale[score.value - 1] if 0 < score.value <= len(scale) else ""
        result.append({"criterion": score.criterion.name, "weight": score.criterion.weight,
                       "score": score.value, "label": label})
    return result


def reviews_of(application_ids) -> list:
    return list(Review.objects.filter(application_id__in=application_ids).prefetch_related("scores__criterion")
                .order_by("application_id", "kind", "submitted_at", "id"))


def staff_work(user) -> dict:
    """What a team member did in review: reviews written (scores, not comments), assignments, conflicts
    declared. Applications are named by their reference number only."""
    if user is None:
        return {"reviews_written": [], "review_assignments": [], "conflicts_declared": []}
    reviews = (Review.objects.filter(reviewer=user).select_related("application")
               .prefetch_related("scores__criterion").order_by("submitted_at", "id"))
    assignments = (ReviewAssignment.objects.filter(reviewer=user).select_related("application")
                   .order_by("created_at", "id"))
    conflicts = (ConflictOfInterest.objects.filter(reviewer=user).select_related("application")
                 .order_by("created_at", "id"))
    return {
        "reviews_written": [
            {"application": r.application.reference, "kind": r.get_kind_display(),
             "recommendation": r.get_recommendation_display(), "total": str(r.total), "scores": scores_of(r),
             "submitted_at": iso(r.submitted_at)}
            for r in reviews
        ],
        "review_assignments": [
            {"application": a.application.reference, "kind": a.get_kind_display(),
             "assigned_at": iso(a.created_at), "reminded_at": iso(a.reminded_at)}
            for a in assignments
        ],
        "conflicts_declared": [
            {"application": c.application.reference, "reason": c.reason, "declared_at": iso(c.created_at)}
            for c in conflicts
        ],
    }


class ReviewHandler(PrivacyHandler):
    key, order = "review", 45
    internal_actions = ("review.",)
    notes = (
        "Reviews of your application and the decision on it are here once the results are released; "
        "before that they are the team's work in progress. Reviewers are not named.",
        "The comments reviewers and the team wrote for each other (not meant for you) are not in this "
        "file: they can compare you with other applicants. Ask the team for them if you want them.",
        "Reviews you wrote as a team member are listed with their scores, not their comments (those are "
        "about the applicants), and applications by their reference number only.",
    )

    def export(self, person: Person):
        data = staff_work(person.user)
        data["reviews_of_your_applications"] = [
            {"application": person.reference(r.application_id), "kind": r.get_kind_display(),
             "recommendation": r.get_recommendation_display(), "total": str(r.total), "scores": scores_of(r),
             "comment": r.comment_applicant, "submitted_at": iso(r.submitted_at)}
            for r in reviews_of(person.application_ids) if r.application_id in person.released
        ]
        return data, []

    def summary(self, subject):
        user = subject.user
        return {"reviews_written": Review.objects.filter(reviewer=user).count() if user else 0}

    def plan(self, person: Person):
        ids, user = person.application_ids, person.user
        mine = Q(application_id__in=ids) | Q(reviewer=user)
        part = {
            "reviews": reviews_of(ids),
            "assignments": list(ReviewAssignment.objects.filter(mine).select_related("application").order_by("pk")),
            "conflicts": list(ConflictOfInterest.objects.filter(mine).select_related("application").order_by("pk")),
            "reviews_written": Review.objects.filter(reviewer=user).count(),
        }
        person.add_targets(part["reviews"])
        part["texts_of_others"] = [
            (model, fields, person.changed_by_scrubbing(
                model.objects.select_related("application__applicant").exclude(application_id__in=ids), fields))
            for model, fields in OTHER_TEXTS
        ]
        return part

    def describe(self, part, person):
        texts = [[f"{row._meta.verbose_name} on application {row.application.reference}" for row in rows]
                 for _model, _fields, rows in part["texts_of_others"]]
        return [
            Section("Reviews of their applications", "both comments cleared; scores stay, anonymous",
                    [f"{person.reference(r.application_id)}: {r.get_kind_display()}" for r in part["reviews"]],
                    order=70),
            Section("Review assignments and conflicts", "deleted",
                    [f"{a.application.reference}: assignment" for a in part["assignments"]]
                    + [f"{c.application.reference}: conflict" for c in part["conflicts"]], order=71),
            # the roles are the team handler's rows (order 72): this text, about the reviews they wrote, comes first
            Section("Team roles and interview panels", "deleted; the reviews they wrote stay by an anonymised "
                    f"account ({part['reviews_written']})", [], order=71.9),
            Section("Texts of others that name them", "their name, address or organisation replaced", texts[0],
                    order=90),
            Section("Texts of others that name them", "", texts[1], order=90.3),
        ]

    def erase(self, part, person):
        counts = erasure.forget_person(
            applications=person.application_ids, assignments=[a.pk for a in part["assignments"]],
            conflicts=[c.pk for c in part["conflicts"]])
        counts["texts_of_others"] = sum(rewrite_texts(rows, fields, person.scrubbed)
                                        for _model, fields, rows in part["texts_of_others"])
        return counts
