"""The registrant's personal QR code for the check-in (segno, made on the server).

It holds a URL of the staff check-in page with the registration's ``checkin_code`` (not its ``token``: seeing
someone's badge or mail lets nobody cancel their seat). The staff side (forumstaff) serves that URL: a staff
GET shows the person with a check-in button, never checks in on GET. Keep CHECKIN_PATH in step with it."""

import io

import segno

CHECKIN_PATH = "/staff/forum/check-in/code/{code}/"


def checkin_url(registration) -> str:
    from campus.communications.services import site_url

    return site_url() + CHECKIN_PATH.format(code=registration.checkin_code)


def checkin_png(registration) -> bytes:
    buffer = io.BytesIO()
    segno.make(checkin_url(registration), error="m", micro=False).save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()
