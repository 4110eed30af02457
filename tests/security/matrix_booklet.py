"""The booklet's URLs in the permission matrix (merged into matrix.py; see the notes there).

/me/booklet/...: participants only (403 for anyone else signed in, visitors sign in first); the cohort's
booklet shows a profile shared with participants ({bk_members}) to the participant of that edition only, and
never one whose owner chose nobody ({bk_hidden}, which carries the secret marker). Staff pages: the edition's
managers (and superusers) only, 404 for every other signed-in person. Public pages: only the public profile
({bk_public}); the participants-only and the hidden profile answer 404 to everyone there, photos included.
"""

from .matrix import LOGIN, Case, E

GET_ONLY = E("405")
POST_ONLY = E("405")
ME = E("403", anonymous=LOGIN, participant="200")
ME_404 = E("403", anonymous=LOGIN, participant="404")
MANAGERS = {"manager": "200", "superuser": "200"}
STAFF = E("404", anonymous=LOGIN, **MANAGERS)
STAFF_SECRET = E("404", anonymous=LOGIN, manager="200+secret", superuser="200+secret")
NOT_FOUND = E("404", anonymous=LOGIN)
HOME = "302→/staff/booklet/"  # ?edition=<id> (the path is compared)
HIDDEN_PAGE = "302→/staff/booklet/participants/{bk_hidden_participant}/"

MATRIX = {
    # --- the participant (/me/booklet/) ---------------------------------------------------------------------
    # an empty POST: the name is required (the form comes back with the error); the consent needs a choice
    "booklet_me:edit": [Case("/me/booklet/", ME, ME)],
    "booklet_me:preview": [Case("/me/booklet/preview/", ME, GET_ONLY)],
    "booklet_me:consent": [Case("/me/booklet/consent/", ME, ME)],
    "booklet_me:photo": [Case("/me/booklet/photo/", ME, GET_ONLY)],
    "booklet_me:cohort": [Case("/me/booklet/cohort/", ME, GET_ONLY)],
    "booklet_me:cohort_profile": [
        Case("/me/booklet/cohort/{bk_members}/", ME, GET_ONLY),
        Case("/me/booklet/cohort/{bk_public}/", ME, GET_ONLY),
        Case("/me/booklet/cohort/{bk_hidden}/", ME_404, GET_ONLY, note="nobody: not even fellow participants"),
        Case("/me/booklet/cohort/999999/", ME_404, GET_ONLY),
    ],
    "booklet_me:cohort_photo": [
        Case("/me/booklet/cohort/{bk_members}/photo/", ME, GET_ONLY),
        Case("/me/booklet/cohort/{bk_hidden}/photo/", ME_404, GET_ONLY),
    ],
    # --- staff (/staff/booklet/) ------------------------------------------------------------------------------
    "staff_booklet:home": [
        Case("/staff/booklet/", STAFF, GET_ONLY),
        Case("/staff/booklet/?edition={bk_edition}", STAFF, GET_ONLY),
        Case("/staff/booklet/?edition=999999", NOT_FOUND, GET_ONLY),
    ],
    # an empty POST is a valid form (no introduction, public pages hidden): back to the list
    "staff_booklet:settings": [
        Case("/staff/booklet/editions/{bk_edition}/settings/", STAFF,
             E("404", anonymous=LOGIN, manager=HOME, superuser=HOME)),
        Case("/staff/booklet/editions/999999/settings/", NOT_FOUND, NOT_FOUND),
    ],
    # an empty POST locks every profile of the edition (the button's action is "lock")
    "staff_booklet:lock_all": [
        Case("/staff/booklet/editions/{bk_edition}/lock/", POST_ONLY,
             E("404", anonymous=LOGIN, manager=HOME, superuser=HOME)),
    ],
    # an empty POST of the profile form: the name is required
    "staff_booklet:profile": [
        Case("/staff/booklet/participants/{bk_hidden_participant}/", STAFF_SECRET, STAFF),
        Case("/staff/booklet/participants/{bk_public_participant}/", STAFF, STAFF),
        Case("/staff/booklet/participants/999999/", NOT_FOUND, NOT_FOUND),
    ],
    # an empty POST: no choice, the profile page comes back with the error
    "staff_booklet:consent": [
        Case("/staff/booklet/participants/{bk_hidden_participant}/consent/", POST_ONLY, STAFF_SECRET),
    ],
    "staff_booklet:lock": [
        Case("/staff/booklet/participants/{bk_hidden_participant}/lock/", POST_ONLY,
             E("404", anonymous=LOGIN, manager=HIDDEN_PAGE, superuser=HIDDEN_PAGE)),
    ],
    "staff_booklet:photo": [
        Case("/staff/booklet/participants/{bk_hidden_participant}/photo/", STAFF, GET_ONLY),
    ],
    # --- public (/booklet/) ---------------------------------------------------------------------------------
    # the current edition's booklet is at its own address (one page, one title)
    "booklet:current": [Case("/booklet/", E("302→/booklet/{bk_slug}/"), GET_ONLY)],
    "booklet:edition": [
        Case("/booklet/{bk_slug}/", E("200"), GET_ONLY),
        Case("/booklet/no-such-edition/", E("404"), GET_ONLY),
    ],
    "booklet:profile": [
        Case("/booklet/{bk_slug}/{bk_public}/", E("200"), GET_ONLY),
        Case("/booklet/{bk_slug}/{bk_members}/", E("404"), GET_ONLY, note="participants only: never public"),
        Case("/booklet/{bk_slug}/{bk_hidden}/", E("404"), GET_ONLY),
    ],
    "booklet:photo": [
        Case("/booklet/{bk_slug}/{bk_public}/photo/", E("200"), GET_ONLY),
        Case("/booklet/{bk_slug}/{bk_members}/photo/", E("404"), GET_ONLY),
        Case("/booklet/{bk_slug}/{bk_hidden}/photo/", E("404"), GET_ONLY),
    ],
}

# Raw data repair in the Django admin: superusers only.
ADMIN_MODELS = {
    "booklet.bookletprofile": {"manager": "", "superuser": "vacd"},
    "booklet.bookletsettings": {"manager": "", "superuser": "vacd"},
}

# The booklet PDF's URLs (branch bookletpdf) live in their own file.
from .matrix_booklet_pdf import MATRIX as _PDF_MATRIX  # noqa: E402

MATRIX.update(_PDF_MATRIX)
