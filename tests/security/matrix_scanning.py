"""Signal scanning's URLs in the permission matrix (merged into matrix.py; objects in world_scanning.py).

Only participants of the edition reach /me/signals/ (403 for anyone else signed in). Sigrid's private signal (the
secret marker in text and comments) and her group signal (``GROUP_SECRET``, checked by test_scanning_walk.py) are
404 for the participant, whatever the verb; her cohort-visible signal can be read, commented on and voted for, not
edited, shared, triaged, linked or promoted (404). /staff/signals/ is for module leads and managers (and
superusers): the cohort's signals, Sigrid's group signal included, never a private one (404). The public link
answers anyone; the revoked link of Sigrid's private signal answers 404.
"""

from .matrix import LOGIN, Case, E
from .world_scanning import COHORT, OWN

ONLY_PARTICIPANT = dict(anonymous=LOGIN, participant="200")
HIDDEN = dict(anonymous=LOGIN, participant="404")
POST_ONLY = E("405")
OWN_PAGE = f"302→/me/signals/{OWN}/"
COHORT_PAGE = f"302→/me/signals/{COHORT}/"


def _post_only(action: str, *, cohort: str) -> list[Case]:
    return [
        Case(f"/me/signals/{{signal_own}}/{action}/", POST_ONLY, E("403", anonymous=LOGIN, participant=OWN_PAGE)),
        Case(f"/me/signals/{{signal_cohort}}/{action}/", POST_ONLY, E("403", anonymous=LOGIN, participant=cohort)),
        Case(f"/me/signals/{{signal_private}}/{action}/", POST_ONLY, E("403", **HIDDEN)),
        Case(f"/me/signals/{{signal_group}}/{action}/", POST_ONLY, E("403", **HIDDEN)),
    ]


LEADS = dict(anonymous=LOGIN, lead="200", manager="200", superuser="200")

MATRIX = {
    "scanning:list": [Case("/me/signals/", E("403", **ONLY_PARTICIPANT), E("405"))],
    "scanning:new": [Case("/me/signals/new/", E("403", **ONLY_PARTICIPANT), E("403", **ONLY_PARTICIPANT),
                          note="an empty POST is a refused form")],
    "scanning:matrix": [Case("/me/signals/matrix/", E("403", **ONLY_PARTICIPANT), E("405"))],
    "scanning:import": [Case("/me/signals/import/", E("403", **ONLY_PARTICIPANT), E("403", **ONLY_PARTICIPANT))],
    "scanning:export": [
        Case("/me/signals/export.csv", E("403", **ONLY_PARTICIPANT), E("405")),
        Case("/me/signals/export.json", E("403", **ONLY_PARTICIPANT), E("405")),
    ],
    "scanning:detail": [
        Case("/me/signals/{signal_own}/", E("403", **ONLY_PARTICIPANT), E("405")),
        Case("/me/signals/{signal_cohort}/", E("403", **ONLY_PARTICIPANT), E("405")),
        Case("/me/signals/{signal_private}/", E("403", **HIDDEN), E("405")),
        Case("/me/signals/{signal_group}/", E("403", **HIDDEN), E("405")),
        Case("/me/signals/999999/", E("403", **HIDDEN), E("405")),
    ],
    "scanning:edit": [
        Case("/me/signals/{signal_own}/edit/", E("403", **ONLY_PARTICIPANT), E("403", **ONLY_PARTICIPANT)),
        Case("/me/signals/{signal_cohort}/edit/", E("403", **HIDDEN), E("403", **HIDDEN)),
        Case("/me/signals/{signal_private}/edit/", E("403", **HIDDEN), E("403", **HIDDEN)),
    ],
    "scanning:sharing": [
        Case("/me/signals/{signal_own}/sharing/", E("403", **ONLY_PARTICIPANT), E("403", **ONLY_PARTICIPANT),
             note="an empty form is refused"),
        Case("/me/signals/{signal_cohort}/sharing/", E("403", **HIDDEN), E("403", **HIDDEN), note="not hers to share"),
        Case("/me/signals/{signal_private}/sharing/", E("403", **HIDDEN), E("403", **HIDDEN)),
        Case("/me/signals/{signal_group}/sharing/", E("403", **HIDDEN), E("403", **HIDDEN)),
    ],
    "scanning:triage": _post_only("triage", cohort="404"),
    "scanning:comment": _post_only("comment", cohort=COHORT_PAGE),
    "scanning:vote": _post_only("vote", cohort=COHORT_PAGE),
    "scanning:link": _post_only("link", cohort="404"),
    "scanning:promote": _post_only("promote", cohort="404"),
    "staff_signals:home": [Case("/staff/signals/", E("404", **LEADS), E("405"))],
    "staff_signals:signal": [
        Case("/staff/signals/{signal_group}/", E("404", **LEADS), E("405"), note="a group's signal: the cohort's work"),
        Case("/staff/signals/{signal_cohort}/", E("404", **LEADS), E("405")),
        Case("/staff/signals/{signal_private}/", E("404", anonymous=LOGIN), E("405"), note="a private signal"),
        Case("/staff/signals/{signal_own}/", E("404", anonymous=LOGIN), E("405"), note="a private signal"),
        Case("/staff/signals/999999/", E("404", anonymous=LOGIN), E("405")),
    ],
    "signals_public:signal": [
        Case("/signals/shared/{signal_public_token}/", E("200"), E("405")),
        Case("/signals/shared/{signal_revoked_token}/", E("404"), E("405"), note="a revoked link"),
        Case("/signals/shared/not-a-token/", E("404"), E("405")),
    ],
}
