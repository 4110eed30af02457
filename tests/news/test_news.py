"""The news lists: sign-up with double opt-in, the resend, confirmation by a POST, one-click unsubscribe
(RFC 8058) and the page, staff messages through the outbox with List-Unsubscribe headers over real SMTP,
the export, the purge of unconfirmed sign-ups."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from campus.communications.models import OutboxMessage
from campus.core.plugins import jobs
from campus.news import services, tokens
from campus.news.models import Subscriber, Subscription
from tests.core.smtp import smtp_server  # noqa: F401 - fixture

from .conftest import confirm_link, link_in

pytestmark = pytest.mark.django_db


def sign_up(client, email, *keys, lists, name=""):
    return client.post("/news/", {"email": email, "name": name, "lists": [lists[k].pk for k in keys]})


def test_sign_up_page_shows_the_lists_and_the_consent(client, lists):
    page = client.get("/news/").content.decode()
    assert "The next edition" in page and "The forum" in page
    assert "Nothing is sent until you confirm" in page


def test_sign_up_queues_a_confirmation_and_subscribes_nobody_yet(client, lists, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, "Ada@Example.org", "next-edition", "forum", lists=lists, name="Ada")
    assert response.status_code == 302 and response["Location"] == "/news/check-your-inbox/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ada@example.org"
    assert subscriber.subscriptions.filter(confirmed_at__isnull=True).count() == 2
    message = OutboxMessage.objects.get(event="news_confirm")
    assert message.recipient is None and message.to_email == "ada@example.org"
    assert message.state == OutboxMessage.State.QUEUED
    assert "- The next edition\n- The forum" in message.body and "Dear Ada," in message.body
    token = link_in(message.body, "confirm").split("/")[3]
    assert token not in subscriber.confirm_hash and subscriber.confirm_hash == tokens.digest(token)


def test_a_get_of_the_confirm_link_confirms_nothing_the_button_does(client, lists):
    sign_up(client, "ada@example.org", "forum", lists=lists)
    link = confirm_link("ada@example.org")
    page = client.get(link)
    assert page.status_code == 200 and b">Confirm</button>" in page.content
    assert not Subscription.objects.filter(confirmed_at__isnull=False).exists()
    done = client.post(link)
    assert done.status_code == 200 and b"The forum" in done.content
    assert Subscription.objects.get().confirmed_at is not None
    assert client.post(link).status_code == 404  # used
    assert client.get("/news/confirm/not-a-token/").status_code == 404


def test_signing_up_again_unconfirmed_resends_later_without_new_rows_and_the_same_page(client, lists):
    first = sign_up(client, "ada@example.org", "forum", lists=lists)
    again = sign_up(client, "ada@example.org", "forum", lists=lists)
    assert again.status_code == first.status_code == 302 and again["Location"] == first["Location"]
    assert Subscriber.objects.count() == 1 and Subscription.objects.count() == 1
    assert OutboxMessage.objects.filter(event="news_confirm").count() == 1  # within minutes: not again
    Subscriber.objects.update(confirm_sent_at=timezone.now() - timedelta(minutes=11))
    old_link = confirm_link("ada@example.org")
    sign_up(client, "ada@example.org", "forum", lists=lists)
    assert OutboxMessage.objects.filter(event="news_confirm").count() == 2
    assert client.get(old_link).status_code == 404  # the newer mail replaced it
    assert client.post(confirm_link("ada@example.org")).status_code == 200


def test_a_confirmed_address_signing_up_again_gets_no_mail_and_the_same_page(client, lists):
    sign_up(client, "ada@example.org", "forum", lists=lists)
    client.post(confirm_link("ada@example.org"))
    again = sign_up(client, "ada@example.org", "forum", lists=lists)
    assert again["Location"] == "/news/check-your-inbox/"
    assert OutboxMessage.objects.filter(event="news_confirm").count() == 1


def test_sign_up_errors_keep_what_was_typed_and_the_rate_limit(client, lists, settings):
    page = client.post("/news/", {"email": "not-an-address", "name": "Ada Typed"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Enter a valid email address." in text and "Choose at least one list." in text
    assert 'value="Ada Typed"' in text and 'value="not-an-address"' in text
    settings.CAMPUS_NEWS_RATE = 1
    sign_up(client, "a@example.org", "forum", lists=lists)
    limited = sign_up(client, "b@example.org", "forum", lists=lists)
    assert limited.status_code == 429 and Subscriber.objects.count() == 1


def test_honeypot_stores_nothing(client, lists):
    response = client.post("/news/", {"email": "bot@example.org", "lists": [lists["forum"].pk], "website": "x"})
    assert response.status_code == 302 and not Subscriber.objects.exists()


def _confirmed(client, lists, email, *keys):
    sign_up(client, email, *keys, lists=lists)
    client.post(confirm_link(email))
    return Subscriber.objects.get(email=email)


def test_staff_message_goes_to_confirmed_subscribers_with_one_click_unsubscribe_headers(
    client, lists, manager, run_tasks, smtp_server, django_capture_on_commit_callbacks, settings  # noqa: F811
):
    settings.SITE_URL = "https://campus.example.org"
    ada = _confirmed(client, lists, "ada@example.org", "next-edition")
    _confirmed(client, lists, "bo@example.org", "next-edition", "forum")
    sign_up(client, "unconfirmed@example.org", "next-edition", lists=lists)
    run_tasks()
    smtp_server.envelopes.clear()
    client.force_login(manager)
    url = f"/staff/news/lists/{lists['next-edition'].pk}/write/"
    form = {"subject": "Applications open", "body": "Apply by 30 April.", "key": "k1"}
    preview = client.post(url, {**form, "action": "preview"})
    assert b"2 confirmed subscribers" in preview.content and b"Apply by 30 April." in preview.content
    assert not OutboxMessage.objects.filter(event="news_message").exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {**form, "action": "send"}).status_code == 302
        assert client.post(url, {**form, "action": "send"}).status_code == 302  # a double click sends once
    assert run_tasks() == 2
    assert sorted(e.rcpt_tos[0] for e in smtp_server.envelopes) == ["ada@example.org", "bo@example.org"]
    sent = next(m for m in smtp_server.messages if m["To"] == "ada@example.org")
    unsubscribe = f"https://campus.example.org/news/unsubscribe/{tokens.unsubscribe_token(ada)}/"
    assert sent["List-Unsubscribe"].strip() == f"<{unsubscribe}>"  # folded onto its own line: long
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent["Subject"] == "Applications open" and unsubscribe in sent.get_content()
    # RFC 8058: the mail client POSTs the body, with no session and no CSRF token
    mail_client = client.__class__(enforce_csrf_checks=True)
    path = unsubscribe.removeprefix("https://campus.example.org")
    response = mail_client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email="ada@example.org").exists()
    assert mail_client.get(path).status_code == 404


def test_unsubscribing_cancels_the_messages_not_sent_yet(client, lists, manager):
    ada = _confirmed(client, lists, "ada@example.org", "forum")
    services.write_to_list(news_list=lists["forum"], subject="S", body="B", key="k", actor=manager)
    services.unsubscribe(subscriber=ada, how="page")
    message = OutboxMessage.objects.get(event="news_message")
    assert message.state == OutboxMessage.State.CANCELLED


def test_headers_provider_refuses_reserved_names_and_line_breaks(lists):
    from campus.communications.sending import SendingError, headers_of
    from campus.core.plugins import mail

    message = OutboxMessage(event="news_test_headers")
    for bad in ({"Subject": "x"}, {"X-Ok": "a\r\nBcc: evil@example.org"}, {"Bad Name": "x"}):
        mail.register_headers("news_test_headers", lambda m, bad=bad: bad)
        try:
            with pytest.raises(SendingError):
                headers_of(message)
        finally:
            mail.unregister_headers("news_test_headers")
    assert headers_of(message) == {}


def test_unsubscribe_page_and_manage_my_lists(client, lists):
    bo = _confirmed(client, lists, "bo@example.org", "next-edition", "forum")
    token = tokens.unsubscribe_token(bo)
    page = client.get(f"/news/unsubscribe/{token}/")
    assert page.status_code == 200 and b"Unsubscribe from all our news" in page.content
    manage = f"/news/manage/{token}/"
    assert client.post(manage, {"lists": [lists["forum"].pk]}).status_code == 302
    assert list(bo.subscriptions.values_list("news_list__key", flat=True)) == ["forum"]
    assert client.post(manage, {}).status_code == 200
    assert not Subscriber.objects.exists()


def test_a_forged_or_foreign_token_shows_nothing(client, lists):
    ada = _confirmed(client, lists, "ada@example.org", "forum")
    bo = _confirmed(client, lists, "bo@example.org", "next-edition")
    forged = f"{bo.pk}-" + tokens.unsubscribe_token(ada).split("-")[1]
    for url in (f"/news/unsubscribe/{forged}/", f"/news/manage/{forged}/", "/news/manage/99999999999-x/"):
        response = client.get(url)
        assert response.status_code == 404 and b"bo@example.org" not in response.content
        assert b"The next edition" not in response.content
    assert client.post(f"/news/unsubscribe/{forged}/").status_code == 404
    assert Subscriber.objects.count() == 2
    own = client.get(f"/news/manage/{tokens.unsubscribe_token(ada)}/").content
    assert b"The forum" in own and b"The next edition" not in own


def test_staff_pages_counts_export_and_who_may_see_them(client, lists, manager, django_user_model):
    _confirmed(client, lists, "ada@example.org", "forum")
    sign_up(client, "=cmd@example.org", "forum", lists=lists)
    outsider = django_user_model.objects.create_user(email="staff@example.org", password="x", is_staff=True)
    client.force_login(outsider)
    assert client.get("/staff/news/").status_code == 404
    assert client.get(f"/staff/news/lists/{lists['forum'].pk}/export.csv").status_code == 404
    client.force_login(manager)
    home = client.get("/staff/news/")
    forum = next(n for n in home.context["lists"] if n.key == "forum")
    assert (forum.confirmed, forum.unconfirmed) == (1, 1)
    csv = b"".join(client.get(f"/staff/news/lists/{lists['forum'].pk}/export.csv").streaming_content).decode()
    assert "ada@example.org,,confirmed" in csv and "'=cmd@example.org,,unconfirmed" in csv


def test_unconfirmed_sign_ups_are_purged_after_7_days_by_the_job(client, lists):
    _confirmed(client, lists, "ada@example.org", "forum")
    sign_up(client, "old@example.org", "forum", lists=lists)
    sign_up(client, "ada@example.org", "next-edition", lists=lists)  # a pending list of a confirmed address
    sign_up(client, "new@example.org", "forum", lists=lists)
    week_ago = timezone.now() - timedelta(days=8)
    Subscriber.objects.exclude(email="new@example.org").update(created_at=week_ago, confirm_sent_at=week_ago)
    Subscription.objects.exclude(subscriber__email="new@example.org").update(created_at=week_ago)
    job = next(j for j in jobs.jobs() if j.name == "news.purge_unconfirmed")
    assert job.func() == {"news_pending_lists": 2, "news_addresses": 1}
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == ["ada@example.org", "new@example.org"]
    assert list(Subscription.objects.filter(subscriber__email="ada@example.org")
                .values_list("news_list__key", flat=True)) == ["forum"]


def test_service_write_to_list_is_idempotent_by_key(client, lists, manager):
    _confirmed(client, lists, "ada@example.org", "forum")
    first = services.write_to_list(news_list=lists["forum"], subject="S", body="B", key="same", actor=manager)
    second = services.write_to_list(news_list=lists["forum"], subject="S", body="B", key="same", actor=manager)
    assert first.pk == second.pk and first.recipients == 1
    assert OutboxMessage.objects.filter(event="news_message").count() == 1


def test_signing_up_for_a_training_leads_to_the_application_or_to_the_news(client, seeded, lists):
    from campus.applications import services as calls
    from campus.applications.models import Call

    call = Call.objects.get(edition=seeded)
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=10), timezone.now() - timedelta(days=1)
    calls.save_call(call=call, actor=None)
    closed = client.get("/news/training/")
    assert closed.status_code == 302 and closed["Location"] == "/news/?list=next-edition"
    page = client.get(closed["Location"]).content.decode()
    ticked = re.search(r'<input[^>]*value="(\d+)"[^>]*checked', page)
    assert ticked and int(ticked.group(1)) == lists["next-edition"].pk
    contact = client.get("/contact/").content.decode()
    assert 'href="/news/training/"' in contact and "Knowing more" in contact
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=10)
    calls.save_call(call=call, actor=None)
    assert client.get("/news/training/")["Location"] == "/apply/"


def test_only_the_one_click_post_goes_without_a_csrf_token(client, lists):
    bo = _confirmed(client, lists, "bo@example.org", "forum")
    token = tokens.unsubscribe_token(bo)
    strict = client.__class__(enforce_csrf_checks=True)
    assert strict.post(f"/news/unsubscribe/{token}/").status_code == 403  # the page's button needs its token
    assert strict.post(f"/news/manage/{token}/", {}).status_code == 403
    assert Subscriber.objects.filter(pk=bo.pk).exists()
    page = strict.get(f"/news/unsubscribe/{token}/").content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert strict.post(f"/news/unsubscribe/{token}/", {"csrfmiddlewaretoken": csrf}).status_code == 200
    assert not Subscriber.objects.filter(pk=bo.pk).exists()


HOME_QUERIES = 6  # session, user, team roles (the section's predicate, the staff bar), the lists, the messages,
# content version (programme, footer pages and forum link kept per content version: core/content_memo.py)


def test_the_staff_page_costs_the_same_queries_with_more_subscribers_and_messages(client, lists, manager,
                                                                                   django_assert_num_queries):
    _confirmed(client, lists, "ada@example.org", "forum")
    client.force_login(manager)
    services.write_to_list(news_list=lists["forum"], subject="S", body="B", key="k1", actor=manager)
    client.get("/staff/news/")  # warm-up: the layout's content memo
    with django_assert_num_queries(HOME_QUERIES):
        client.get("/staff/news/")
    for n in range(5):
        sign_up(client, f"reader{n}@example.org", "forum", "next-edition", lists=lists)
        services.write_to_list(news_list=lists["next-edition"], subject="S", body="B", key=f"m{n}", actor=manager)
    with django_assert_num_queries(HOME_QUERIES):
        page = client.get("/staff/news/")
    assert page.content.decode().count("recipient") == 6
