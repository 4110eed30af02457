"""Cloning an edition in Chromium. The manager of 2020–2021 (in the programme team, so the content editor is
theirs too) clones it six years on (313 weeks): the preview shows that most dates would be in the past. They change
the choices instead: Module 1 on a Tuesday about 100 days from now, without the call (it is set up later); the
preview still says the application deadline would be in the past. They create the draft, publishing is refused,
"Fix it" opens the content editor where they move the deadline, and the draft publishes (ticking the warnings
about public holidays when a meetup falls on one). The public site then shows the new edition and the pilot moves to
the archive, its links working. Every page passes axe at 1280 and 375 px."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect


@pytest.fixture
def manager(site):
    from django.contrib.auth.models import Group

    from campus.programme.models import Edition
    from campus.team.models import TeamMembership
    from tests.interviews.conftest import make_person

    edition = Edition.objects.get(is_current=True)
    user = make_person("mia.manager@example.org", TeamMembership.Role.MANAGER, edition=edition)
    user.groups.add(Group.objects.get(name="Programme team"))
    return user


def check(web, label):
    web.set_width(1280)
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280)


def next_tuesday_after(days: int) -> date:
    day = date.today() + timedelta(days=days)
    return day + timedelta(days=(1 - day.weekday()) % 7)


def test_clone_fix_publish(web, manager):
    from campus.programme.models import Edition

    page = web.page
    web.sign_in_as(manager)
    web.goto("/staff/")
    page.get_by_role("link", name="Editions").first.click()
    expect(page.get_by_role("heading", name="Editions", level=1)).to_be_visible()
    expect(page.get_by_text("Current")).to_be_visible()
    check(web, "editions-list")

    page.get_by_role("link", name="Clone BSR Cluster Manager Education 2020–2021").click()
    expect(page.get_by_role("heading", name="Clone an edition")).to_be_visible()
    check(web, "editions-clone")
    page.get_by_label("Name of the new edition").fill("2026–2027")
    page.get_by_label("Short name (in addresses)").fill("2026-2027")
    page.get_by_label("Weeks", exact=True).fill("313")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Preview: .* 2026–2027$"))).to_be_visible()
    errors = page.locator(".alert--error")
    expect(errors).to_contain_text("Module 1 (")
    expect(errors).to_contain_text("in the past")
    expect(page.get_by_text("Tue 1 Sep 2026 – Fri 6 Nov 2026")).to_be_visible()  # Module 1, 313 weeks on
    expect(page.get_by_text("Europe/Helsinki").first).to_be_visible()  # each meetup in its own zone
    check(web, "editions-preview-313")

    # a better shift: Module 1 about 100 days from now; the call is set up later
    page.get_by_role("button", name="Change the choices").click()
    expect(page.get_by_label("Weeks", exact=True)).to_have_value("313")  # what was typed is kept
    start = next_tuesday_after(100)
    page.get_by_label("To a new start date of Module 1").check()
    page.get_by_label("New start date of Module 1", exact=True).fill(start.isoformat())
    for part in ("The call and its questions", "Review criteria and phases", "Admission settings"):
        page.get_by_label(part).uncheck()
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("Module 1 starts on", exact=False).first).to_be_visible()
    errors = page.locator(".alert--error")
    expect(errors).to_contain_text("application deadline")
    expect(errors).not_to_contain_text("Module 1 (")
    check(web, "editions-preview-start")

    page.get_by_role("button", name="Create the draft").click()
    expect(page.get_by_role("heading", name="BSR Cluster Manager Education 2026–2027")).to_be_visible()
    expect(page.get_by_text("is made", exact=False)).to_be_visible()
    draft = Edition.objects.get(slug="2026-2027")
    assert draft.published_at is None and draft.modules.get(number=1).starts_on == start
    check(web, "editions-draft")

    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("alert")).to_contain_text("before publishing")
    check(web, "editions-publish-refused")

    # the fix: the deadline moves in the content editor
    page.get_by_role("link", name="Fix it").first.click()
    expect(page.locator("#id_application_deadline")).to_be_visible()
    page.locator("#id_application_deadline").fill((date.today() + timedelta(days=2)).isoformat())
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()

    web.goto(f"/staff/editions/{draft.pk}/")
    expect(page.locator(".ed-conflicts").get_by_text("Error", exact=True)).to_have_count(0)
    accept = page.get_by_label("publish anyway", exact=False)
    if accept.count():  # a meetup on a public holiday: a warning to confirm
        accept.check()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("is published", exact=False)).to_be_visible()
    draft.refresh_from_db()
    assert draft.published_at is not None
    check(web, "editions-published")

    # the public site follows: the new edition is the current one, the pilot moves to the archive, old links work
    web.goto("/")
    expect(page.locator(".hero .eyebrow")).to_contain_text("2026–2027")
    web.goto("/editions/")
    cards = page.locator(".edition-card h2")
    expect(cards).to_have_count(2)
    expect(cards.nth(1)).to_contain_text("The 2020–2021 edition")
    web.goto("/editions/2020-2021/modules/1/")
    expect(page.locator(".edition-bar")).to_contain_text("This is the 2020–2021 edition (past).")
    assert page.request.get(web.base_url + "/booklet/2020-2021/").status == 200


def test_a_refused_clone_form_keeps_what_was_typed(web, manager):
    """Bad input: the summary (focused) links to the fields; the name typed and the parts unticked stay."""
    page = web.page
    web.sign_in_as(manager)
    web.goto("/staff/editions/clone/")
    page.get_by_label("Name of the new edition").fill("2027–2028")
    page.get_by_label("Short name (in addresses)").fill("2020-2021")  # taken
    page.get_by_label("Surveys").uncheck()
    page.get_by_role("button", name="Preview").click()
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('.error-summary')",
                           timeout=3000)
    assert page.title().startswith("Error")
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("exists already")
    expect(summary).to_contain_text("Enter a number of weeks")
    expect(page.get_by_label("Name of the new edition")).to_have_value("2027–2028")
    expect(page.get_by_label("Surveys")).not_to_be_checked()
    expect(page.get_by_label("Meetups")).to_be_checked()
    check(web, "editions-clone-refused")
