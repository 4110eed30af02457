"""The outbox services: one message per dedupe key, sent exactly once over real SMTP, failures kept visible
and retried, bulk sending, attachments at send time, and the activity log of every change."""

import threading

import pytest
from django.db import connection, transaction
from django.db.utils import IntegrityError

from campus.communications import services as outbox
from campus.communications.models import OutboxMessage
from campus.core.models import ActivityLog
from campus.core.plugins import mail
from tests.core.smtp import smtp_server  # noqa: F401 - fixture

from .conftest import draft

S = OutboxMessage.State


def log_of(message):
    return list(ActivityLog.objects.filter(target_type="communications.outboxmessage", target_id=str(message.pk))
                .order_by("pk").values_list("action", "data__from", "data__to"))


@pytest.mark.django_db
def test_compose_twice_gives_the_same_row_unchanged(seeded, recipient, manager):
    first = draft(seeded, recipient, key="rejected:1")
    second = outbox.compose(event="offer", edition=seeded, to_user=recipient, context={}, dedupe_key="rejected:1",
                            send=True, actor=manager)
    assert second.pk == first.pk and second.state == S.DRAFT and second.event == "rejected"
    assert OutboxMessage.objects.count() == 1
    assert log_of(first) == [("communications.composed", None, "draft")]


@pytest.mark.django_db
def test_compose_survives_losing_the_race_for_the_key(seeded, recipient, monkeypatch):
    """The other transaction inserted the key between our look and our insert: we return its row."""
    winner = draft(seeded, recipient, key="race")
    real_filter = OutboxMessage.objects.filter
    calls = {"n": 0}

    def filter_once_empty(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            return OutboxMessage.objects.none()
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(OutboxMessage.objects, "filter", filter_once_empty)
    with transaction.atomic():  # a caller's transaction survives the IntegrityError (savepoint)
        again = outbox.compose(event="rejected", edition=seeded, to_user=recipient, context={}, dedupe_key="race")
        assert OutboxMessage.objects.count() == 1
    assert again.pk == winner.pk


@pytest.mark.django_db
def test_queued_message_is_delivered_over_smtp_once(
    seeded, recipient, manager, run_tasks, smtp_server, django_capture_on_commit_callbacks, settings  # noqa: F811
):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.compose(event="waitlisted", edition=seeded, to_user=recipient, send=True, actor=manager,
                                 context={"reference": "CME20-0009", "rank": 4}, dedupe_key="wait:9")
    assert message.state == S.QUEUED and smtp_server.envelopes == []
    assert run_tasks() == 1
    assert outbox.deliver(message_id=message.pk) is False  # a retried or duplicated task sends nothing more
    assert run_tasks() == 0
    assert len(smtp_server.envelopes) == 1
    assert smtp_server.envelopes[0].rcpt_tos == ["jonas@example.lt"]
    sent = smtp_server.messages[0]
    assert sent["Subject"] == "Your application CME20-0009: on the waitlist"
    assert "You are number 4 on the waitlist." in sent.get_content()
    # a stable Message-ID per outbox row: a copy sent again after a crash could be recognised as the same mail
    assert sent["Message-ID"].startswith(f"<outbox.{message.pk}.")
    message.refresh_from_db()
    assert message.state == S.SENT and message.sent_at and message.attempts == 1 and message.error == ""
    assert log_of(message) == [("communications.composed", None, "queued"), ("communications.sent", "queued", "sent")]
    entry = ActivityLog.objects.get(action="communications.sent")
    assert entry.actor == manager and entry.data["to_email"] == "jonas@example.lt"


@pytest.mark.django_db
def test_nothing_is_queued_when_the_callers_transaction_rolls_back(seeded, recipient, run_tasks,
                                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                outbox.compose(event="rejected", edition=seeded, to_user=recipient, context={}, dedupe_key="x",
                               send=True)
                raise RuntimeError("the decision failed")
    assert OutboxMessage.objects.count() == 0
    assert run_tasks() == 0


class RefusingInbox:
    """A real SMTP server that refuses the recipient."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 No such user here"


@pytest.mark.django_db
def test_a_recipient_refused_by_the_server_fails_visibly(seeded, recipient, settings):
    from aiosmtpd.controller import Controller

    from tests.core.smtp import free_port

    port = free_port()
    controller = Controller(RefusingInbox(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
        message = draft(seeded, recipient, key="refused")
        outbox.send(messages=[message], actor=None)
        assert outbox.deliver(message_id=message.pk) is False
    finally:
        controller.stop()
    message.refresh_from_db()
    assert message.state == S.FAILED and "SMTPRecipientsRefused" in message.error and "550" in message.error


@pytest.mark.django_db
def test_bulk_send_queues_only_drafts_each_with_its_own_task(
    seeded, recipient, django_user_model, manager, run_tasks, django_capture_on_commit_callbacks, mailoutbox
):
    people = [django_user_model.objects.create_user(email=f"p{i}@example.org", password="x" * 12) for i in range(5)]
    drafts = [draft(seeded, p, key=f"bulk:{i}") for i, p in enumerate(people)]
    cancelled = outbox.cancel(message=drafts[4], actor=manager)
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.send(messages=OutboxMessage.objects.all(), actor=manager) == 4
        assert outbox.send(messages=drafts, actor=manager) == 0  # nothing left to queue
    assert run_tasks() == 4
    assert sorted(m.to[0] for m in mailoutbox) == ["p0@example.org", "p1@example.org", "p2@example.org",
                                                    "p3@example.org"]
    cancelled.refresh_from_db()
    assert cancelled.state == S.CANCELLED
    queued = ActivityLog.objects.filter(action="communications.queued")
    assert queued.count() == 4 and {e.actor for e in queued} == {manager}


@pytest.mark.django_db
def test_edit_a_draft_and_the_guards(seeded, recipient, manager, mailoutbox):
    message = draft(seeded, recipient, key="edit")
    outbox.edit_draft(message=message, subject="New\r\nsubject", body="New text {name}", actor=manager)
    message.refresh_from_db()
    assert (message.subject, message.body) == ("New subject", "New text {name}")  # as written: no rendering
    assert ActivityLog.objects.get(action="communications.edited").data["fields"] == ["subject", "body"]
    with pytest.raises(outbox.OutboxError, match="needs a subject"):
        outbox.edit_draft(message=message, subject=" ", body="x", actor=manager)
    outbox.send(messages=[message], actor=manager)
    with pytest.raises(outbox.OutboxError, match="Only a draft can be edited"):
        outbox.edit_draft(message=message, subject="s", body="b", actor=manager)
    assert outbox.deliver(message_id=message.pk) is True
    assert mailoutbox[0].body == "New text {name}"
    with pytest.raises(outbox.OutboxError, match="cannot become cancelled"):
        outbox.cancel(message=message, actor=manager)
    with pytest.raises(outbox.OutboxError):
        outbox.retry(message=message, actor=manager)


@pytest.mark.django_db
def test_a_message_cancelled_while_queued_is_not_sent(seeded, recipient, manager, mailoutbox):
    message = draft(seeded, recipient, key="cancel-q")
    outbox.send(messages=[message], actor=manager)
    outbox.cancel(message=message, actor=manager)
    assert outbox.deliver(message_id=message.pk) is False
    assert mailoutbox == []


@pytest.mark.django_db
def test_attachments_are_made_when_sending(seeded, recipient, mailoutbox):
    made = []

    def letter(message):
        made.append(message.pk)
        return [(f"letter-{message.recipient.full_name}.pdf", b"%PDF-1.4 letter", "application/pdf")]

    mail.register_attachment("tests.letter", letter)
    message = outbox.compose(event="offer", edition=seeded, to_user=recipient, context={}, dedupe_key="att",
                             attachment="tests.letter")
    assert made == []  # nothing is made while composing
    outbox.send(messages=[message], actor=None)
    assert outbox.deliver(message_id=message.pk) is True
    assert made == [message.pk]
    assert mailoutbox[0].attachments == [("letter-Jonas Petraitis.pdf", b"%PDF-1.4 letter", "application/pdf")]
    assert ActivityLog.objects.get(action="communications.sent").data["attachments"] == ["letter-Jonas Petraitis.pdf"]


@pytest.mark.django_db
def test_an_unknown_or_broken_attachment_fails_the_message_visibly(seeded, recipient, mailoutbox):
    def broken(message):
        raise RuntimeError("typst could not compile the letter")

    mail.register_attachment("tests.broken", broken)
    for key, name, expected in (("a1", "tests.nowhere", "No attachment provider"), ("a2", "tests.broken", "typst")):
        message = outbox.compose(event="offer", edition=seeded, to_user=recipient, context={}, dedupe_key=key,
                                 attachment=name)
        outbox.send(messages=[message], actor=None)
        assert outbox.deliver(message_id=message.pk) is False
        message.refresh_from_db()
        assert message.state == S.FAILED and expected in message.error
    assert mailoutbox == []


@pytest.mark.django_db
def test_stale_queued_messages_get_a_new_task(seeded, recipient, run_tasks, mailoutbox):
    from datetime import timedelta

    from django.utils import timezone

    message = draft(seeded, recipient, key="stale")
    outbox.send(messages=[message], actor=None)  # not in a captured on_commit: the task is "lost"
    assert run_tasks() == 0
    OutboxMessage.objects.filter(pk=message.pk).update(queued_at=timezone.now() - timedelta(hours=1))
    assert outbox.requeue_stale() == 1
    assert run_tasks() == 1 and len(mailoutbox) == 1
    assert outbox.requeue_stale() == 0


@pytest.mark.django_db(transaction=True)
def test_two_workers_delivering_the_same_message_at_once_send_it_once(seeded, recipient, smtp_server):  # noqa: F811
    message = draft(seeded, recipient, key="concurrent")
    outbox.send(messages=[message], actor=None)
    results, errors = [], []
    barrier = threading.Barrier(4)

    def worker():
        try:
            barrier.wait()
            results.append(outbox.deliver(message_id=message.pk))
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(results) == [False, False, False, True]
    assert len(smtp_server.envelopes) == 1
    message.refresh_from_db()
    assert message.state == S.SENT and message.attempts == 1


@pytest.mark.django_db
def test_dedupe_key_is_unique_in_the_database(seeded, recipient):
    draft(seeded, recipient, key="unique")
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboxMessage.objects.create(event="offer", to_email="x@example.org", subject="s", body="b",
                                     dedupe_key="unique")


@pytest.mark.django_db(transaction=True)
def test_concurrent_compose_with_the_same_key_makes_one_message_and_one_task(seeded, recipient, run_tasks,
                                                                               mailoutbox):
    results, errors = [], []
    barrier = threading.Barrier(4)

    def worker():
        try:
            barrier.wait()
            with transaction.atomic():
                results.append(outbox.compose(event="offer", edition=seeded, to_user=recipient, context={},
                                              dedupe_key="offer:concurrent", send=True).pk)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == [] and len(results) == 4 and len(set(results)) == 1
    assert OutboxMessage.objects.count() == 1
    run_tasks()
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_closed_account_gets_no_mail_the_row_says_so(seeded, recipient, run_tasks, mailoutbox,
                                                       django_capture_on_commit_callbacks):
    recipient.is_active = False  # erased or deactivated
    recipient.save()
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.compose(event="waitlisted", edition=seeded, to_user=recipient, send=True,
                                 context={"reference": "CME20-0010", "rank": 2}, dedupe_key="wait:closed")
    assert message.state == S.CANCELLED and "closed" in message.error
    assert run_tasks() == 0 and mailoutbox == []
