"""The API's addresses that take ?edition= (default: the current edition) in the permission matrix (merged into
matrix.py). A draft edition (world_programme_archive.py, with the secret marker) is 404 for everyone."""

from .matrix import Case, E

PUBLIC = E("200")
GET_ONLY = E("405")
MISSING = E("404")

MATRIX = {
    "api:current_modules": [
        Case("/api/modules", PUBLIC, GET_ONLY),
        Case("/api/modules?edition={draft_edition}", MISSING, GET_ONLY, note="a draft edition"),
    ],
    "api:current_module": [
        Case("/api/modules/{module}", PUBLIC, GET_ONLY),
        Case("/api/modules/1?edition={draft_edition}", MISSING, GET_ONLY, note="a draft edition"),
    ],
    "api:current_meetups": [
        Case("/api/meetups", PUBLIC, GET_ONLY),
        Case("/api/meetups?edition={draft_edition}", MISSING, GET_ONLY, note="a draft edition"),
    ],
}
