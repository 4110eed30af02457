"""The editions app's URLs in the permission matrix (merged into matrix.py; see the notes there).

/staff/editions/: the programme team (the world's manager is in the group) and superusers; a programme manager
of an edition sees the editions they manage (tests/editions/test_views.py covers a manager of another edition).
A reviewer, a module lead and everyone else signed in: 404; visitors sign in first. The draft ({ed_draft}) is
nobody's of the world: its page names its module, which carries the secret marker.
"""

from .matrix import LOGIN, Case, E

GET_ONLY = E("405")
POST_ONLY = E("405")
TEAM = E("404", anonymous=LOGIN, manager="200", superuser="200")
TEAM_SECRET = E("404", anonymous=LOGIN, manager="200+secret", superuser="200+secret")
NOT_FOUND = E("404", anonymous=LOGIN)
DRAFT_PAGE = "302→/staff/editions/{ed_draft}/"

MATRIX = {
    "staff_editions:home": [Case("/staff/editions/", TEAM, GET_ONLY)],
    # an empty POST: the form comes back with its errors; nothing is written
    "staff_editions:clone": [Case("/staff/editions/clone/", TEAM, TEAM)],
    "staff_editions:create": [Case("/staff/editions/clone/create/", GET_ONLY, TEAM)],
    "staff_editions:edition": [
        Case("/staff/editions/{ed_draft}/", TEAM_SECRET, GET_ONLY),
        Case("/staff/editions/{ed_seed}/", TEAM, GET_ONLY),
        Case("/staff/editions/999999/", NOT_FOUND, GET_ONLY),
    ],
    # the draft has an error (its module is in the past): publishing is refused on its page, which names it
    "staff_editions:publish": [
        Case("/staff/editions/{ed_draft}/publish/", POST_ONLY, TEAM_SECRET),
        Case("/staff/editions/999999/publish/", POST_ONLY, NOT_FOUND),
    ],
    # a draft already: nothing changes, back to its page
    "staff_editions:unpublish": [
        Case("/staff/editions/{ed_draft}/unpublish/", POST_ONLY,
             E("404", anonymous=LOGIN, manager=DRAFT_PAGE, superuser=DRAFT_PAGE)),
    ],
}
