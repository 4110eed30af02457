"""Personal data held by the review app (read by campus.privacy.registry; see docs/privacy.md)."""

_SELECTING = "Selecting the participants of an edition: the team's assessment of an application"
_KEPT = "With the application; deleted when the applicant is erased"
_REVIEW_KEPT = ("With the application. Applicant erased: both comments cleared, scores and total kept as anonymous "
                "numbers. Reviewer erased: the review stays with the anonymised account")
_STAFF = "Organising the review team of an edition"

PERSONAL_DATA = {
    "review.ReviewAssignment.reviewer": (_STAFF + ": who reviews which application", _KEPT, "legitimate_interest"),
    "review.ReviewAssignment.assigned_by": ("Accountability of staff actions", "Set to nobody when that staff member is erased", "legitimate_interest"),
    "review.ConflictOfInterest.reviewer": ("Fair review: a reviewer never reviews someone they have a conflict with", _KEPT, "legitimate_interest"),
    "review.Review.reviewer": (_SELECTING, _REVIEW_KEPT, "legitimate_interest"),
    "review.Review.comment_team": (_SELECTING, _REVIEW_KEPT, "legitimate_interest"),
    "review.Review.comment_applicant": (_SELECTING + " (may be passed on to the applicant)", _REVIEW_KEPT,
                                        "legitimate_interest"),
    "review.ConflictOfInterest.reason": ("Fair review: why a reviewer declared a conflict", _KEPT,
                                         "legitimate_interest"),
}
NOT_PERSONAL = {
    "review.Criterion.name": "The name of a review criterion.",
    "review.ReviewPhase.name": "The name of a review phase.",
}
