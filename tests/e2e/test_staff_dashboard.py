"""The staff dashboard and the page of one applicant, in a browser: the dashboard counts what needs attention
per open call, for each person as their roles allow; each count opens the list filtered to it; the page of an
applicant shows the apps' sections and steps through the filtered list. Every page passes axe at 1280 and
375 px, loads nothing from another origin and runs without errors."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.core.test_dashboard import make_attention
from tests.review.conftest import member

pytestmark = pytest.mark.slow


@pytest.fixture
def call(site):
    from campus.applications.models import Call

    call = Call.objects.get(edition__is_current=True)
    call.opens_at = timezone.now() - timedelta(days=10)
    call.closes_at = timezone.now() + timedelta(days=20)
    call.save()
    return call


@pytest.fixture
def team(call):
    from django.contrib.auth.models import Permission

    from campus.team.models import Role

    manager = member(call.edition, "max.manager@example.org", Role.MANAGER, full_name="Max Manager")
    manager.user_permissions.add(*Permission.objects.filter(codename__in=["view_application", "view_document"]))
    return {
        "manager": manager,
        "rita": member(call.edition, "rita@example.org", Role.REVIEWER, full_name="Rita Reviewer"),
        "rolf": member(call.edition, "rolf@example.org", Role.REVIEWER, full_name="Rolf Reviewer"),
        "ines": member(call.edition, "ines@example.org", Role.INTERVIEWER, full_name="Ines Interviewer"),
    }


def item(web, panel: str, label: str):
    return web.page.locator(".dashboard__panel", has=web.page.get_by_role("heading", name=panel)).get_by_role(
        "link", name=re.compile(rf"^\d+ {re.escape(label)}$"))


def test_the_dashboard_counts_and_its_links_open_the_filtered_lists(web, call, team):
    apps = make_attention(call, team)
    web.sign_in_as(team["manager"])
    web.goto("/staff/")
    expect(web.page.get_by_role("heading", name=call.title, level=2)).to_be_visible()
    expect(item(web, "Admissions", "Staged decisions not released")).to_have_text("1 Staged decisions not released")
    expect(item(web, "Review", "Reviews outstanding: Rolf Reviewer")).to_have_text(
        "2 Reviews outstanding: Rolf Reviewer")
    expect(item(web, "Applications", "Eligibility to be checked")).to_have_text("2 Eligibility to be checked")
    expect(item(web, "Outbox", "Drafts to send")).to_have_text("2 Drafts to send")
    web.check_page("dashboard-manager")
    web.set_width(375)
    web.check_page("dashboard-manager-narrow", narrow=True)
    web.set_width(1280)

    item(web, "Admissions", "Staged decisions not released").click()
    expect(web.page.get_by_label("Decision")).to_have_value("staged")
    # (the board's first column holds the tick box and the reference together)
    expect(web.page.locator(".admissions-board__ref", has_text=apps[2].reference)).to_be_visible()
    expect(web.page.locator(".admissions-board__ref", has_text=apps[3].reference)).to_have_count(0)
    web.check_page("board-staged")

    web.goto("/staff/")
    item(web, "Applications", "Eligibility to be checked").click()
    expect(web.page.get_by_text("1–2 of 2 applications matching the filters")).to_be_visible()
    web.check_page("applications-to-check")

    # the page of one applicant: everything the manager may see, previous/next within the filtered list
    web.page.locator(".staff-table__ref a").first.click()
    for heading in ("Reviews", "Interview", "Decision and offer", "Mails", "Activity"):
        expect(web.page.get_by_role("heading", name=heading, level=2)).to_be_visible()
    expect(web.page.get_by_text("1 of 2 matching the filters")).to_be_visible()
    web.check_page("applicant-page")
    web.page.get_by_role("link", name="Next application").click()
    expect(web.page.get_by_text("2 of 2 matching the filters")).to_be_visible()
    web.set_width(375)
    web.check_page("applicant-page-narrow", narrow=True)

    # a reviewer: their own reviews only
    web.set_width(1280)
    web.sign_in_as(team["rita"])
    web.goto("/staff/")
    expect(item(web, "Review", "Your reviews to write")).to_have_text("2 Your reviews to write")
    expect(web.page.get_by_text("Rolf Reviewer")).to_have_count(0)
    expect(web.page.get_by_role("heading", name="Admissions", level=3)).to_have_count(0)
    web.check_page("dashboard-reviewer")
