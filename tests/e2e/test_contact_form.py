"""The contact form in a real browser: errors next to the field, nothing typed is lost, keyboard only."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from campus.programme.models import ContactMessage

MESSAGE = "We would like to send two cluster managers to the next edition. What does it cost?"


def _focused(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement;
                   return {tag: el.tagName.toLowerCase(), id: el.id, name: el.name || '', type: el.type || '',
                           text: (el.textContent || '').trim().slice(0, 60)}; }"""
    )


def _tab_until(page, matches, *, limit=60) -> dict:
    """Press Tab until the focused element matches; fails if it never does (or reaches the honeypot)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        assert focused["name"] != "website", "keyboard focus reached the hidden spam-trap field"
        if matches(focused):
            return focused
    pytest.fail(f"Tab never reached the wanted element; last focused {focused!r}", pytrace=False)


def test_bad_email_shows_error_at_the_field_and_keeps_everything(web, run_tasks):
    page = web.page
    web.goto("/contact/")
    page.get_by_label("Your name").fill("Aino Virtanen")
    page.get_by_label("Your email address").fill("aino.virtanen-at-example.org")
    page.get_by_label("Organisation or cluster (optional)").fill("Vaasa Energy Cluster")
    page.get_by_label(re.compile("interested in signing up")).check()
    page.get_by_label("Your message").fill(MESSAGE)
    with page.expect_navigation():
        page.get_by_role("button", name="Send message").click()

    email = page.get_by_label("Your email address")
    expect(email).to_have_attribute("aria-invalid", "true")
    described_by = (email.get_attribute("aria-describedby") or "").split()
    error_ids = [i for i in described_by if i.endswith("-error")]
    assert error_ids, f"the email input is not described by its error (aria-describedby={described_by})"
    error = page.locator(f"#{error_ids[0]}")
    expect(error).to_be_visible()
    expect(error).to_contain_text("does not look like an email address")
    # The error sits with the field (same field container), not only in a summary at the top.
    assert error.evaluate("(el, input) => el.closest('.field') === input.closest('.field')", email.element_handle())
    expect(page.get_by_role("alert")).to_contain_text("Everything you typed is kept")
    expect(page.locator(".error-summary")).to_be_focused()

    # Nothing typed is lost.
    expect(page.get_by_label("Your name")).to_have_value("Aino Virtanen")
    expect(email).to_have_value("aino.virtanen-at-example.org")
    expect(page.get_by_label("Organisation or cluster (optional)")).to_have_value("Vaasa Energy Cluster")
    expect(page.get_by_label(re.compile("interested in signing up"))).to_be_checked()
    expect(page.get_by_label("Your message")).to_have_value(MESSAGE)
    assert ContactMessage.objects.count() == 0
    web.check_axe(label="(contact form with errors)")

    # Fix the address and send: the thank-you page, one stored message, one mail to the team.
    email.fill("aino.virtanen@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Send message").click()
    expect(page).to_have_url(re.compile(r"/contact/thanks/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")

    stored = ContactMessage.objects.get()
    assert (stored.name, stored.email, stored.organisation, stored.topic) == (
        "Aino Virtanen",
        "aino.virtanen@example.org",
        "Vaasa Energy Cluster",
        ContactMessage.Topic.SIGN_UP,
    )
    assert stored.message == MESSAGE
    assert run_tasks() == 1
    assert len(mail.outbox) == 1
    assert "Aino Virtanen" in mail.outbox[0].body
    assert mail.outbox[0].reply_to == ["aino.virtanen@example.org"]
    web.check_same_origin()
    web.check_clean_load()


def test_contact_form_with_the_keyboard_alone(web):
    page = web.page
    web.goto("/contact/")

    _tab_until(page, lambda f: f["name"] == "name")
    page.keyboard.type("Jonas Petraitis")
    _tab_until(page, lambda f: f["name"] == "email")
    page.keyboard.type("jonas@example.lt")
    _tab_until(page, lambda f: f["name"] == "organisation")
    page.keyboard.type("Kaunas Digital Cluster")
    topic = _tab_until(page, lambda f: f["name"] == "topic")
    assert topic["type"] == "radio"
    page.keyboard.press("Space")  # choose the focused (first) option
    _tab_until(page, lambda f: f["name"] == "message")
    page.keyboard.type("Is Module 3 in Kaunas open to people outside the cohort?")
    _tab_until(page, lambda f: f["tag"] == "button" and f["text"] == "Send message")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/contact/thanks/$"))
    stored = ContactMessage.objects.get()
    assert stored.name == "Jonas Petraitis"
    assert stored.email == "jonas@example.lt"
    assert stored.organisation == "Kaunas Digital Cluster"
    assert stored.topic == ContactMessage.Topic.KNOW_MORE
    assert stored.message.startswith("Is Module 3 in Kaunas")
