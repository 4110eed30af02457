"""News in Chromium: a visitor signs up, confirms through the mail's link and its button, a manager writes to
the list (preview, then send), the mail arrives over SMTP with its List-Unsubscribe headers, a one-click POST
to that address unsubscribes; a second subscriber leaves through the unsubscribe page. Every page passes axe at
1280 and 375 px and loads nothing from another origin."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.core.smtp import smtp_server  # noqa: F401 - fixture

pytestmark = pytest.mark.slow


@pytest.fixture
def manager(site):
    from campus.programme.models import Edition
    from campus.team.models import TeamMembership
    from tests.interviews.conftest import make_person

    return make_person("mia.manager@example.org", TeamMembership.Role.MANAGER,
                       edition=Edition.objects.get(is_current=True))


def check_both(web, label):
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def path_in(body: str, kind: str) -> str:
    match = re.search(rf"https?://[^/\s]+(/news/{kind}/[^/\s]+/)", body)
    assert match, body
    return match.group(1)


def sign_up(web, email, name, *lists):
    page = web.page
    web.goto("/news/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Your name (optional)").fill(name)
    for title in lists:
        page.get_by_label(title).check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()


def confirm(web, run_tasks, smtp, email):
    run_tasks()
    mail = next(m for m in reversed(smtp.messages) if m["To"] == email)
    web.goto(path_in(mail.get_content(), "confirm"))
    return mail


def test_sign_up_confirm_receive_and_unsubscribe_in_one_click(web, manager, run_tasks, smtp_server,  # noqa: F811
                                                              settings, site):
    from campus.news.models import Subscriber

    settings.SITE_URL = site
    page = web.page
    web.goto("/news/")
    check_both(web, "news-sign-up")
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator(".error-summary")).to_be_focused()
    check_both(web, "news-sign-up-errors")

    sign_up(web, "ada@example.org", "Ada", "The next edition")
    check_both(web, "news-check-inbox")
    confirm(web, run_tasks, smtp_server, "ada@example.org")
    check_both(web, "news-confirm")
    assert not Subscriber.objects.get().subscriptions.filter(confirmed_at__isnull=False).exists()
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Thank you: you are signed up")).to_be_visible()
    check_both(web, "news-confirmed")

    sign_up(web, "bo@example.org", "Bo", "The next edition", "The forum")
    confirm(web, run_tasks, smtp_server, "bo@example.org")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Thank you: you are signed up")).to_be_visible()

    # --- the manager writes to the list ---------------------------------------------------------------------
    web.sign_in_as(manager)
    web.goto("/staff/news/")
    check_both(web, "news-staff")
    page.get_by_role("link", name="Write to The next edition").click()
    page.get_by_label("Subject").fill("Applications are open")
    page.get_by_label("Message").fill("Apply by 30 April.")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".news-preview")).to_contain_text("Apply by 30 April.")
    check_both(web, "news-staff-preview")
    page.get_by_role("button", name="Send to 2 subscribers").click()
    expect(page.get_by_role("status")).to_contain_text("2 confirmed subscribers")
    smtp_server.envelopes.clear()
    assert run_tasks() == 2
    mail = next(m for m in smtp_server.messages if m["To"] == "ada@example.org")
    assert mail["Subject"] == "Applications are open" and "Apply by 30 April." in mail.get_content()
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = mail["List-Unsubscribe"].strip().strip("<>")
    assert urlsplit(unsubscribe).path in mail.get_content()

    # --- one click, as a mail client does it (RFC 8058): a POST with no cookie and no CSRF token -------------
    web.context.clear_cookies()
    answer = page.request.post(unsubscribe, data="List-Unsubscribe=One-Click",
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 200
    assert not Subscriber.objects.filter(email="ada@example.org").exists()

    # --- the second subscriber leaves through the page ------------------------------------------------------
    bo_mail = next(m for m in smtp_server.messages if m["To"] == "bo@example.org")
    web.goto(path_in(bo_mail.get_content(), "unsubscribe"))
    check_both(web, "news-unsubscribe")
    page.get_by_role("link", name="choose which lists to keep").click()
    check_both(web, "news-manage")
    page.get_by_label("The forum", exact=False).uncheck()
    page.get_by_role("button", name="Save my choice").click()
    expect(page.get_by_label("The next edition", exact=False)).to_be_checked()
    page.get_by_role("link", name="Unsubscribe from everything").click()
    page.get_by_role("button", name="Unsubscribe from all our news").click()
    expect(page.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    check_both(web, "news-unsubscribed")
    assert not Subscriber.objects.exists()
