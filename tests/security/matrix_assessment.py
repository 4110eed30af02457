"""The assessment boards' URLs in the permission matrix (merged into matrix.py; data in world_assessment.py).

/me/boards/ is the participant area: visitors sign in, signed-in people who are not participants are told the
area is for participants (403). A board or card the participant may not see or edit answers 404 (another
participant's private board with the secret marker, group B's board), and so does promoting a signal they may
not see. Empty POSTs get the form back (200, 400) or a refusal. /staff/boards/ is for module leads and managers (and
superusers): the cohort's boards (group B's, with a scored card), never a private one (404).
"""

from .matrix import LOGIN, Case, E

MINE = E("403", anonymous=LOGIN, participant="200")
NOT_MINE = E("403", anonymous=LOGIN, participant="404")
GET_ONLY = E("405")
REFUSED = E("403", anonymous=LOGIN, participant="400")
B = "/me/boards/"
LEADS = dict(anonymous=LOGIN, lead="200", manager="200", superuser="200")
C = B + "{board_mine}/criteria/"

MATRIX = {
    "assessment:list": [Case(B, MINE, GET_ONLY)],
    "assessment:new": [Case(B + "new/", MINE, MINE, note="an empty board is refused on the form")],
    "assessment:board": [
        Case(B + "{board_mine}/", MINE, GET_ONLY),
        Case(B + "{board_secret}/", NOT_MINE, GET_ONLY, note="another participant's private board"),
        Case(B + "{board_group_b}/", NOT_MINE, GET_ONLY, note="another group's board"),
        Case(B + "99999/", NOT_MINE, GET_ONLY, note="no such board"),
    ],
    "assessment:card_new": [
        Case(B + "{board_mine}/cards/new/", MINE, MINE, note="an empty card is refused on the form"),
        Case(B + "{board_secret}/cards/new/", NOT_MINE, NOT_MINE),
    ],
    "assessment:criteria": [
        Case(C, MINE, REFUSED, note="an empty criterion is refused on the form"),
        Case(B + "{board_secret}/criteria/", NOT_MINE, NOT_MINE, note="another participant's private board"),
        Case(B + "{board_group_b}/criteria/", NOT_MINE, NOT_MINE, note="another group's board"),
    ],
    "assessment:criterion": [
        Case(C + "{criterion_mine}/", MINE, REFUSED, note="an empty form is refused"),
        Case(B + "{board_secret}/criteria/{criterion_secret}/", NOT_MINE, NOT_MINE),
        Case(C + "{criterion_secret}/", NOT_MINE, NOT_MINE, note="another board's criterion"),
    ],
    "assessment:criterion_move": [
        Case(C + "{criterion_mine}/move/", GET_ONLY,
             E("403", anonymous=LOGIN, participant="302→/me/boards/{board_mine}/criteria/"),
             note="no direction: refused"),
        Case(C + "{criterion_secret}/move/", GET_ONLY, NOT_MINE, note="another board's criterion"),
    ],
    "assessment:criterion_remove": [
        Case(C + "{criterion_mine}/remove/", GET_ONLY, MINE,
             note="scored: the page asks to confirm and says how many scores go"),
        Case(B + "{board_secret}/criteria/{criterion_secret}/remove/", GET_ONLY, NOT_MINE),
    ],
    "assessment:card_edit": [
        Case(B + "cards/{card_mine}/edit/", MINE, REFUSED, note="an empty card is refused on the form"),
        Case(B + "cards/{card_secret}/edit/", NOT_MINE, NOT_MINE, note="a card with others' scores"),
    ],
    "assessment:card": [
        Case(B + "cards/{card_mine}/", MINE, GET_ONLY),
        Case(B + "cards/{card_secret}/", NOT_MINE, GET_ONLY, note="a card with others' scores"),
    ],
    "assessment:move": [
        Case(B + "cards/{card_mine}/move/", GET_ONLY,
             E("403", anonymous=LOGIN, participant="302→/me/boards/{board_mine}/"), note="no stage: refused"),
        Case(B + "cards/{card_secret}/move/", GET_ONLY, NOT_MINE),
    ],
    "assessment:score": [
        Case(B + "cards/{card_mine}/score/", GET_ONLY, REFUSED, note="no value: refused"),
        Case(B + "cards/{card_secret}/score/", GET_ONLY, NOT_MINE),
    ],
    "assessment:decide": [
        Case(B + "cards/{card_mine}/decide/", GET_ONLY, REFUSED, note="no decision: refused"),
        Case(B + "cards/{card_secret}/decide/", GET_ONLY, NOT_MINE),
    ],
    "assessment:from_signal": [
        Case(B + "from-signal/{signal_mine}/", MINE, MINE, note="no board chosen: the form again"),
        Case(B + "from-signal/{signal_secret}/", NOT_MINE, NOT_MINE, note="another participant's signal"),
    ],
    "staff_assessment:home": [Case("/staff/boards/", E("404", **LEADS), E("405"))],
    "staff_assessment:board": [
        Case("/staff/boards/{board_group_b}/", E("404", **LEADS), E("405"), note="a group's board, scored"),
        Case("/staff/boards/{board_secret}/", E("404", anonymous=LOGIN), E("405"), note="a private board"),
        Case("/staff/boards/{board_mine}/", E("404", anonymous=LOGIN), E("405"), note="a private board"),
        Case("/staff/boards/99999/", E("404", anonymous=LOGIN), E("405"), note="no such board"),
    ],
}
