"""A "send once" service marks the message as sent before it goes out and closes SMTP only after the commit,
so a crash leaves "sent twice" possible only during the COMMIT itself (docs/deployment.md)."""

import pytest
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import connection

from campus.core.models import ActivityLog
from campus.programme import services
from campus.programme.models import ContactMessage

EVENTS = []


class RecordingBackend(LocmemBackend):
    """What the service's transaction looks like when the message goes out, and when SMTP is closed."""

    def open(self):
        EVENTS.append("open")
        return super().open()

    def send_messages(self, messages):
        contact = ContactMessage.objects.get()
        EVENTS.append(("send", connection.in_atomic_block, contact.notified_at is not None))
        return super().send_messages(messages)

    def close(self):
        EVENTS.append(("close", connection.in_atomic_block))
        return super().close()


class FailingBackend(LocmemBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("no SMTP server")


@pytest.fixture
def contact(seeded):
    return ContactMessage.objects.create(
        programme=seeded.programme, name="Ann", email="ann@example.org", topic="other", message="A question."
    )


@pytest.mark.django_db(transaction=True)
def test_marked_before_sending_and_smtp_closed_after_the_commit(contact, settings, mailoutbox):
    settings.EMAIL_BACKEND = "tests.core.test_mail_once.RecordingBackend"
    EVENTS.clear()
    assert services.notify_team_of_contact_message(message_id=contact.pk) is True
    # Sent inside the transaction, with the row already marked; closed once the transaction was committed.
    assert EVENTS == ["open", ("send", True, True), ("close", False)]
    assert len(mailoutbox) == 1
    EVENTS.clear()
    assert services.notify_team_of_contact_message(message_id=contact.pk) is False  # once
    assert EVENTS == [("close", False)] and len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_failed_send_leaves_the_message_unmarked_for_the_next_try(contact, settings, mailoutbox):
    settings.EMAIL_BACKEND = "tests.core.test_mail_once.FailingBackend"
    with pytest.raises(ConnectionRefusedError):
        services.notify_team_of_contact_message(message_id=contact.pk)
    contact.refresh_from_db()
    assert contact.notified_at is None
    assert not ActivityLog.objects.filter(action="programme.contact_message_notified").exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.notify_team_of_contact_message(message_id=contact.pk) is True
    assert len(mailoutbox) == 1
