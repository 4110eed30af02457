"""The mails travel over SMTP (a local aiosmtpd server) through the outbox: a guest's confirmation link, then
the confirmation with the event's .ics (parsed back) and the personal QR code (a PNG that decodes to the
check-in URL with the registration's check-in code, never its token)."""

import icalendar
import pytest

from campus.forum import services
from campus.forum.models import Registration
from campus.forum.qr import checkin_url
from tests.core.smtp import smtp_server  # noqa: F401 - fixture

from .conftest import DETAILS

pytestmark = pytest.mark.django_db


def test_confirmation_mail_carries_the_ics_and_the_qr_code(event, run_tasks, smtp_server,  # noqa: F811
                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration, _ = services.register(event=event, email="gina@example.org",
                                            details={**DETAILS, "name": "Gina Guest"})
    run_tasks()
    (first,) = smtp_server.messages
    assert first["To"] == "gina@example.org" and "Confirm your registration" in first["Subject"]
    text = first.get_content()
    assert "Dear Gina Guest," in text and f"/forum/registration/{registration.token}/confirm/" in text
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_email(registration=registration)
    run_tasks()
    second = smtp_server.messages[1]
    assert second["Subject"] == f"You are registered: {event.title}"
    body = second.get_body(preferencelist=("plain",)).get_content()
    assert f"/forum/registration/{registration.token}/cancel/" in body
    parts = {part.get_filename(): part for part in second.iter_attachments()}
    assert set(parts) == {f"{event.slug}.ics", "qr-code.png"}
    calendar = icalendar.Calendar.from_ical(parts[f"{event.slug}.ics"].get_content())
    (whole,) = calendar.walk("VEVENT")
    assert str(whole["SUMMARY"]) == event.title and whole["DTSTART"].dt == event.starts_on
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    png = parts["qr-code.png"].get_content()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    registration = Registration.objects.get(pk=registration.pk)
    url = checkin_url(registration)
    assert registration.checkin_code in url and registration.token not in url


def test_the_qr_code_is_the_check_in_url_and_not_the_token(event):
    import io

    import segno
    from PIL import Image

    from campus.forum.qr import checkin_png

    registration, _ = services.register(event=event, email="q@example.org", details=DETAILS)
    png = checkin_png(registration)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size[0] >= 200

    def drawn(text):
        buffer = io.BytesIO()
        segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=8, border=4)
        return buffer.getvalue()

    # no QR decoder here: segno draws the same matrix for the same text, and another for any other text
    assert png == drawn(checkin_url(registration))
    assert png != drawn(checkin_url(registration).replace(registration.checkin_code, registration.token))
