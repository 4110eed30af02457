import pytest
from django.core import mail

from campus.programme.models import ContactMessage

GOOD = {
    "name": "Aino Virtanen",
    "email": "aino@example.fi",
    "organisation": "Ostrobothnia Energy Cluster",
    "topic": "sign_up",
    "message": "I would like to sign up for the next training. <b>Thanks!</b>",
}


@pytest.mark.django_db
def test_good_message_is_stored_thanked_and_mailed_to_the_team(client, seeded, run_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", GOOD)
    assert response.status_code == 302 and response["Location"] == "/contact/thanks/"
    message = ContactMessage.objects.get()
    assert (message.name, message.email, message.topic) == ("Aino Virtanen", "aino@example.fi", "sign_up")
    assert message.notified_at is None and mail.outbox == []  # nothing is sent inside the request
    assert run_tasks() == 1
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [seeded.programme.contact_email]
    assert sent.reply_to == ["aino@example.fi"]
    assert "Aino Virtanen" in sent.subject
    assert "<b>Thanks!</b>" in sent.body and "Ostrobothnia Energy Cluster" in sent.body
    message.refresh_from_db()
    assert message.notified_at is not None
    thanks = client.get("/contact/thanks/").content.decode()
    assert "Thank you for your message" in thanks


@pytest.mark.django_db
def test_a_retried_notification_sends_nothing_more(seeded, run_tasks):
    from campus.programme import services

    message = ContactMessage.objects.create(programme=seeded.programme, name="A", email="a@example.org", topic="other", message="Hello there, team")
    assert services.notify_team_of_contact_message(message_id=message.pk) is True
    assert services.notify_team_of_contact_message(message_id=message.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value, error",
    [
        ("email", "not-an-address", "This does not look like an email address"),
        ("email", "", "Please give an email address we can answer to."),
        ("name", "   ", "Please tell us your name."),
        ("topic", "", "Please choose what your message is about."),
        ("topic", "free-beer", "Select a valid choice"),
        ("message", "", "Please write a message."),
        ("message", "Hi", "Please write a little more"),
        ("message", "x" * 5001, "Please keep your message under 5,000 characters"),
        ("name", "n" * 121, "Ensure this value has at most 120 characters"),
    ],
)
def test_bad_input_gets_an_error_next_to_the_field_and_keeps_what_was_typed(client, seeded, field, value, error):
    data = dict(GOOD, **{field: value})
    response = client.post("/contact/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert f'id="id_{field}-error"' in html
    assert ContactMessage.objects.count() == 0
    for name, typed in GOOD.items():
        if name in (field, "topic", "message"):
            continue
        assert f'value="{typed}"' in html, name
    if field != "message":
        assert "I would like to sign up for the next training. &lt;b&gt;Thanks!&lt;/b&gt;" in html
    if field not in ("topic",):
        assert 'value="sign_up" aria-describedby' in html or 'value="sign_up"' in html
        assert "checked" in html


@pytest.mark.django_db
def test_the_error_is_tied_to_the_input_for_screen_readers(client, seeded):
    html = client.post("/contact/", dict(GOOD, email="nope")).content.decode()
    assert 'aria-describedby="id_email-help id_email-error"' in html
    assert 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_honeypot_drops_the_message_quietly(client, seeded):
    response = client.post("/contact/", dict(GOOD, website="http://spam.example"))
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 0


@pytest.mark.django_db
def test_rate_limit_stops_a_flood_and_keeps_the_text(client, seeded, settings):
    settings.CAMPUS_CONTACT_RATE = 3
    for _ in range(3):
        assert client.post("/contact/", GOOD).status_code == 302
    response = client.post("/contact/", dict(GOOD, message="The fourth message in an hour"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait an hour" in html
    assert "The fourth message in an hour" in html
    assert ContactMessage.objects.count() == 3
    # another address is not affected
    assert client.post("/contact/", GOOD, REMOTE_ADDR="10.9.9.9").status_code == 302


@pytest.mark.django_db
def test_topic_can_be_preselected_from_a_link(client, seeded):
    html = client.get("/contact/?topic=sign_up").content.decode()
    assert 'value="sign_up" id="id_topic_1" checked' in html or ('value="sign_up"' in html and "checked" in html)
