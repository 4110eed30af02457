"""The communications app's URLs in the permission matrix (merged into matrix.py; see the notes there).

Only programme managers of the message's edition (the world's "manager") and superusers get in; the
reviewer (reviewer and interviewer of the edition), the lead (staff, no role) and applicants get 404.
Default templates: superusers only.
"""

from .matrix import Case, E

LOGIN = "302→login"
BOSSES = ("manager", "superuser")


def only(answer_for_bosses: str, *, anonymous: str = LOGIN, default: str = "404", **cells: str) -> dict[str, str]:
    return E(default, anonymous=anonymous, **{**dict.fromkeys(BOSSES, answer_for_bosses), **cells})


MESSAGE = "/staff/outbox/{outbox_message}/"

MATRIX = {
    "staff_outbox:home": [
        Case("/staff/outbox/", only("200+secret"), E("405")),
        Case("/staff/outbox/?state=queued&event=received", only("200+secret"), E("405")),
    ],
    "staff_outbox:bulk_send": [Case("/staff/outbox/send/", E("405"), only("302→/staff/outbox/"))],
    "staff_outbox:message": [
        Case(MESSAGE, only("200+secret"), E("405")),
        Case("/staff/outbox/999999/", only("404"), E("405")),
    ],
    "staff_outbox:edit": [
        Case("/staff/outbox/{outbox_draft}/edit/", only("200+secret"), only("200")),
    ],
    "staff_outbox:send": [Case(MESSAGE + "send/", E("405"), only("302→/staff/outbox/"))],
    "staff_outbox:retry": [Case(MESSAGE + "retry/", E("405"), only("302→/staff/outbox/"))],
    "staff_outbox:cancel": [
        Case("/staff/outbox/{outbox_cancel}/cancel/", E("405"), only("302→/staff/outbox/")),
    ],
    "staff_outbox:templates": [Case("/staff/outbox/templates/", only("200"), E("405"))],
    "staff_outbox:template_default": [
        Case("/staff/outbox/templates/offer/default/", only("404", superuser="200"), only("404", superuser="200")),
    ],
    "staff_outbox:template_edition": [
        Case("/staff/outbox/templates/offer/{edition_id}/", only("200"), only("200")),
    ],
    "staff_outbox:template_remove": [
        Case("/staff/outbox/templates/offer/{edition_id}/remove/", E("405"), only("302→/staff/outbox/templates/")),
    ],
}
