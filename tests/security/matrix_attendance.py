"""The attendance app's URLs in the permission matrix (merged into matrix.py; objects in world_attendance.py).

Staff pages: the edition's managers (and the superuser) and the lead of module 1 ("lead"); the lead gets a 404
for anything of module 2 and for the webinar of the whole edition. The remark with the secret marker belongs to a
session of module 2: the managers read it (roll call, exports, overview), the lead's overview leaves module 2 out.
The participant area: the participant only; a bogus check-in code is refused with a message (400)."""

from .matrix import LOGIN, Case, E

RUNS = dict(anonymous=LOGIN, lead="200", manager="200", superuser="200")  # who runs a session of module 1
MANAGERS = dict(anonymous=LOGIN, manager="200", superuser="200")
READ_SECRET = dict(anonymous=LOGIN, manager="200+secret", superuser="200+secret")
BACK = "302→/staff/attendance/sessions/{att_session}/"  # test_matrix fills in the placeholders
BACK_OTHER = "302→/staff/attendance/sessions/{att_other_session}/"
EDIT_OTHER = "302→/staff/attendance/sessions/{att_other_session}/edit/"  # kept: attendance is recorded
HOME = "302→/staff/attendance/"

MATRIX = {
    "attendance:sessions": [Case("/me/attendance/", E("403", anonymous=LOGIN, participant="200"), E("405"))],
    "attendance:check_in": [
        Case("/me/attendance/check-in/1-1-bogus/", E("403", anonymous=LOGIN, participant="400"), E("405")),
    ],
    "staff_attendance:home": [
        Case("/staff/attendance/", E("404", **RUNS), E("405")),
        Case("/staff/attendance/?edition=999999", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_attendance:session_new": [
        # an empty form is refused on the page
        Case("/staff/attendance/meetups/{att_meetup}/sessions/new/", E("404", **RUNS), E("404", **RUNS)),
        Case("/staff/attendance/meetups/{att_other_meetup}/sessions/new/", E("404", **MANAGERS),
             E("404", **MANAGERS)),
        Case("/staff/attendance/meetups/999999/sessions/new/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN)),
    ],
    "staff_attendance:webinar_new": [Case("/staff/attendance/webinars/new/", E("404", **RUNS), E("404", **RUNS))],
    "staff_attendance:session_edit": [
        Case("/staff/attendance/sessions/{att_session}/edit/", E("404", **RUNS), E("404", **RUNS)),
        Case("/staff/attendance/sessions/{att_other_session}/edit/", E("404", **MANAGERS), E("404", **MANAGERS)),
        Case("/staff/attendance/sessions/{att_webinar}/edit/", E("404", **MANAGERS), E("404", **MANAGERS)),
    ],
    "staff_attendance:session_delete": [
        # module 2's session has attendance recorded: kept, back to its page with a message; the edition's webinar
        # has none: deleted (the managers' only)
        Case("/staff/attendance/sessions/{att_other_session}/delete/", E("405"),
             E("404", anonymous=LOGIN, manager=EDIT_OTHER, superuser=EDIT_OTHER)),
        Case("/staff/attendance/sessions/{att_webinar}/delete/", E("405"),
             E("404", anonymous=LOGIN, manager=HOME, superuser=HOME)),
    ],
    "staff_attendance:roll_call": [
        # an empty POST is no roll call: the page again
        Case("/staff/attendance/sessions/{att_session}/", E("404", **RUNS), E("404", **RUNS)),
        Case("/staff/attendance/sessions/{att_other_session}/", E("404", **READ_SECRET), E("404", **READ_SECRET)),
        Case("/staff/attendance/sessions/999999/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN)),
    ],
    "staff_attendance:rest_absent": [
        Case("/staff/attendance/sessions/{att_session}/rest-absent/", E("405"),
             E("404", anonymous=LOGIN, lead=BACK, manager=BACK, superuser=BACK)),
        Case("/staff/attendance/sessions/{att_other_session}/rest-absent/", E("405"),
             E("404", anonymous=LOGIN, manager=BACK_OTHER, superuser=BACK_OTHER)),
    ],
    "staff_attendance:qr_screen": [
        Case("/staff/attendance/sessions/{att_session}/qr/", E("404", **RUNS), E("405")),
        Case("/staff/attendance/sessions/{att_other_session}/qr/", E("404", **MANAGERS), E("405")),
    ],
    "staff_attendance:session_export": [
        Case("/staff/attendance/sessions/{att_session}/export.csv", E("404", **RUNS), E("405")),
        Case("/staff/attendance/sessions/{att_other_session}/export.csv", E("404", **READ_SECRET), E("405")),
        Case("/staff/attendance/sessions/{att_other_session}/export.xlsx", E("404", **READ_SECRET), E("405")),
        Case("/staff/attendance/sessions/{att_session}/export.html", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_attendance:overview": [
        # the lead's overview has module 1 only: the remark of module 2 is not in it
        Case("/staff/attendance/overview/", E("404", **{**READ_SECRET, "lead": "200"}), E("405")),
        Case("/staff/attendance/overview/?module=abc", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_attendance:overview_export": [
        # statuses only (the remarks are in the session's export)
        Case("/staff/attendance/overview/export.csv", E("404", **RUNS), E("405")),
        Case("/staff/attendance/overview/export.xlsx", E("404", **RUNS), E("405")),
    ],
}
