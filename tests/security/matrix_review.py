"""The review app's URLs in the permission matrix (merged into matrix.py; see the notes there).

Review pages need a team role of the edition (campus.review.permissions): the world's reviewer (reviewer and
interviewer of the seed edition; the applicant's submitted application is assigned to them, the phase is not
blind) reads and scores that application; the manager (programme manager of the edition) and the superuser
manage everything. Everyone else signed in gets 404 (the lead is staff without a role), visitors are sent to
sign in. Small actions without a ``next`` go back to /staff/review/.
"""

from .matrix import Case, E

LOGIN = "302→login"
HOME = "302→/staff/review/"


def managers(answer: str, *, anonymous: str = LOGIN, **cells: str) -> dict[str, str]:
    """``answer`` for the manager and the superuser, 404 for every other signed-in role."""
    return E("404", **{"anonymous": anonymous, "manager": answer, "superuser": answer, **cells})


def team(answer: str, **cells: str) -> dict[str, str]:
    """``answer`` for the reviewer, the manager and the superuser."""
    return E("404", **{"anonymous": LOGIN, "reviewer": answer, "manager": answer, "superuser": answer, **cells})


NOT_POST = E("405")
NOT_GET = E("405")
APPLICATION = "/staff/review/applications/{application}/"

MATRIX = {
    "staff_review:home": [
        # the reviewer's queue shows the applicant's name; the manager's and superuser's queues are empty
        Case("/staff/review/", team("200", reviewer="200+secret"), NOT_POST),
    ],
    "staff_review:team": [
        Case("/staff/review/editions/{review_edition}/team/", managers("200"), managers("200")),
        Case("/staff/review/editions/999999/team/", managers("404"), managers("404")),
    ],
    "staff_review:team_remove": [
        Case("/staff/review/team/{review_membership}/remove/", NOT_GET, managers(HOME)),
    ],
    "staff_review:phases": [
        Case("/staff/review/calls/{call}/phases/", managers("200"), managers("200")),
        Case("/staff/review/calls/999999/phases/", managers("404"), managers("404")),
    ],
    "staff_review:phase_edit": [
        Case("/staff/review/phases/{review_phase}/", managers("200"), managers("200")),
    ],
    "staff_review:phase_activate": [
        Case("/staff/review/phases/{review_phase}/activate/", NOT_GET, managers(HOME)),
    ],
    "staff_review:criteria": [
        Case("/staff/review/calls/{call}/criteria/", managers("200"), managers("200")),
    ],
    "staff_review:criterion_edit": [
        Case("/staff/review/criteria/{review_criterion}/", managers("200"), managers("200")),
    ],
    "staff_review:criterion_delete": [
        Case("/staff/review/criteria/{review_criterion}/delete/", NOT_GET, managers(HOME)),
    ],
    "staff_review:assignments": [
        Case("/staff/review/calls/{call}/assignments/", managers("200+secret"), managers("200+secret")),
    ],
    "staff_review:auto_assign": [
        Case("/staff/review/calls/{call}/assignments/auto/", NOT_GET, managers("200+secret")),
    ],
    "staff_review:needs_reviews": [
        Case("/staff/review/calls/{call}/needs-reviews/", managers("200+secret"), NOT_POST),
    ],
    "staff_review:conflict_add": [
        Case("/staff/review/calls/{call}/conflicts/", NOT_GET, managers("200+secret")),
    ],
    "staff_review:unassign": [
        Case("/staff/review/assignments/{review_assignment}/remove/", NOT_GET, managers(HOME)),
    ],
    "staff_review:conflict_remove": [
        Case("/staff/review/conflicts/{review_conflict}/remove/", NOT_GET, managers(HOME)),
    ],
    "staff_review:review": [
        # the assigned reviewer: an empty review is refused on the form; managers read but do not score it
        Case(APPLICATION, team("200+secret"), team("403", reviewer="200+secret")),
        Case("/staff/review/applications/{other_application}/", managers("200"), managers("403")),
        Case("/staff/review/applications/999999/", team("404"), team("404")),
    ],
    "staff_review:declare_conflict": [
        Case(APPLICATION + "conflict/", NOT_GET, team(HOME)),
    ],
    "staff_review:document": [
        Case(APPLICATION + "documents/cv/", team("200+secret"), NOT_POST),
        Case(APPLICATION + "documents/letter/", team("200+secret"), NOT_POST),
        Case(APPLICATION + "documents/passport/", team("404"), NOT_POST),
    ],
}
