"""The receipt really travels over SMTP (to a local aiosmtpd server), once, to the applicant, with a copy
of the answers. It goes through the outbox: written (queued) in the submission's transaction, sent by the
outbox's task, and visible to staff as sent."""

from email.utils import parseaddr

import pytest

from campus.applications.models import Application
from campus.communications.models import OutboxMessage
from tests.core.smtp import smtp_server  # noqa: F401 - fixture

from .conftest import fill_all_steps



@pytest.mark.django_db
def test_the_receipt_is_delivered_over_smtp_once_with_the_answers(
    applicant_client, call, run_tasks, smtp_server, django_capture_on_commit_callbacks, settings  # noqa: F811
):
    fill_all_steps(applicant_client)
    with django_capture_on_commit_callbacks(execute=True):
        applicant_client.post("/apply/submit/")
        applicant_client.post("/apply/submit/")
    assert smtp_server.envelopes == []  # nothing is sent in the request
    assert run_tasks() >= 1
    assert run_tasks() == 0
    application = Application.objects.get()

    assert len(smtp_server.envelopes) == 1
    envelope = smtp_server.envelopes[0]
    assert envelope.rcpt_tos == ["aino@example.fi"]
    assert envelope.mail_from == parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    message = smtp_server.messages[0]
    assert message["To"] == "aino@example.fi"
    assert message["Subject"] == f"We received your application {application.reference}"
    assert message.get_content_type() == "text/plain"
    text = message.get_content().replace("\r\n", "\n")
    for expected in (
        "Dear Aino Virtanen,",
        f"We received your application {application.reference} on",
        "Status: Submitted – under review.",
        "You will hear from us by 29 May 2020.",
        "A copy of your answers:",
        "== About you ==",
        "First name\n  Aino\n",
        "Country of residence\n  Finland\n",
        "Organisation\n  Ostrobothnia Energy Cluster\n",
        "Your English\n  Fluent (C1–C2)\n",
        "Name of your cluster\n  EnergyVaasa\n",
        "Number of members\n  140\n",
        "Are you experienced in project management?\n  Yes\n",
        "Describe your project management experience briefly\n  I led three Interreg projects.\n",
        "Your motivational letter\n  I want to build a strategy for our cluster and learn from peers.\n",
        "Can you join all four modules?\n  Yes\n",
        "Uploaded CV: cv.pdf (",
        f"Privacy notice accepted: version {call.privacy_version}.",
    ):
        assert expected in text, expected
    assert "Which meetups might you miss?" not in text  # not asked: not in the copy

    (row,) = OutboxMessage.objects.all()
    assert (row.event, row.state, row.to_email, row.edition) == ("received", "sent", "aino@example.fi",
                                                                 call.edition)
    assert row.related_id == str(application.pk) and row.subject == message["Subject"]
    assert row.body.rstrip("\n") == text.rstrip("\n")
