"""The radars' URLs in the permission matrix (merged into matrix.py; data in world_radars.py).

/me/radars/ is the participant area: visitors sign in, signed-in people who are not participants are told the
area is for participants (403). A radar the participant may not see or edit answers 404 (another participant's
private radar with the secret marker, group B's radar). /staff/radars/ is for module leads and managers (and
superusers): the cohort's shared radars, never a private one (404). The public link answers anyone; a revoked
link answers 404. Empty POSTs get the form back (200) or a refusal.
"""

from .matrix import LOGIN, Case, E

PART = dict(anonymous=LOGIN)
MINE = E("403", anonymous=LOGIN, participant="200")  # the participant's own pages
NOT_MINE = E("403", anonymous=LOGIN, participant="404")  # someone else's radar
NOT_MINE_POST = NOT_MINE
GET_ONLY_PART = E("405")
LEADS = dict(anonymous=LOGIN, lead="200", manager="200", superuser="200")
R = "/me/radars/{radar_mine}/"
S = "/me/radars/{radar_secret}/"

MATRIX = {
    "radars:home": [Case("/me/radars/", MINE, MINE, note="an empty new radar is refused on the form")],
    "radars:radar": [
        Case(R, MINE, GET_ONLY_PART),
        Case(S, NOT_MINE, GET_ONLY_PART, note="another participant's private radar"),
        Case("/me/radars/{radar_group_b}/", NOT_MINE, GET_ONLY_PART, note="another group's radar"),
        Case("/me/radars/99999/", NOT_MINE, GET_ONLY_PART, note="no such radar"),
    ],
    "radars:settings": [
        Case(R + "settings/", MINE, MINE, note="an empty form is refused"),
        Case(S + "settings/", NOT_MINE, NOT_MINE_POST),
    ],
    "radars:delete": [
        Case(R + "delete/", GET_ONLY_PART, E("403", anonymous=LOGIN, participant="302→/me/radars/")),
        Case(S + "delete/", GET_ONLY_PART, NOT_MINE_POST),
    ],
    "radars:editions": [
        Case(R + "editions/", MINE, MINE, note="the radar has a draft already: refused on the form"),
        Case(S + "editions/", NOT_MINE, NOT_MINE_POST),
    ],
    "radars:publish": [
        Case(R + "editions/{radar_mine_draft}/publish/", GET_ONLY_PART,
             E("403", anonymous=LOGIN, participant="302→/me/radars/{radar_mine}/")),
        Case(S + "editions/{radar_secret_edition}/publish/", GET_ONLY_PART, NOT_MINE_POST),
        Case(R + "editions/{radar_secret_edition}/publish/", GET_ONLY_PART, NOT_MINE_POST,
             note="another radar's edition"),
    ],
    "radars:blip_add": [
        Case(R + "editions/{radar_mine_draft}/blips/new/", MINE, MINE, note="an empty blip is refused"),
        Case(R + "editions/{radar_mine_first}/blips/new/", NOT_MINE, NOT_MINE_POST, note="a published edition"),
        Case(S + "editions/{radar_secret_edition}/blips/new/", NOT_MINE, NOT_MINE_POST),
    ],
    "radars:blip_edit": [
        Case(R + "blips/{radar_mine_blip}/", MINE, MINE, note="an empty form is refused"),
        Case(S + "blips/{radar_secret_blip}/", NOT_MINE, NOT_MINE_POST),
        Case(R + "blips/{radar_secret_blip}/", NOT_MINE, NOT_MINE_POST, note="another radar's blip"),
    ],
    "radars:blip_remove": [
        Case(R + "blips/{radar_mine_blip}/remove/", GET_ONLY_PART,
             E("403", anonymous=LOGIN, participant="302→/me/radars/{radar_mine}/")),
        Case(S + "blips/{radar_secret_blip}/remove/", GET_ONLY_PART, NOT_MINE_POST),
    ],
    "radars:item": [
        Case(R + "items/{radar_mine_item}/", MINE, GET_ONLY_PART),
        Case(S + "items/{radar_secret_item}/", NOT_MINE, GET_ONLY_PART),
        Case(R + "items/{radar_secret_item}/", NOT_MINE, GET_ONLY_PART, note="another radar's item"),
    ],
    "radars:sharing": [
        Case(R + "sharing/", MINE, MINE, note="an empty form is refused"),
        Case(S + "sharing/", NOT_MINE, NOT_MINE_POST),
    ],
    "radars:print": [Case(R + "print/", MINE, GET_ONLY_PART), Case(S + "print/", NOT_MINE, GET_ONLY_PART)],
    "radars:pdf": [Case(R + "radar.pdf", MINE, GET_ONLY_PART), Case(S + "radar.pdf", NOT_MINE, GET_ONLY_PART)],
    # import and export (views/io.py)
    "radars:import": [
        Case(R + "import/", MINE, MINE, note="an empty upload is refused on the form"),
        Case(S + "import/", NOT_MINE, NOT_MINE_POST),
    ],
    "radars:import_commit": [
        Case(R + "import/commit/", GET_ONLY_PART,
             E("403", anonymous=LOGIN, participant="302→/me/radars/{radar_mine}/import/"),
             note="no held upload: back to the form"),
        Case(S + "import/commit/", GET_ONLY_PART, NOT_MINE_POST),
    ],
    "radars:export": [
        Case(R + "export/byor-csv/", MINE, GET_ONLY_PART),
        Case(R + "export/campus/", MINE, GET_ONLY_PART),
        Case(R + "export/nope/", NOT_MINE, GET_ONLY_PART, note="no such format"),
        Case(S + "export/campus/", NOT_MINE, GET_ONLY_PART, note="another participant's private radar"),
        Case("/me/radars/{radar_group_b}/export/backstage/", NOT_MINE, GET_ONLY_PART, note="another group's radar"),
    ],
    "staff_radars:home": [Case("/staff/radars/", E("404", **LEADS), E("405"))],
    "staff_radars:radar": [
        Case("/staff/radars/{radar_group_b}/", E("404", **LEADS), E("405")),
        Case("/staff/radars/{radar_secret}/", E("404", anonymous=LOGIN), E("405"), note="a private radar"),
        Case("/staff/radars/{radar_mine}/", E("404", anonymous=LOGIN), E("405"), note="a private radar"),
    ],
    "radars_public:radar": [
        Case("/radars/shared/{radar_public_token}/", E("200"), E("405")),
        Case("/radars/shared/{radar_revoked_token}/", E("404"), E("405"), note="a revoked link"),
    ],
    "radars_public:pdf": [
        Case("/radars/shared/{radar_public_token}/radar.pdf", E("200"), E("405")),
        Case("/radars/shared/{radar_revoked_token}/radar.pdf", E("404"), E("405"), note="a revoked link"),
    ],
}

ADMIN_MODELS = {  # raw repair by superusers only
    "radars.radar": {"manager": "", "superuser": "vacd"},
    "radars.radaredition": {"manager": "", "superuser": "vacd"},
    "radars.item": {"manager": "", "superuser": "vacd"},
    "radars.blip": {"manager": "", "superuser": "vacd"},
}
