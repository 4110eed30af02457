"""Per-message headers (campus.core.plugins.mail.register_headers) and messages to an address without an
account: the provider is called when the message is sent, its headers reach the real SMTP server, reserved
names and line breaks are refused (the message fails, visibly, and nothing is sent)."""

import pytest

from campus.communications import services as outbox
from campus.communications.models import OutboxMessage
from campus.core.plugins import mail
from tests.core.smtp import smtp_server  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

EVENT = mail.MailEvent(key="test_headers", label="A test mail with headers", default_subject="Hello",
                       default_body="Dear {name},\n\nA text.")


@pytest.fixture
def event():
    mail.register(EVENT)
    calls = []

    def provider(message):
        calls.append(message.state)
        return {"List-Id": f"<list.{message.pk}.example.org>", "X-Campus-Test": "yes"}

    mail.register_headers(EVENT.key, provider)
    yield calls
    mail.unregister_headers(EVENT.key)
    mail.unregister(EVENT.key)


def test_headers_are_made_at_send_time_and_reach_the_smtp_server(seeded, event, smtp_server):  # noqa: F811
    message = outbox.compose(event=EVENT.key, edition=seeded, to_user=None, to_email="no.account@example.org",
                             context={}, dedupe_key="headers:1", send=True)
    assert message.recipient is None and message.to_email == "no.account@example.org"
    assert message.body.startswith("Dear applicant,") and event == []  # composing calls no provider
    assert outbox.deliver(message_id=message.pk) is True
    assert event == ["queued"]  # called once, inside the sending transaction (the row locked), before it is sent
    [sent] = smtp_server.messages
    assert sent["List-Id"] == f"<list.{message.pk}.example.org>" and sent["X-Campus-Test"] == "yes"
    assert smtp_server.envelopes[0].rcpt_tos == ["no.account@example.org"]


@pytest.mark.parametrize("bad", [{"Bcc": "x@example.org"}, {"X-Evil": "a\r\nBcc: x@example.org"}, {"X Y": "z"}])
def test_a_refused_header_fails_the_message_and_sends_nothing(seeded, event, smtp_server, bad):  # noqa: F811
    mail.register_headers(EVENT.key, lambda message: bad)
    message = outbox.compose(event=EVENT.key, edition=seeded, to_user=None, to_email="no.account@example.org",
                             context={}, dedupe_key="headers:bad", send=True)
    assert outbox.deliver(message_id=message.pk) is False
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.FAILED and "header" in message.error
    assert smtp_server.envelopes == []


def test_a_message_needs_a_recipient(seeded, event):
    with pytest.raises(outbox.OutboxError):
        outbox.compose(event=EVENT.key, edition=seeded, to_user=None, context={}, dedupe_key="headers:none")
