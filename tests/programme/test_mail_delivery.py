"""The contact notification really travels over SMTP (to a local aiosmtpd server)."""

import pytest

from tests.core.smtp import smtp_server  # noqa: F401 - fixture


@pytest.mark.django_db
def test_contact_notification_is_delivered_over_smtp_once(
    client, seeded, run_tasks, smtp_server, django_capture_on_commit_callbacks, settings  # noqa: F811
):
    settings.CAMPUS_CONTACT_RECIPIENTS = ["coordinator@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/contact/",
            {"name": "Jonas Petraitis", "email": "jonas@example.lt", "organisation": "Kaunas IT Cluster",
             "topic": "know_more", "message": "Tell me more about Module 3 in Kaunas, please."},
        )
    assert response.status_code == 302
    assert run_tasks() == 1
    assert run_tasks() == 0
    assert len(smtp_server.envelopes) == 1
    envelope = smtp_server.envelopes[0]
    assert sorted(envelope.rcpt_tos) == sorted([seeded.programme.contact_email, "coordinator@example.org"])
    message = smtp_server.messages[0]
    assert "Jonas Petraitis" in message["Subject"]
    assert message["Reply-To"] == "jonas@example.lt"
    assert "Tell me more about Module 3 in Kaunas, please." in message.get_content()
