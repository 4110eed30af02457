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

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the handler in privacy_handler.py.
HANDLING = {
    "review.ReviewAssignment": "Access: the team member's assignments (applications by reference number only). "
                               "Erasure of the reviewer, or of the applicant: deleted. Staff who assigned: set to "
                               "nobody.",
    "review.ConflictOfInterest": "Access: the conflicts the team member declared, with the reason (applications "
                                 "by reference number); not in the applicant's download (the reviewer's data). "
                                 "Erasure of the reviewer, or of the applicant: deleted.",
    "review.Review": "Access for the applicant: once the application's results are released (never before: the "
                     "team's work in progress, like exam marks before the results), each review's kind, "
                     "recommendation, total, scores per criterion and the comment meant for the applicant, without "
                     "the reviewer's identity (that is the reviewer's data); the comment for the team is not "
                     "exported, as it may compare the person with other applicants. Access for the reviewer: the "
                     "reviews they wrote, with scores and totals, the application by reference number only, not "
                     "the comments (about the applicant). Erasure of the applicant: both comments cleared; the "
                     "recommendation, scores and total stay as anonymous numbers of an anonymised application. "
                     "Erasure of the reviewer: the reviews stay so that the ranking of the applicants does not "
                     "change, linked to the reviewer's anonymised account (no name, no address: pseudonymous, by "
                     "the account's number), the reviewer's name and addresses replaced in the comments. In comments "
                     "on other applications an erased person's names, addresses, phone and organisation are "
                     "replaced.",
}
