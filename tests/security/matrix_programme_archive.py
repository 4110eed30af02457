"""The archive of editions in the permission matrix (merged into matrix.py; see the notes there).

Public pages: /editions/ and each PUBLISHED edition's pages under /editions/<slug>/, the same for every role (GET
only). A draft edition (world_programme_archive.py: its name and its first module's title carry the secret marker)
answers 404 to everyone, staff included: staff see drafts on staff pages only, and nobody's staff pages are here.
The walk searches every answer for the marker.
"""

from .matrix import Case, E

PUBLIC = E("200")
GET_ONLY = E("405")
MISSING = E("404")

MATRIX = {
    "programme:editions": [Case("/editions/", PUBLIC, GET_ONLY)],
    "programme:edition_home": [
        Case("/editions/{edition}/", PUBLIC, GET_ONLY),
        Case("/editions/{draft_edition}/", MISSING, GET_ONLY, note="a draft edition"),
        Case("/editions/no-such-edition/", MISSING, GET_ONLY),
    ],
    "programme:edition_modules": [
        Case("/editions/{edition}/modules/", PUBLIC, GET_ONLY),
        Case("/editions/{draft_edition}/modules/", MISSING, GET_ONLY, note="a draft edition"),
    ],
    "programme:edition_module": [
        Case("/editions/{edition}/modules/{module}/", PUBLIC, GET_ONLY),
        Case("/editions/{edition}/modules/99/", MISSING, GET_ONLY, note="no such module"),
        Case("/editions/{draft_edition}/modules/1/", MISSING, GET_ONLY, note="a draft edition"),
    ],
    "programme:edition_module_ics": [
        Case("/editions/{edition}/modules/{module}/schedule.ics", PUBLIC, GET_ONLY),
        Case("/editions/{draft_edition}/modules/1/schedule.ics", MISSING, GET_ONLY, note="a draft edition"),
    ],
    "programme:edition_schedule": [
        Case("/editions/{edition}/schedule/", PUBLIC, GET_ONLY),
        Case("/editions/{draft_edition}/schedule/", MISSING, GET_ONLY, note="a draft edition"),
    ],
    "programme:edition_schedule_ics": [
        Case("/editions/{edition}/schedule.ics", PUBLIC, GET_ONLY),
        Case("/editions/{draft_edition}/schedule.ics", MISSING, GET_ONLY, note="a draft edition"),
    ],
}
