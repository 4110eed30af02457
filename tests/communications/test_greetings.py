"""Names in mail: every registered event greets a person by their name (the application's, else the account's),
and a person without one neutrally, never by the address; the sentence after "Dear X," starts with a capital.
The outbox list shows a name and an address once each; mail goes out from the programme's name."""

import re

import pytest

from campus.communications import services as outbox
from campus.core.plugins import mail
from tests.core.smtp import smtp_server  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

GREETING = re.compile(r"\ADear ([^\n]*),\n\n(.)")


@pytest.fixture
def named(django_user_model):
    return django_user_model.objects.create_user(email="aino.virtanen@example.fi", password="x" * 12,
                                                 given_name="Aino", family_name="Virtanen",
                                                 full_name="Aino Virtanen")


@pytest.fixture
def nameless(django_user_model):
    """An older account: no name at all."""
    return django_user_model.objects.create_user(email="old.account@example.fi", password="x" * 12)


def greeting(event, edition, user, **context):
    _subject, body = outbox.render(event=event.key, edition=edition, to_user=user, context=context)
    match = GREETING.match(body)
    assert match, f"{event.key}: the mail does not start with a greeting:\n{body[:200]}"
    return match.group(1), match.group(2)


def test_every_event_greets_a_named_person_by_name(seeded, named):
    events = list(mail.events())
    assert len(events) >= 9  # received, more information, interviews, decisions, confirmation, decline, reviews
    for event in events:
        name, first = greeting(event, seeded, named)
        assert name == "Aino Virtanen", event.key
        assert not first.islower(), f"{event.key}: the sentence after the greeting starts with {first!r}"


def test_every_event_greets_a_person_without_a_name_neutrally_never_by_address(seeded, nameless):
    for event in mail.events():
        name, first = greeting(event, seeded, nameless)
        assert "@" not in name, event.key
        assert name == event.addressee, event.key
        assert not first.islower(), event.key
    assert mail.get("offer").addressee == "applicant" and mail.get("review_reminder").addressee == "reviewer"


def test_the_applications_name_comes_before_the_accounts(seeded, nameless, named):
    event = mail.get("offer")
    assert greeting(event, seeded, nameless, name="Aino Virtanen")[0] == "Aino Virtanen"
    assert greeting(event, seeded, named, name="Aino V. Laine")[0] == "Aino V. Laine"
    assert greeting(event, seeded, named, name="")[0] == "Aino Virtanen"  # no name in the application yet


def test_the_outbox_list_shows_name_and_address_once_each(client, seeded, named, nameless, django_user_model):
    outbox.compose(event="waitlisted", edition=seeded, to_user=named, context={"rank": 2}, dedupe_key="g:1")
    outbox.compose(event="waitlisted", edition=seeded, to_user=nameless, context={"rank": 3}, dedupe_key="g:2")
    client.force_login(django_user_model.objects.create_superuser(email="root@example.org", password="x" * 12))
    html = client.get("/staff/outbox/").content.decode()
    rows = re.findall(r'<th scope="row">(.*?)</th>', html, re.S)
    named_row = next(row for row in rows if "aino.virtanen@example.fi" in row)
    nameless_row = next(row for row in rows if "old.account@example.fi" in row)
    assert named_row.count("Aino Virtanen") == 1 and named_row.count("aino.virtanen@example.fi") == 1
    assert nameless_row.count("old.account@example.fi") == 1


def test_mail_goes_out_from_the_programmes_name_and_replies_reach_the_team(
    seeded, named, run_tasks, smtp_server, django_capture_on_commit_callbacks, settings  # noqa: F811
):
    settings.DEFAULT_FROM_EMAIL = "Cluster Campus <noreply@campus.example>"
    with django_capture_on_commit_callbacks(execute=True):
        outbox.compose(event="waitlisted", edition=seeded, to_user=named, context={"rank": 4}, dedupe_key="g:3",
                       send=True)
    assert run_tasks() == 1
    sent = smtp_server.messages[0]
    programme = seeded.programme
    assert sent["From"] == f"{programme.name} <noreply@campus.example>"
    assert sent["Reply-To"] == programme.contact_email
    assert sent.get_content().replace("\r\n", "\n").startswith("Dear Aino Virtanen,\n\nThank you for your application")
