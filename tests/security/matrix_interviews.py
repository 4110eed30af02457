"""The interviews app's URLs in the permission matrix (merged into matrix.py; see the notes there).

In the world (world_interviews.py) the applicant is invited and has booked ``interview_slot`` (panel: the
reviewer, who is an interviewer of the edition); ``free_slot`` is free. The reviewer is an interviewer, not a
manager: the managers' actions answer 403. People without a role in any edition get 404.
"""

from .matrix import LOGIN, NO_APPLICATION, SIGNED_IN_GET_ONLY, Case, E

HOME = "302→/staff/interviews/"
# staff pages: visitors sign in; people without a role get 404
ROLE_PAGE = dict(anonymous=LOGIN, reviewer="200+secret", manager="200+secret", superuser="200+secret")
MANAGER_ACTION = dict(anonymous=LOGIN, reviewer="403", manager=HOME, superuser=HOME)

MATRIX = {
    # --- the applicant (/apply/interview/): acts on their own invitation, no id of anyone else's ---------
    "interviews:book": [
        # an empty choice: back to the status page with a message; the other applicant is not invited
        Case("/apply/interview/book/", E("405", anonymous=LOGIN),
             E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="404")),
    ],
    "interviews:cancel": [
        Case("/apply/interview/cancel/", E("405", anonymous=LOGIN),
             E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="404")),
    ],
    "interviews:ics": [
        Case("/apply/interview/interview.ics", E(NO_APPLICATION, anonymous=LOGIN, applicant="200", other="404"),
             SIGNED_IN_GET_ONLY),
    ],
    # --- staff (/staff/interviews/) ------------------------------------------------------------------------
    "staff_interviews:home": [
        Case("/staff/interviews/", E("404", **ROLE_PAGE), E("405")),
        Case("/staff/interviews/?call=999999", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_interviews:slot_new": [
        Case("/staff/interviews/calls/{call}/slots/new/",
             E("404", anonymous=LOGIN, reviewer="403", manager="200", superuser="200"),
             E("404", anonymous=LOGIN, reviewer="403", manager="200", superuser="200")),
        Case("/staff/interviews/calls/999999/slots/new/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN)),
    ],
    "staff_interviews:slot": [
        # the panel's page: the panel (the reviewer) and managers; an empty assessment is refused
        Case("/staff/interviews/slots/{interview_slot}/", E("404", **ROLE_PAGE),
             E("404", anonymous=LOGIN, reviewer="200", manager="200", superuser="200")),
        Case("/staff/interviews/slots/{free_slot}/",
             E("404", anonymous=LOGIN, reviewer="200", manager="200", superuser="200"),
             E("404", anonymous=LOGIN, reviewer="400", manager="400", superuser="400")),
        Case("/staff/interviews/slots/999999/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN)),
    ],
    "staff_interviews:slot_edit": [
        Case("/staff/interviews/slots/{interview_slot}/edit/",
             E("404", anonymous=LOGIN, reviewer="403", manager="200+secret", superuser="200+secret"),
             E("404", anonymous=LOGIN, reviewer="403", manager="200", superuser="200")),
    ],
    "staff_interviews:slot_delete": [
        Case("/staff/interviews/slots/{free_slot}/delete/", E("405"), E("404", **MANAGER_ACTION)),
        # a booked slot is not deleted: back with a message
        Case("/staff/interviews/slots/{interview_slot}/delete/", E("405"), E("404", **MANAGER_ACTION)),
    ],
    "staff_interviews:slot_cancel_booking": [
        Case("/staff/interviews/slots/{interview_slot}/cancel-booking/", E("405"), E("404", **MANAGER_ACTION)),
    ],
    "staff_interviews:invite": [
        # nothing chosen: the overview again with the error summary (200); from the admissions board (its
        # next) back there with a message
        Case("/staff/interviews/invite/", E("405"), E("404", anonymous=LOGIN, reviewer="403",
                                                      manager="200+secret", superuser="200+secret")),
        Case("/staff/interviews/invite/", E("405"), E("404", anonymous=LOGIN, reviewer="403",
                                                      manager="302→/staff/admissions/",
                                                      superuser="302→/staff/admissions/"),
             data={"next": "/staff/admissions/"}),
    ],
    "staff_interviews:cancel_invitation": [
        Case("/staff/interviews/invitations/{invitation}/cancel/", E("405"), E("404", **MANAGER_ACTION)),
        Case("/staff/interviews/invitations/999999/cancel/", E("405"), E("404", anonymous=LOGIN)),
    ],
}
