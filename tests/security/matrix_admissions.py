"""The admissions app's URLs in the permission matrix (merged into matrix.py; see the notes there).

The world (world_admissions.py) released an admit for the applicant: an open offer. Staff pages are for
programme managers of the edition (the manager, the superuser); everyone else signed in gets a 404. Staff
POSTs carry ``next`` so that their redirect is a fixed path.
"""

from .matrix import LOGIN, Case, E

STAFF_GET = E("404", anonymous=LOGIN, manager="200", superuser="200")
STAFF_GET_SECRET = E("404", anonymous=LOGIN, manager="200+secret", superuser="200+secret")
STAFF_POST_BACK = E("404", anonymous=LOGIN, manager="302→/staff/admissions/", superuser="302→/staff/admissions/")
NEXT = {"next": "/staff/admissions/"}

MATRIX = {
    "staff_admissions:home": [Case("/staff/admissions/", STAFF_GET, E("405"))],
    "staff_admissions:board": [
        Case("/staff/admissions/{call}/", STAFF_GET_SECRET, E("405")),
        Case("/staff/admissions/999999/", E("404", anonymous=LOGIN), E("405"), note="no such call"),
    ],
    "staff_admissions:stage": [
        Case("/staff/admissions/{call}/stage/", E("405"), STAFF_POST_BACK, data=NEXT,
             note="nothing chosen: a message, back to next"),
    ],
    "staff_admissions:release": [
        Case("/staff/admissions/{call}/release/", STAFF_GET, STAFF_POST_BACK, data=NEXT,
             note="nothing staged: nothing changes"),
    ],
    "staff_admissions:fill": [
        Case("/staff/admissions/{call}/fill/", E("405"), STAFF_POST_BACK, data=NEXT,
             note="free places (the world has 19) but nobody waiting: nothing changes"),
    ],
    "staff_admissions:settings": [
        Case("/staff/admissions/{call}/settings/", E("405"), E("404", anonymous=LOGIN, manager="200", superuser="200"),
             note="an empty form: errors next to the fields"),
    ],
    "staff_admissions:promotion": [
        Case("/staff/admissions/{call}/promotions/{offer}/confirm/", E("405"), STAFF_POST_BACK, data=NEXT,
             note="not a suggested promotion: a message"),
        Case("/staff/admissions/{call}/promotions/{offer}/nonsense/", E("405"),
             E("404", anonymous=LOGIN), data=NEXT),
    ],
    "staff_admissions:offer_letter": [
        Case("/staff/admissions/{call}/offers/{offer}/letter.pdf", STAFF_GET_SECRET, E("405")),
        Case("/staff/admissions/{call}/offers/999999/letter.pdf", E("404", anonymous=LOGIN), E("405"),
             note="no such offer"),
    ],
    "staff_admissions:place_confirmation": [
        Case("/staff/admissions/{call}/offers/{offer}/confirmation.pdf", E("404", anonymous=LOGIN), E("405"),
             note="the world's offer is open, not accepted: no confirmation for anybody"),
        Case("/staff/admissions/{call}/offers/999999/confirmation.pdf", E("404", anonymous=LOGIN), E("405"),
             note="no such offer"),
    ],
    # the applicant's offer pages, under /apply/offer/
    "admissions:offer": [Case("/apply/offer/", E("404", anonymous=LOGIN, applicant="200"),
                              E("405", anonymous=LOGIN))],
    "admissions:accept": [Case("/apply/offer/accept/", E("404", anonymous=LOGIN, applicant="200"),
                               E("404", anonymous=LOGIN, applicant="302→/apply/status/"))],
    "admissions:decline": [Case("/apply/offer/decline/", E("404", anonymous=LOGIN, applicant="200"),
                                E("404", anonymous=LOGIN, applicant="302→/apply/status/"))],
    "admissions:letter": [Case("/apply/offer/letter.pdf", E("404", anonymous=LOGIN, applicant="200+secret"),
                               E("405", anonymous=LOGIN))],
}
MATRIX.update({
    # the selection assistant (an empty POST stages nothing: the page again, 200), the exports and the CV zip (selection helper)
    "staff_admissions:assistant": [
        Case("/staff/admissions/{call}/assistant/", E("404", anonymous="302→login", manager="200+secret",
                                                        superuser="200+secret"),
             E("404", anonymous="302→login", manager="200", superuser="200")),
        Case("/staff/admissions/999999/assistant/", E("404", anonymous="302→login"),
             E("404", anonymous="302→login"), note="no such call"),
    ],
    "staff_admissions:export": [
        Case("/staff/admissions/{call}/export.csv", E("404", anonymous="302→login", manager="200+secret",
                                                        superuser="200+secret"), E("405")),
        Case("/staff/admissions/{call}/export.xlsx", E("404", anonymous="302→login", manager="200+secret",
                                                         superuser="200+secret"), E("405")),
        Case("/staff/admissions/{call}/export.html", E("404", anonymous="302→login"), E("405")),
    ],
    "staff_admissions:cvs": [
        Case("/staff/admissions/{call}/cvs.zip", E("404", anonymous="302→login", manager="200+secret",
                                                     superuser="200+secret"), E("405")),
    ],
})
