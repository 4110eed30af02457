"""The selection assistant in Chromium: a programme manager opens it, tries a stricter rule, changes one decision,
is told when there are more admits than places, and stages the proposal. Every page passes axe, loads nothing from
another origin and runs without errors."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.admissions.conftest import bulk_applications


@pytest.fixture
def scored_call(site):
    from django.contrib.auth import get_user_model

    from campus.applications.models import Call
    from campus.review.models import Review

    call = Call.objects.get()
    call.opens_at = timezone.now() - timedelta(days=10)
    call.closes_at = timezone.now() + timedelta(days=20)
    call.save()
    edition = call.edition
    edition.capacity = 3
    edition.save(update_fields=["capacity"])
    reviewer = get_user_model().objects.create_user(email="rev@example.org", password="a-long-password-1")
    applications = bulk_applications(call, 5, prefix="cand")
    for application, (total, country) in zip(
        applications, [(4.8, "FI"), (4.6, "FI"), (4.4, "FI"), (3.9, "EE"), (None, "SE")], strict=True
    ):
        application.country = country
        application.save(update_fields=["country"])
        if total is not None:
            Review.objects.create(application=application, reviewer=reviewer, recommendation="yes",
                                  total=Decimal(str(total)), submitted_at=timezone.now())
    return call, applications


@pytest.fixture
def manager_web(web, scored_call):
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from campus.team.models import TeamMembership

    call, _applications = scored_call
    user = get_user_model().objects.create_user(email="mia@example.org", password="a-long-password-1",
                                                is_staff=True, full_name="Mia Manager")
    TeamMembership.objects.create(edition=call.edition, user=user, role=TeamMembership.Role.MANAGER)
    client = Client()
    client.force_login(user)
    web.context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": web.base_url, "httpOnly": True, "sameSite": "Lax",
    }])
    return web


def test_manager_tries_a_rule_changes_and_accepts_the_proposal(manager_web, scored_call):
    from campus.admissions.models import Decision

    web, page = manager_web, manager_web.page
    call, a = scored_call
    web.goto(f"/staff/admissions/{call.pk}/assistant/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Selection assistant")
    admits = page.locator("#admit-table tbody tr")
    expect(admits).to_have_count(3)
    expect(page.locator("#admit-table")).to_contain_text("Admitted to give Estonia a participant")
    expect(page.locator("#rest-table")).to_contain_text("Not proposed: no reviews yet")
    web.check_page("assistant")

    # a stricter rule: at most one per country
    page.get_by_label("At most this many participants from one country").fill("1")
    page.get_by_role("button", name="Update the proposal").click()
    expect(admits).to_have_count(2)
    expect(page.get_by_role("status").first).to_contain_text("Only 2 of the 3 places can be filled")
    expect(page.locator("#waitlist-table")).to_contain_text("Finland already has the maximum of 1")
    web.check_page("assistant-max-1")

    # back to no limit; the manager admits a fourth person: refused, next to the list, choices kept
    page.get_by_label("At most this many participants from one country").fill("")
    page.get_by_role("button", name="Update the proposal").click()
    expect(admits).to_have_count(3)
    page.get_by_label(f"Decision for {a[2].reference}").select_option("admit")
    page.get_by_role("button", name="Stage these decisions").click()
    expect(page.get_by_role("alert")).to_contain_text("You chose 4 admits but there are only 3 places")
    expect(page.get_by_label(f"Decision for {a[2].reference}")).to_have_value("admit")
    web.check_page("assistant-refused")
    assert not Decision.objects.exists()

    # put the second Finn on the waitlist instead, then stage
    page.get_by_label(f"Decision for {a[1].reference}").select_option("waitlist")
    page.get_by_role("button", name="Stage these decisions").click()
    expect(page).to_have_url(f"{web.base_url}/staff/admissions/{call.pk}/")
    staged = {d.application_id: (d.outcome, d.waitlist_rank) for d in Decision.objects.all()}
    assert staged == {a[0].pk: ("admit", None), a[2].pk: ("admit", None), a[3].pk: ("admit", None),
                      a[1].pk: ("waitlist", 1)}
