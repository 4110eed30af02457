"""The strategy canvases' URLs in the permission matrix (merged into matrix.py; data in world_canvases.py).

/me/canvases/ is the participant area: visitors sign in, signed-in people who are not participants are told the
area is for participants (403). A canvas or note the participant may not see or edit answers 404 (another
participant's private canvas with the secret marker, group B's canvas, a canvas shared with the module leads
only). /staff/canvases/ is for module leads and managers (and superusers): the cohort's shared canvases, never a
private one, nor one of another edition (404). The public link answers anyone; a revoked link answers 404.
"""

from .matrix import LOGIN, Case, E

MINE = E("403", anonymous=LOGIN, participant="200")
NOT_MINE = E("403", anonymous=LOGIN, participant="404")
REFUSED = E("403", anonymous=LOGIN, participant="400")
POST_ONLY = E("405")
LEADS = dict(anonymous=LOGIN, lead="200", manager="200", superuser="200")
M = "/me/canvases/{canvas_mine}/"
S = "/me/canvases/{canvas_secret}/"

MATRIX = {
    "canvases:home": [Case("/me/canvases/", MINE, MINE, note="an empty new canvas is refused on the form")],
    "canvases:import": [Case("/me/canvases/import/", MINE, REFUSED, note="no file: refused on the form")],
    "canvases:canvas": [
        Case(M, MINE, POST_ONLY),
        Case(S, NOT_MINE, POST_ONLY, note="another participant's private canvas"),
        Case("/me/canvases/{canvas_group_b}/", NOT_MINE, POST_ONLY, note="another group's canvas"),
        Case("/me/canvases/{canvas_leads}/", NOT_MINE, POST_ONLY, note="shared with the module leads only"),
        Case("/me/canvases/{canvas_elsewhere}/", NOT_MINE, POST_ONLY, note="another edition's canvas"),
        Case("/me/canvases/99999/", NOT_MINE, POST_ONLY, note="no such canvas"),
    ],
    "canvases:details": [
        Case(M + "details/", MINE, MINE, note="an empty form is refused"),
        Case(S + "details/", NOT_MINE, NOT_MINE),
    ],
    "canvases:delete": [
        Case(M + "delete/", POST_ONLY, E("403", anonymous=LOGIN, participant="302→/me/canvases/{canvas_mine}/details/"),
             note="not confirmed: back to the form"),
        Case(S + "delete/", POST_ONLY, NOT_MINE),
    ],
    "canvases:item_add": [
        Case(M + "notes/", POST_ONLY, REFUSED, note="no text: refused"),
        Case(S + "notes/", POST_ONLY, NOT_MINE),
    ],
    "canvases:item_edit": [
        Case("/me/canvases/notes/{note_mine}/", MINE, MINE, note="an empty form is refused"),
        Case("/me/canvases/notes/{note_secret}/", NOT_MINE, NOT_MINE),
    ],
    "canvases:item_delete": [
        Case("/me/canvases/notes/{note_mine}/delete/", POST_ONLY,
             E("403", anonymous=LOGIN, participant="302→/me/canvases/{canvas_mine}/")),
        Case("/me/canvases/notes/{note_secret}/delete/", POST_ONLY, NOT_MINE),
    ],
    "canvases:item_move": [
        Case("/me/canvases/notes/{note_mine}/move/", POST_ONLY,
             E("403", anonymous=LOGIN, participant="302→/me/canvases/{canvas_mine}/"), note="nowhere: refused"),
        Case("/me/canvases/notes/{note_secret}/move/", POST_ONLY, NOT_MINE),
    ],
    "canvases:versions": [
        Case(M + "versions/", MINE, E("403", anonymous=LOGIN, participant="302→/me/canvases/{canvas_mine}/versions/"),
             note="an empty note is allowed: a new version"),
        Case(S + "versions/", NOT_MINE, NOT_MINE),
    ],
    "canvases:compare": [
        Case(M + "compare/?a=1&b=2", MINE, POST_ONLY),
        Case(M + "compare/", MINE, POST_ONLY, note="nothing chosen"),
        Case(S + "compare/?a=1&b=now", NOT_MINE, POST_ONLY),
    ],
    "canvases:sharing": [
        Case(M + "sharing/", MINE, MINE, note="an empty form is refused"),
        Case(S + "sharing/", NOT_MINE, NOT_MINE),
        Case("/me/canvases/{canvas_leads}/sharing/", NOT_MINE, NOT_MINE),
    ],
    "canvases:comment": [
        Case(M + "comments/", POST_ONLY, REFUSED, note="an empty comment is refused"),
        Case(S + "comments/", POST_ONLY, NOT_MINE),
    ],
    "canvases:export": [Case(M + "export.json", MINE, POST_ONLY), Case(S + "export.json", NOT_MINE, POST_ONLY)],
    "canvases:imported": [Case(M + "imported/", MINE, POST_ONLY), Case(S + "imported/", NOT_MINE, POST_ONLY)],
    "staff_canvases:home": [Case("/staff/canvases/", E("404", **LEADS), E("405"))],
    "staff_canvases:canvas": [
        Case("/staff/canvases/{canvas_leads}/", E("404", **LEADS), E("404", anonymous=LOGIN, lead="400",
                                                                         manager="400", superuser="400"),
             note="shared with the leads; an empty comment is refused"),
        Case("/staff/canvases/{canvas_group_b}/", E("404", **LEADS), E("404", anonymous=LOGIN, lead="400",
                                                                           manager="400", superuser="400")),
        Case("/staff/canvases/{canvas_secret}/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN),
             note="a private canvas"),
        Case("/staff/canvases/{canvas_elsewhere}/", E("404", anonymous=LOGIN, superuser="200"),
             E("404", anonymous=LOGIN, superuser="400"), note="another edition's, shared with its leads"),
    ],
    "canvases_public:canvas": [
        Case("/canvases/shared/{canvas_public_token}/", E("200"), E("405")),
        Case("/canvases/shared/{canvas_revoked_token}/", E("404"), E("405"), note="a revoked link"),
    ],
}

ADMIN_MODELS = {  # the programme team edits the canvas types in the content editor
    "canvases.canvastype": {"manager": "vacd", "superuser": "vacd"},
}
