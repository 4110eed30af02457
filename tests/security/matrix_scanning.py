"""Signal scanning's URLs in the permission matrix (merged into matrix.py; objects in world_scanning.py).

Only participants of the edition reach /me/signals/ (403 for anyone else signed in). Sigrid's private and
group signals (the secret marker in text and comments) are 404 for the participant, whatever the verb; her
cohort-visible signal can be read, commented on and voted for, not edited, triaged, linked or promoted (404).
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
    "scanning:triage": _post_only("triage", cohort="404"),
    "scanning:comment": _post_only("comment", cohort=COHORT_PAGE),
    "scanning:vote": _post_only("vote", cohort=COHORT_PAGE),
    "scanning:link": _post_only("link", cohort="404"),
    "scanning:promote": _post_only("promote", cohort="404"),
}
