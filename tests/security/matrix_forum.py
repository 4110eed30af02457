"""The forum's public and registrant URLs in the permission matrix (merged into matrix.py; see the notes there).

The world (world_forum.py) has an open event with the applicant's own registration (their name holds the secret
marker: no page of anyone else may show it, and their registration's token appears nowhere but their own
pages) and two guests' registrations (a guest's pages answer everyone with the token alike: the token is the
key); the seed's past forum (closed) and an unpublished event. An unknown token is a 404.
"""

from .matrix import Case, E

PUBLIC = E("200")
GET_ONLY = E("405")
OWN = "302→/forum/registration/{forum_applicant_token}/"
BACK = "302→/forum/registration/{forum_guest_token}/"
BACK_LEAVING = "302→/forum/registration/{forum_leaving_token}/"

MATRIX = {
    "forum:list": [Case("/forum/", PUBLIC, GET_ONLY)],
    "forum:event": [
        Case("/forum/{forum_open}/", PUBLIC, GET_ONLY),
        Case("/forum/no-such-event/", E("404"), GET_ONLY),
        Case("/forum/{forum_unpublished}/", E("404"), GET_ONLY, note="unpublished"),
    ],
    "forum:event_ics": [
        Case("/forum/{forum_open}/event.ics", PUBLIC, GET_ONLY),
        Case("/forum/{forum_unpublished}/event.ics", E("404"), GET_ONLY),
    ],
    "forum:register": [
        # the applicant (an account with a confirmed address) is registered: sent to their own registration;
        # an empty POST from anyone else is a refused form (200)
        Case("/forum/{forum_open}/register/", E("200", applicant=OWN), E("200", applicant=OWN)),
        Case("/forum/{forum_past}/register/", E("200"), E("400"), note="closed: says so, no form; a POST cannot succeed"),
        Case("/forum/{forum_unpublished}/register/", E("404"), E("404")),
    ],
    "forum:check_mail": [Case("/forum/{forum_open}/register/check-your-mail/", PUBLIC, GET_ONLY)],
    "forum:registration": [
        Case("/forum/registration/{forum_guest_token}/", PUBLIC, GET_ONLY, note="the guest's own page: the token is the key"),
        Case("/forum/registration/no-such-token/", E("404"), GET_ONLY),
    ],
    "forum:registration_confirm": [
        Case("/forum/registration/{forum_guest_token}/confirm/", PUBLIC, E(BACK),
             note="confirmed already: nothing more"),
        Case("/forum/registration/no-such-token/confirm/", E("404"), E("404")),
    ],
    "forum:registration_cancel": [
        Case("/forum/registration/{forum_leaving_token}/cancel/", PUBLIC, E(BACK_LEAVING),
             note="the first POST cancels, the next ones change nothing"),
        Case("/forum/registration/no-such-token/cancel/", E("404"), E("404")),
    ],
    "forum:registration_accept": [
        Case("/forum/registration/{forum_guest_token}/accept/", PUBLIC, E(BACK), note="has a seat: nothing more"),
        Case("/forum/registration/no-such-token/accept/", E("404"), E("404")),
    ],
}

ADMIN_MODELS = {
    "forum.event": {"manager": "vacd", "superuser": "vacd"},
    "forum.registration": {"manager": "", "superuser": "vcd"},  # raw repair only; no adding
}
