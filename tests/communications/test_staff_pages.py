"""The outbox pages: who sees what (with data that could leak), the list with filters, counts and a pinned
query count, preview, editing with errors next to the fields, bulk sending, retry and cancel, templates."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campus.communications import services as outbox
from campus.communications.models import MailTemplate, OutboxMessage
from campus.core.plugins import mail

from .conftest import draft

S = OutboxMessage.State
SECRET = "Zebra-7731"


@pytest.fixture
def messages_of_both(seeded, other_edition, recipient, django_user_model):
    """A draft of the seed edition, one of another edition, and one without an edition, each with a marker."""
    other = django_user_model.objects.create_user(email="olga@example.ee", password="x" * 12, full_name="Olga")
    mine = draft(seeded, recipient, key="mine", feedback=f"mine-{SECRET}")
    theirs = draft(other_edition, other, key="theirs", feedback=f"theirs-{SECRET}")
    loose = draft(None, other, key="loose", feedback=f"loose-{SECRET}")
    return mine, theirs, loose


def _login(client, user):
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in_and_people_without_the_role_get_404(
    client, messages_of_both, reviewer, lead, recipient
):
    mine = messages_of_both[0]
    assert client.get("/staff/outbox/")["Location"].startswith("/accounts/login/?next=/staff/outbox/")
    for user in (reviewer, lead, recipient):
        _login(client, user)
        for url in ("/staff/outbox/", f"/staff/outbox/{mine.pk}/", f"/staff/outbox/{mine.pk}/edit/",
                    "/staff/outbox/templates/", "/staff/outbox/templates/offer/default/"):
            assert client.get(url).status_code == 404, (user, url)
        assert client.post(f"/staff/outbox/{mine.pk}/send/").status_code == 404
        assert client.post("/staff/outbox/send/", {"scope": "all"}).status_code == 404
    mine.refresh_from_db()
    assert mine.state == S.DRAFT


@pytest.mark.django_db
def test_a_manager_sees_only_the_messages_of_the_editions_they_manage(client, messages_of_both, manager,
                                                                       foreign_manager, superuser):
    mine, theirs, loose = messages_of_both
    page = _login(client, manager).get("/staff/outbox/").content.decode()
    assert f"/staff/outbox/{mine.pk}/" in page and "jonas@example.lt" in page
    assert "olga@example.ee" not in page
    assert f"mine-{SECRET}" in client.get(f"/staff/outbox/{mine.pk}/").content.decode()
    for other in (theirs, loose):
        assert client.get(f"/staff/outbox/{other.pk}/").status_code == 404
        assert client.get(f"/staff/outbox/{other.pk}/edit/").status_code == 404
        assert client.post(f"/staff/outbox/{other.pk}/send/").status_code == 404
        assert client.post(f"/staff/outbox/{other.pk}/cancel/").status_code == 404
    # "send all" and hand-made ids never reach another edition's drafts
    client.post("/staff/outbox/send/", {"scope": "all"})
    client.post("/staff/outbox/send/", {"message": [theirs.pk, loose.pk]})
    response = client.post("/staff/outbox/send/", {"scope": "all", "edition": str(theirs.edition_id)}, follow=True)
    assert "The filters do not fit any more; nothing was sent." in response.content.decode()
    states = dict(OutboxMessage.objects.values_list("dedupe_key", "state"))
    assert states == {"mine": S.QUEUED, "theirs": S.DRAFT, "loose": S.DRAFT}

    page = _login(client, foreign_manager).get("/staff/outbox/").content.decode()
    assert "olga@example.ee" in page and "jonas@example.lt" not in page
    assert client.get(f"/staff/outbox/{mine.pk}/").status_code == 404

    page = _login(client, superuser).get("/staff/outbox/?edition=none").content.decode()
    assert f"/staff/outbox/{loose.pk}/" in page and f"/staff/outbox/{mine.pk}/" not in page
    assert f"loose-{SECRET}" in client.get(f"/staff/outbox/{loose.pk}/").content.decode()


@pytest.mark.django_db
def test_templates_defaults_only_for_superusers_own_texts_for_managers(client, seeded, other_edition, manager,
                                                                        foreign_manager, superuser):
    _login(client, manager)
    listing = client.get("/staff/outbox/templates/").content.decode()
    assert f"/staff/outbox/templates/offer/{seeded.pk}/" in listing
    assert "/default/" not in listing and f"/templates/offer/{other_edition.pk}/" not in listing
    assert client.get("/staff/outbox/templates/offer/default/").status_code == 404
    assert client.post("/staff/outbox/templates/offer/default/", {"subject": "x", "body": "y"}).status_code == 404
    assert client.get(f"/staff/outbox/templates/offer/{other_edition.pk}/").status_code == 404
    assert client.get("/staff/outbox/templates/nonsense/default/").status_code == 404
    assert client.get(f"/staff/outbox/templates/offer/{seeded.pk}/").status_code == 200
    _login(client, superuser)
    assert client.get("/staff/outbox/templates/offer/default/").status_code == 200


@pytest.mark.django_db
def test_template_with_an_unknown_placeholder_or_broken_brace_keeps_the_text_and_says_why(client, seeded, manager):
    _login(client, manager)
    url = f"/staff/outbox/templates/rejected/{seeded.pk}/"
    form = client.get(url).content.decode()
    assert "Thank you for your application to the {programme} {edition}" in form  # starts from the default
    assert "<code>{feedback}</code>" in form
    response = client.post(url, {"subject": "About {reference", "body": "Dear {nmae}, {feedback}"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "A brace is not closed or not opened" in html
    assert "Unknown placeholder {nmae}. This mail offers: {name}," in html and "{feedback}." in html
    assert "Dear {nmae}, {feedback}</textarea>" in html  # what was typed is kept
    assert not MailTemplate.objects.filter(edition=seeded).exists()

    response = client.post(url, {"subject": "About {reference}", "body": "Dear {name},\n{feedback} {{braces}}"})
    assert response.status_code == 302
    own = MailTemplate.objects.get(edition=seeded, event="rejected")
    assert own.body == "Dear {name},\n{feedback} {{braces}}"
    assert client.post(f"/staff/outbox/templates/rejected/{seeded.pk}/remove/").status_code == 302
    assert not MailTemplate.objects.filter(edition=seeded).exists()
    assert MailTemplate.objects.filter(edition__isnull=True, event="rejected").exists()


@pytest.mark.django_db
def test_preview_shows_exactly_what_will_be_sent_escaped(client, seeded, recipient, manager):
    recipient.full_name = "<script>alert(1)</script> {name}"
    recipient.save()
    mail.register_attachment("tests.preview", lambda m: [("acceptance-letter.pdf", b"%PDF" * 100, "application/pdf")])
    message = outbox.compose(event="offer", edition=seeded, to_user=recipient, context={"reply_by": "1 June"},
                             dedupe_key="p", attachment="tests.preview")
    html = _login(client, manager).get(f"/staff/outbox/{message.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "Dear &lt;script&gt;alert(1)&lt;/script&gt; {name}," in html
    assert "acceptance-letter.pdf" in html and "What will be sent" in html
    assert "Send this message" in html and "Edit the draft" in html


@pytest.mark.django_db
def test_editing_a_draft_with_errors_next_to_the_fields(client, seeded, recipient, manager):
    message = draft(seeded, recipient, key="e")
    _login(client, manager)
    response = client.post(f"/staff/outbox/{message.pk}/edit/", {"subject": "  ", "body": "Kept text"})
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'class="field__error"[^>]*>A message needs a subject\.', html)
    assert "Kept text</textarea>" in html
    response = client.post(f"/staff/outbox/{message.pk}/edit/", {"subject": "Better", "body": "Better text"})
    assert response["Location"] == f"/staff/outbox/{message.pk}/"
    message.refresh_from_db()
    assert (message.subject, message.body) == ("Better", "Better text")


@pytest.mark.django_db
def test_bulk_send_chosen_and_all_matching_the_filter(client, seeded, django_user_model, manager, run_tasks,
                                                      django_capture_on_commit_callbacks, mailoutbox):
    people = [django_user_model.objects.create_user(email=f"p{i}@example.org", password="x" * 12) for i in range(6)]
    rejected = [draft(seeded, p, key=f"r{i}") for i, p in enumerate(people[:3])]
    waitlisted = [draft(seeded, p, key=f"w{i}", event="waitlisted", rank=i) for i, p in enumerate(people[3:])]
    _login(client, manager)
    page = client.get("/staff/outbox/?event=waitlisted").content.decode()
    assert "Send all 3 drafts matching the filters" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/staff/outbox/send/", {"scope": "chosen", "message": [rejected[0].pk, rejected[1].pk]})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/staff/outbox/send/", {"scope": "all", "event": "waitlisted"})
    assert run_tasks() == 5
    assert sorted(m.to[0] for m in mailoutbox) == ["p0@example.org", "p1@example.org", "p3@example.org",
                                                    "p4@example.org", "p5@example.org"]
    rejected[2].refresh_from_db()
    assert rejected[2].state == S.DRAFT
    page = client.get("/staff/outbox/").content.decode()
    assert re.search(r'id="count-sent">5<', page) and re.search(r'id="count-draft">1<', page)
    response = client.post("/staff/outbox/send/", {"scope": "chosen"}, follow=True)
    assert "Choose at least one draft to send." in response.content.decode()


@pytest.mark.django_db
def test_retry_and_cancel_from_the_message_page(client, seeded, recipient, manager, settings, run_tasks,
                                                django_capture_on_commit_callbacks, mailoutbox):
    message = draft(seeded, recipient, key="f")
    settings.EMAIL_BACKEND = "tests.communications.test_staff_pages.DownBackend"
    outbox.send(messages=[message], actor=manager)
    outbox.deliver(message_id=message.pk)
    _login(client, manager)
    html = client.get(f"/staff/outbox/{message.pk}/").content.decode()
    assert "Sending failed: ConnectionRefusedError: no SMTP server" in html and "Try again" in html
    assert "ConnectionRefusedError: no SMTP server" in client.get("/staff/outbox/?state=failed").content.decode()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/staff/outbox/{message.pk}/retry/")
    assert run_tasks() == 1 and len(mailoutbox) == 1
    response = client.post(f"/staff/outbox/{message.pk}/cancel/", follow=True)
    assert response.redirect_chain == [("/staff/outbox/", 302)]
    assert "cannot become cancelled" in response.content.decode()

    other = draft(seeded, recipient, key="c")
    client.post(f"/staff/outbox/{other.pk}/cancel/")
    other.refresh_from_db()
    assert other.state == S.CANCELLED


class DownBackend:
    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return True

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no SMTP server")


@pytest.mark.django_db
def test_the_list_query_count_does_not_grow_with_rows(client, seeded, django_user_model, manager):
    def make(n, start):
        for i in range(start, start + n):
            user = django_user_model.objects.create_user(email=f"q{i}@example.org", password="x" * 12,
                                                         full_name=f"Q {i}")
            draft(seeded, user, key=f"q{i}")

    _login(client, manager)
    make(3, 0)
    client.get("/staff/outbox/")  # warm the session
    with CaptureQueriesContext(connection) as few:
        assert client.get("/staff/outbox/").status_code == 200
    make(40, 3)
    with CaptureQueriesContext(connection) as many:
        html = client.get("/staff/outbox/").content.decode()
    assert html.count('class="outbox-pick"') == 43
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    assert len(many) <= 12, [q["sql"] for q in many.captured_queries]


@pytest.mark.django_db
def test_bulk_send_goes_back_to_the_list_as_it_was(client, seeded, django_user_model, manager):
    """After the POST the list keeps its filters and its page (the form carries the page along)."""
    from campus.communications.views.staff import PAGE_SIZE

    people = [django_user_model.objects.create_user(email=f"q{i}@example.org", password="x" * 12)
              for i in range(PAGE_SIZE + 2)]
    drafts = [draft(seeded, p, key=f"q{i}", event="waitlisted", rank=i) for i, p in enumerate(people)]
    _login(client, manager)
    page = client.get("/staff/outbox/?event=waitlisted&page=2").content.decode()
    assert '<input type="hidden" name="page" value="2">' in page
    assert '<input type="hidden" name="event" value="waitlisted">' in page
    response = client.post("/staff/outbox/send/", {"scope": "chosen", "message": [drafts[0].pk],
                                                   "event": "waitlisted", "page": "2"})
    assert response.status_code == 302 and response["Location"] == "/staff/outbox/?event=waitlisted&page=2"
    response = client.post("/staff/outbox/send/", {"scope": "chosen", "message": [drafts[1].pk], "page": "x"})
    assert response["Location"] == "/staff/outbox/"
