"""The cohort's URLs in the permission matrix (merged into matrix.py; see the notes there). Only a participant
enters the participant area (/me/); anyone else signed in is told it is for participants (403). The calendar feed
needs no sign-in: its secret address is the key (an unknown one: 404). The staff cohort pages are for the
programme managers of the edition (and superusers); anyone else signed in gets 404."""

from .matrix import LOGIN, Case, E

PARTICIPANT_PAGE = E("403", anonymous=LOGIN, participant="200")
STAFF_PAGE = E("404", anonymous=LOGIN, manager="200", superuser="200")
LEADS = "302→/staff/cohort/editions/{edition_id}/leads/"
ONBOARDING = "302→/staff/cohort/editions/{edition_id}/onboarding/"


def _managers(target: str) -> dict[str, str]:
    return E("404", anonymous=LOGIN, manager=target, superuser=target)


MATRIX = {
    "cohort:home": [Case("/me/", PARTICIPANT_PAGE, E("405"))],
    "cohort:schedule:page": [Case("/me/schedule/", PARTICIPANT_PAGE, E("405"))],
    "cohort:schedule:feed_new": [
        Case("/me/schedule/feed/new/", E("405"), E("403", anonymous=LOGIN, participant="302→/me/schedule/")),
    ],
    "cohort:schedule:feed_revoke": [
        Case("/me/schedule/feed/revoke/", E("405"), E("403", anonymous=LOGIN, participant="302→/me/schedule/")),
    ],
    "cohort:directory:page": [Case("/me/cohort/", PARTICIPANT_PAGE, E("405"))],
    "cohort:directory:consent": [
        # an empty form says "do not show my contact details": saved, back to the directory
        Case("/me/cohort/contact/", E("405"), E("403", anonymous=LOGIN, participant="302→/me/cohort/")),
    ],
    "cohort:calendar_feed": [
        Case("/me/calendar/{feed_token}.ics", E("200"), E("405"), note="the secret address is the key"),
        Case("/me/calendar/no-such-token-0123456789.ics", E("404"), E("405")),
    ],
    # --- staff (/staff/cohort/) --------------------------------------------------------------------------
    "staff_cohort:home": [Case("/staff/cohort/", STAFF_PAGE, E("405"))],
    "staff_cohort:participants": [
        Case("/staff/cohort/editions/{edition_id}/", STAFF_PAGE, E("405")),
        Case("/staff/cohort/editions/999999/", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_cohort:export": [
        Case("/staff/cohort/editions/{edition_id}/export.csv", STAFF_PAGE, E("405")),
        Case("/staff/cohort/editions/{edition_id}/export.xlsx", STAFF_PAGE, E("405")),
        Case("/staff/cohort/editions/{edition_id}/export.pdf", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_cohort:leads": [
        # an empty form is refused on the page (200)
        Case("/staff/cohort/editions/{edition_id}/leads/", STAFF_PAGE, STAFF_PAGE),
    ],
    "staff_cohort:lead_remove": [
        Case("/staff/cohort/leads/{lead_role}/remove/", E("405"), _managers(LEADS)),
        Case("/staff/cohort/leads/999999/remove/", E("405"), E("404", anonymous=LOGIN)),
    ],
    "staff_cohort:meetups": [Case("/staff/cohort/editions/{edition_id}/meetups/", STAFF_PAGE, E("405"))],
    "staff_cohort:meetup_mode": [
        # an empty form is refused on the page (200)
        Case("/staff/cohort/meetups/{meetup}/mode/", STAFF_PAGE, STAFF_PAGE),
        Case("/staff/cohort/meetups/999999/mode/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN)),
    ],
    "staff_cohort:onboarding": [
        Case("/staff/cohort/editions/{edition_id}/onboarding/", STAFF_PAGE, _managers(ONBOARDING)),
    ],
}
