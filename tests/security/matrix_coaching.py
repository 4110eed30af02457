"""Peer coaching's URLs in the permission matrix (merged into matrix.py; see the notes there).

Staff pages (/staff/coaching/) are for the edition's programme managers (manager, superuser); other signed-in
people get 404, visitors sign in. The participant area (/me/coaching/) is for participants: the participant
role sees and logs into its own group (group A); group B (the secret's notes) answers 404; anyone else signed
in is told the area is for participants (403). An empty POST is refused with the form again (200).
"""

from .matrix import LOGIN, Case, E

MANAGERS = dict(anonymous=LOGIN, manager="200", superuser="200")

MATRIX = {
    "staff_coaching:home": [Case("/staff/coaching/", E("404", **MANAGERS), E("405"))],
    "staff_coaching:round_new": [
        Case("/staff/coaching/editions/{coaching_edition}/new/", E("404", **MANAGERS), E("404", **MANAGERS)),
        Case("/staff/coaching/editions/99999/new/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN),
             note="no such edition"),
    ],
    "staff_coaching:round": [
        Case("/staff/coaching/rounds/{coaching_round}/", E("404", **MANAGERS), E("405")),
        Case("/staff/coaching/rounds/99999/", E("404", anonymous=LOGIN), E("405"), note="no such round"),
    ],
    "staff_coaching:move": [
        Case("/staff/coaching/rounds/{coaching_round}/move/", E("405"), E("404", **MANAGERS)),
    ],
    "staff_coaching:export": [
        Case("/staff/coaching/rounds/{coaching_round}/export.csv", E("404", **MANAGERS), E("405")),
        Case("/staff/coaching/rounds/{coaching_round}/export.xlsx", E("404", **MANAGERS), E("405")),
        Case("/staff/coaching/rounds/{coaching_round}/export.pdf", E("404", anonymous=LOGIN), E("405"),
             note="no such format"),
    ],
    "coaching:home": [Case("/me/coaching/", E("403", anonymous=LOGIN, participant="200"), E("405"))],
    "coaching:log_session": [
        Case("/me/coaching/groups/{coaching_group}/sessions/", E("405"),
             E("403", anonymous=LOGIN, participant="200")),
        Case("/me/coaching/groups/{coaching_other_group}/sessions/", E("405"),
             E("403", anonymous=LOGIN, participant="404"), note="another group"),
    ],
}
