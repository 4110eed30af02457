"""The forum's staff URLs in the permission matrix (merged into matrix.py through app_modules; the forum's
public URLs are in matrix_forum.py).

The world (world_forum_staff.py) has an event of the world's edition whose seat holder wrote the secret marker in
their dietary needs. Only managers of the event's edition (and superusers) open these pages: visitors sign in,
anyone else signed in gets 404 (staff_page's default: nothing tells them what exists; a manager of another
edition gets 404 as well, tests/forum/test_staff_views.py). The registration list and its exports show the
needs (the marker); an empty POST of an action names no registration: 404.
"""

from .matrix import LOGIN, Case, E

MANAGERS = dict(anonymous=LOGIN, manager="200", superuser="200")
SECRET_FOR_MANAGERS = dict(anonymous=LOGIN, manager="200+secret", superuser="200+secret")
NO_REGISTRATION = E("404", anonymous=LOGIN)

MATRIX = {
    "staff_forum:home": [Case("/staff/forum/", E("404", **MANAGERS), E("405"))],
    "staff_forum:registrations": [
        Case("/staff/forum/{forum_event}/", E("404", **SECRET_FOR_MANAGERS), E("405")),
        Case("/staff/forum/999999/", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_forum:offer": [Case("/staff/forum/{forum_event}/offer/", E("405"), NO_REGISTRATION,
                               note="an empty POST names nobody")],
    "staff_forum:export": [
        Case("/staff/forum/{forum_event}/export.csv", E("404", **SECRET_FOR_MANAGERS), E("405")),
        Case("/staff/forum/{forum_event}/export.pdf", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_forum:message": [Case("/staff/forum/{forum_event}/message/", E("404", **MANAGERS),
                                 E("404", **MANAGERS), note="an empty POST is a refused form")],
    "staff_forum:badges": [Case("/staff/forum/{forum_event}/badges/", E("404", **MANAGERS), E("405"))],
    "staff_forum:checkin": [Case("/staff/forum/{forum_event}/check-in/", E("404", **MANAGERS), E("405"),
                                 camera=True, note="the QR scanner: camera=(self) on this page only")],
    "staff_forum:checkin_count": [Case("/staff/forum/{forum_event}/check-in/count.json", E("404", **MANAGERS),
                                       E("405"))],
    "staff_forum:checkin_do": [Case("/staff/forum/{forum_event}/check-in/do/", E("405"), NO_REGISTRATION,
                                    note="an empty POST names nobody")],
    "staff_forum:checkin_code": [
        Case("/staff/forum/check-in/code/{forum_code}/", E("404", **MANAGERS), E("405"),
             note="a GET shows the person, never checks in"),
        Case("/staff/forum/check-in/code/unknown-code/", E("404", anonymous=LOGIN), E("405")),
    ],
}
