"""The outbox in the browser: a programme manager previews a draft, edits it (an error first, shown next to the
field), sends two chosen drafts, sees them go out, and opens the mail templates. Every page passes axe, loads
nothing from another origin and runs without errors."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

HOSTILE = "<img src=x onerror=alert(1)> {name} Mallory"


@pytest.fixture
def manager_web(web, site):
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from campus.communications import services as outbox
    from campus.programme.models import Edition
    from campus.team.models import TeamMembership

    edition = Edition.objects.get(is_current=True)
    User = get_user_model()
    manager = User.objects.create_user(email="mia.manager@example.org", password="x" * 16, is_staff=True,
                                       full_name="Mia Manager")
    TeamMembership.objects.create(edition=edition, user=manager, role=TeamMembership.Role.MANAGER)
    for i, (email, name) in enumerate([("aino@example.fi", "Aino Virtanen"), ("lars@example.se", "Lars Nilsson"),
                                       ("mallory@example.org", HOSTILE)]):
        person = User.objects.create_user(email=email, password="x" * 16, full_name=name)
        outbox.compose(event="waitlisted", edition=edition, to_user=person, dedupe_key=f"e2e:{i}",
                       context={"reference": f"BSR20-000{i}", "rank": i + 1})

    web.goto("/staff/outbox/")  # not signed in: the sign-in page
    assert "/accounts/login/" in web.page.url and "aino@example.fi" not in web.page.content()
    client = Client()
    client.force_login(manager)
    web.context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": web.base_url, "httpOnly": True, "sameSite": "Lax",
    }])
    return web


def test_a_manager_previews_edits_and_sends_drafts(manager_web, run_tasks):
    web = manager_web
    page = web.page
    web.goto("/staff/")
    page.get_by_role("link", name="Outbox").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Outbox")
    expect(page.locator("#count-draft")).to_have_text("3")
    web.check_page("outbox-list")
    # with script: one box chooses every draft on the page (and un-chooses them)
    everything = page.get_by_label("Choose every draft on this page")
    everything.check()
    expect(page.locator(".outbox-pick:checked")).to_have_count(3)
    everything.uncheck()
    expect(page.locator(".outbox-pick:checked")).to_have_count(0)

    # preview: exactly what will be sent; the hostile name is text, not markup
    page.get_by_role("link", name="Your application BSR20-0002: on the waitlist").click()
    expect(page.get_by_role("heading", name="What will be sent")).to_be_visible()
    expect(page.locator(".outbox-body")).to_contain_text(f"Dear {HOSTILE},")
    expect(page.locator(".outbox-body")).to_contain_text("You are number 3 on the waitlist.")
    assert page.evaluate("() => document.querySelectorAll('.outbox-body img').length") == 0
    web.check_page("outbox-message")

    # edit: an empty subject is refused next to the field, the text is kept
    page.get_by_role("link", name="Edit the draft").click()
    web.check_page("outbox-edit")
    page.get_by_label("Subject").fill("")
    page.get_by_label("Text").fill("Dear Mallory,\n\nyou are on the waitlist.\n")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".field__error")).to_have_text("A message needs a subject.")
    expect(page.get_by_label("Text")).to_have_value("Dear Mallory,\n\nyou are on the waitlist.\n")
    web.check_page("outbox-edit-error")
    page.get_by_label("Subject").fill("Your place on the waitlist")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".alert--success")).to_contain_text("The draft is saved.")
    expect(page.locator(".outbox-headers")).to_contain_text("Your place on the waitlist")
    web.check_page("outbox-message-edited")

    # send two chosen drafts from the list
    page.get_by_role("link", name="Outbox", exact=True).first.click()
    page.get_by_label(re.compile("Choose the draft to mallory@example.org")).check()
    page.get_by_label(re.compile("Choose the draft to aino@example.fi")).check()
    page.get_by_role("button", name="Send the chosen drafts").click()
    expect(page.locator(".alert--success")).to_contain_text("2 messages queued for sending.")
    expect(page.locator("#count-queued")).to_have_text("2")
    web.check_page("outbox-queued")
    assert run_tasks() == 2
    page.reload()
    expect(page.locator("#count-sent")).to_have_text("2")
    expect(page.locator("#count-draft")).to_have_text("1")
    assert sorted(m.to[0] for m in mail.outbox) == ["aino@example.fi", "mallory@example.org"]
    sent = next(m for m in mail.outbox if m.to == ["mallory@example.org"])
    assert sent.subject == "Your place on the waitlist" and sent.body == "Dear Mallory,\n\nyou are on the waitlist.\n"

    # filter: only the sent ones; then the one left can go with "send all"
    page.get_by_label("State").select_option("sent")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".outbox-table tbody tr")).to_have_count(2)
    web.check_page("outbox-filtered")
    web.goto("/staff/outbox/?state=draft")
    page.get_by_role("button", name=re.compile("Send all 1 draft")).click()
    expect(page.locator(".alert--success")).to_contain_text("1 message queued for sending.")

    # the templates
    page.get_by_role("link", name="Mail templates").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mail templates")
    web.check_page("outbox-templates")
    page.get_by_role("link", name=re.compile("Write an own text of “Put on the waitlist”")).click()
    web.check_page("outbox-template-edit")
    page.get_by_label("Subject").fill("On the waitlist: {reference} {rnak}")
    page.get_by_role("button", name="Save the template").click()
    expect(page.locator(".field__error").first).to_contain_text("Unknown placeholder {rnak}.")
    web.check_page("outbox-template-error")
    page.get_by_label("Subject").fill("On the waitlist: {reference}")
    page.get_by_role("button", name="Save the template").click()
    expect(page.locator(".alert--success")).to_contain_text("is saved")
    expect(page.get_by_role("table")).to_contain_text("Own text: On the waitlist: {reference}")
