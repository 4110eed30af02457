"""Coursework's URLs in the permission matrix (merged into matrix.py; see the notes there and world_coursework.py).

Participant pages (/me/coursework/): only a participant enters (others signed in: 403), and sees only their own
attempts, files and journal. Staff pages (/staff/coursework/): the edition's managers (and superusers) for every
module, the "lead" for module 1 only; anyone else signed in gets 404. The participant's private journal entry
answers 404 to every member of staff, managers and superusers included; the entry shared with module 1 is read
by its lead only.
"""

from .matrix import LOGIN, Case, E

ME = dict(anonymous=LOGIN, participant="200")
PARTICIPANT_PAGE = E("403", **ME)
LEADS = dict(anonymous=LOGIN, lead="200", manager="200", superuser="200")
LEAD_PAGE = E("404", **LEADS)
NOT_LEAD = E("404", anonymous=LOGIN, manager="200", superuser="200")  # module 2: "lead" does not lead it
NOBODY = E("404", anonymous=LOGIN)
LEAD_ONLY = E("404", anonymous=LOGIN, lead="200")  # a journal entry shared with module 1


def redirect(path: str) -> dict:
    target = "302→" + path
    return E("404", anonymous=LOGIN, lead=target, manager=target, superuser=target)


MATRIX = {
    # --- the participant (/me/coursework/) ---------------------------------------------------------------
    "coursework:home": [Case("/me/coursework/", PARTICIPANT_PAGE, E("405"))],
    "coursework:module": [
        Case("/me/coursework/modules/{cw_module}/", PARTICIPANT_PAGE, E("405")),
        Case("/me/coursework/modules/999999/", E("403", anonymous=LOGIN, participant="404"), E("405")),
    ],
    "coursework:material_file": [Case("/me/coursework/materials/{cw_material}/file/", PARTICIPANT_PAGE, E("405"))],
    "coursework:assignment": [
        # not started: an empty submission is a refused form (200, nothing stored)
        Case("/me/coursework/assignments/{cw_fresh}/", PARTICIPANT_PAGE, PARTICIPANT_PAGE),
        Case("/me/coursework/assignments/999999/", E("403", anonymous=LOGIN, participant="404"),
             E("403", anonymous=LOGIN, participant="404")),
    ],
    "coursework:attempt_file": [Case("/me/coursework/files/{cw_file}/", PARTICIPANT_PAGE, E("405"))],
    "coursework:journal:home": [Case("/me/coursework/journal/", PARTICIPANT_PAGE, PARTICIPANT_PAGE)],
    "coursework:journal:entry": [Case("/me/coursework/journal/{cw_private}/", PARTICIPANT_PAGE, PARTICIPANT_PAGE)],
    "coursework:journal:delete": [
        Case("/me/coursework/journal/{cw_doomed}/delete/", E("405"),
             E("403", anonymous=LOGIN, participant="302→/me/coursework/journal/")),
    ],
    # --- staff (/staff/coursework/) ----------------------------------------------------------------------
    "staff_coursework:home": [Case("/staff/coursework/", LEAD_PAGE, E("405"))],
    "staff_coursework:module": [
        Case("/staff/coursework/modules/{cw_module}/", LEAD_PAGE, E("405")),
        Case("/staff/coursework/modules/{cw_module2}/", NOT_LEAD, E("405"), note="a module the lead does not lead"),
    ],
    "staff_coursework:material_new": [
        Case("/staff/coursework/modules/{cw_module}/materials/new/", LEAD_PAGE, LEAD_PAGE),
        Case("/staff/coursework/modules/{cw_module2}/materials/new/", NOT_LEAD, NOT_LEAD),
    ],
    "staff_coursework:material_edit": [Case("/staff/coursework/materials/{cw_material}/", LEAD_PAGE, LEAD_PAGE)],
    "staff_coursework:material_delete": [
        Case("/staff/coursework/materials/{cw_material}/delete/", E("405"),
             redirect("/staff/coursework/modules/{cw_module}/")),
    ],
    "staff_coursework:material_file": [Case("/staff/coursework/materials/{cw_material}/file/", LEAD_PAGE, E("405"))],
    "staff_coursework:assignment_new": [
        Case("/staff/coursework/modules/{cw_module}/assignments/new/", LEAD_PAGE, LEAD_PAGE)],
    "staff_coursework:assignment_edit": [
        Case("/staff/coursework/assignments/{cw_assignment}/edit/", LEAD_PAGE, LEAD_PAGE),
        Case("/staff/coursework/assignments/{cw_assignment2}/edit/", NOT_LEAD, NOT_LEAD),
    ],
    "staff_coursework:submissions": [
        Case("/staff/coursework/assignments/{cw_assignment}/", LEAD_PAGE, E("405")),
        Case("/staff/coursework/assignments/{cw_assignment2}/", NOT_LEAD, E("405")),
    ],
    "staff_coursework:export": [
        Case("/staff/coursework/assignments/{cw_assignment}/export.csv", LEAD_PAGE, E("405")),
        Case("/staff/coursework/assignments/{cw_assignment}/export.xlsx", LEAD_PAGE, E("405")),
        Case("/staff/coursework/assignments/{cw_assignment}/export.pdf", NOBODY, E("405")),
    ],
    "staff_coursework:attempt": [
        # an empty decision is a refused form (200)
        Case("/staff/coursework/attempts/{cw_attempt}/", LEAD_PAGE, LEAD_PAGE),
    ],
    "staff_coursework:reopen": [
        # the attempt waits for feedback: nothing to reopen, back to its page with a message
        Case("/staff/coursework/attempts/{cw_attempt}/reopen/", E("405"),
             redirect("/staff/coursework/attempts/{cw_attempt}/")),
    ],
    "staff_coursework:attempt_file": [Case("/staff/coursework/files/{cw_file}/", LEAD_PAGE, E("405"))],
    "staff_coursework:journal": [Case("/staff/coursework/journal/", LEAD_PAGE, E("405"))],
    "staff_coursework:entry": [
        Case("/staff/coursework/journal/{cw_shared}/", LEAD_ONLY, LEAD_ONLY,
             note="shared with module 1: its lead only, not a manager or a superuser"),
        Case("/staff/coursework/journal/{cw_private}/", NOBODY, NOBODY, note="never shared: nobody on staff"),
    ],
}
