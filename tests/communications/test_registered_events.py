"""Mail events are plug-ins (campus.core.plugins.mail): an event registered by an app communications has never
heard of shows up in the template editor, is edited with its own placeholders checked, and its mail goes through
the outbox; a key nobody registers any more is shown as itself, never a crash."""

import re

import pytest

from campus.communications import services as outbox
from campus.communications.models import MailTemplate, OutboxMessage
from campus.core.plugins import mail
from tests.core.smtp import smtp_server  # noqa: F401 - fixture

from .conftest import Role, person

KEY = "tests_certificate_ready"
LABEL = "Your certificate is ready (test app)"


def _certificate(message):
    return [("certificate.pdf", b"%PDF-1.4 certificate of " + message.to_email.encode(), "application/pdf")]


@pytest.fixture
def certificate_event():
    """A mail event of an app that is not installed: registered for the test, removed after it."""
    event = mail.register(mail.MailEvent(
        key=KEY, label=LABEL,
        placeholders={"certificate_url": "Where the participant downloads the certificate",
                      "hours": "How many hours the certificate states"},
        default_subject="Your certificate of the {programme_short} {edition}",
        default_body="Dear {name},\n\nyour certificate ({hours} hours) is ready:\n{certificate_url}\n",
        attachment="tests.certificate",
    ))
    mail.register_attachment("tests.certificate", _certificate)
    yield event
    mail.unregister(KEY)
    mail.unregister_attachment("tests.certificate")
    assert mail.get(KEY) is None


@pytest.mark.django_db
def test_a_registered_event_is_listed_edited_with_its_placeholders_and_sent_through_the_outbox(
    client, seeded, manager, recipient, certificate_event, run_tasks, smtp_server,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    client.force_login(manager)
    listing = client.get("/staff/outbox/templates/").content.decode()
    assert LABEL in listing
    url = f"/staff/outbox/templates/{KEY}/{seeded.pk}/"
    assert f'href="{url}"' in listing
    assert "Your certificate of the {programme_short} {edition}" in listing  # its registered default text

    form = client.get(url).content.decode()
    assert "<code>{certificate_url}</code>" in form and "Where the participant downloads the certificate" in form
    assert "your certificate ({hours} hours) is ready:" in form  # the editor starts from the registered default

    # a placeholder the event does not declare: refused, the error next to the field, what was typed kept
    response = client.post(url, {"subject": "Certificate", "body": "Dear {name}, see {certificate_link}"})
    assert response.status_code == 200
    html = response.content.decode()
    error = re.search(r'<p class="field__error" id="id_body-error">([^<]*)</p>', html)
    assert error and error.group(1).startswith("Unknown placeholder {certificate_link}. This mail offers: {name},")
    assert "{certificate_url}" in error.group(1) and "{hours}" in error.group(1)
    assert "Dear {name}, see {certificate_link}</textarea>" in html
    assert not MailTemplate.objects.filter(event=KEY).exists()

    response = client.post(url, {"subject": "Certificate: {hours} hours",
                                 "body": "Dear {name},\nyour certificate: {certificate_url}"})
    assert response.status_code == 302
    assert MailTemplate.objects.get(event=KEY, edition=seeded).subject == "Certificate: {hours} hours"

    # the app composes its mail; the outbox sends it (with the attachment the event declares)
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.compose(event=KEY, edition=seeded, to_user=recipient, send=True, dedupe_key="cert:1",
                                 context={"hours": "180", "certificate_url": "https://x.example/c/1"})
    assert message.attachment == "tests.certificate"
    assert run_tasks() == 1
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT
    [sent] = smtp_server.messages
    assert sent["Subject"] == "Certificate: 180 hours"
    assert sent.get_body(("plain",)).get_content().replace("\r\n", "\n").strip() == (
        "Dear Jonas Petraitis,\nyour certificate: https://x.example/c/1")
    [attachment] = list(sent.iter_attachments())
    assert attachment.get_filename() == "certificate.pdf"

    # the outbox pages show it by its label, and the filter offers it
    page = client.get(f"/staff/outbox/?event={KEY}").content.decode()
    assert f'<option value="{KEY}" selected>{LABEL}</option>' in page
    assert client.get(f"/staff/outbox/{message.pk}/").content.decode().count(LABEL) >= 1


@pytest.mark.django_db
def test_an_event_whose_app_is_gone_is_shown_by_its_key(client, seeded, manager, recipient, certificate_event):
    message = outbox.compose(event=KEY, edition=seeded, to_user=recipient, dedupe_key="cert:2",
                             context={"hours": "1"})
    mail.unregister(KEY)  # the app that registered it is removed; its rows stay
    assert str(message) == f"{KEY} to jonas@example.lt (Draft)" and message.get_event_display() == KEY
    client.force_login(manager)
    listing = client.get("/staff/outbox/")
    assert listing.status_code == 200 and f"<td>{KEY}</td>" in listing.content.decode()
    detail = client.get(f"/staff/outbox/{message.pk}/")
    assert detail.status_code == 200 and f"{KEY} to jonas@example.lt" in detail.content.decode()
    assert LABEL not in client.get("/staff/outbox/templates/").content.decode()
    assert client.get(f"/staff/outbox/templates/{KEY}/{seeded.pk}/").status_code == 404
    with pytest.raises(outbox.OutboxError, match="No mail event is registered"):
        outbox.compose(event=KEY, edition=seeded, to_user=recipient, dedupe_key="cert:3", context={})


@pytest.mark.django_db
def test_editable_by_narrows_who_edits_the_events_text(client, seeded, manager, superuser, django_user_model):
    mail.register(mail.MailEvent(key="tests_panel_note", label="A note to the panel (test app)",
                                 default_subject="Note", default_body="Dear {name}", editable_by=("interviewer",)))
    try:
        url = f"/staff/outbox/templates/tests_panel_note/{seeded.pk}/"
        client.force_login(manager)  # a manager, but not an interviewer: may not edit this one
        listing = client.get("/staff/outbox/templates/").content.decode()
        assert "A note to the panel (test app)" in listing and f'href="{url}"' not in listing
        assert client.get(url).status_code == 404
        assert client.post(url, {"subject": "x", "body": "y"}).status_code == 404
        both = person(django_user_model, "ivo@example.org", Role.MANAGER, Role.INTERVIEWER, edition=seeded)
        client.force_login(both)
        assert f'href="{url}"' in client.get("/staff/outbox/templates/").content.decode()
        assert client.post(url, {"subject": "Note {name}", "body": "Dear {name}"}).status_code == 302
        client.force_login(superuser)
        assert client.get("/staff/outbox/templates/tests_panel_note/default/").status_code == 200
    finally:
        mail.unregister("tests_panel_note")


def test_a_key_is_one_apps_only(certificate_event):
    assert mail.register(certificate_event) is certificate_event  # the same event again: nothing changes
    with pytest.raises(ValueError, match="is taken"):
        mail.register(mail.MailEvent(key=KEY, label="Someone else's mail"))
    assert mail.get(KEY).label == LABEL


def test_an_event_key_must_fit_the_url_and_the_column():
    for bad in ("Offer", "offer.sent", "offer-sent", "", "x" * 41):
        with pytest.raises(ValueError):
            mail.MailEvent(key=bad, label="x")
    with pytest.raises(ValueError):
        mail.MailEvent(key="ok", label="x", placeholders={"not a name": "x"})
