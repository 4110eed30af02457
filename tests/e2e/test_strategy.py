"""The strategy workspace in Chromium: a participant writes a strategy with two objectives, their actions and
indicators, records a check-in, downloads the PDF (opened with pypdf), shares the strategy with the module lead;
the lead reads it and comments on one objective, and the participant sees the feedback. Every page passes axe (the
SVG map included) at 1280 and 375 px and loads nothing from another origin."""

import io

import pypdf
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.slow


@pytest.fixture
def people(site):
    from django.contrib.auth import get_user_model

    from campus.programme.models import Edition
    from campus.team.models import TeamMembership
    from tests.coaching.conftest import make_cohort

    edition = Edition.objects.get(is_current=True)
    alice = make_cohort(edition, 1, names=["Alice Adams"])[0].user
    lead = get_user_model().objects.create_user(email="lena.lead@example.org", password="a-long-password-1",
                                                full_name="Lena Lead", is_staff=True)
    TeamMembership.objects.create(edition=edition, user=lead, role=TeamMembership.Role.MODULE_LEAD)
    return alice, lead


def narrow(web, label):
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def add_objective(page, title, actions, indicator):
    page.get_by_role("link", name="Add an objective").click()
    page.get_by_label("Objective").fill(title)
    page.get_by_role("button", name="Add the objective").click()
    expect(page.get_by_text("The objective is added.")).to_be_visible()
    n = page.locator(".strategy-objective").count()
    for name, owner in actions:
        page.get_by_role("link", name=f"Add an action to objective {n}").click()
        page.get_by_label("Action").fill(name)
        page.get_by_label("Owner").fill(owner)
        page.get_by_label("Due date").fill("2027-06-30")
        page.get_by_role("button", name="Add the action").click()
        expect(page.get_by_text(f"The action “{name}” is saved.")).to_be_visible()
    name, unit, baseline, targets = indicator
    page.get_by_role("link", name=f"Add an indicator to objective {n}").click()
    page.get_by_label("Indicator").fill(name)
    page.get_by_label("Unit").fill(unit)
    page.get_by_label("Baseline value").fill(baseline)
    page.get_by_label("Baseline date").fill("2026-01-01")
    if float(baseline) > float(targets.split()[1]):
        page.get_by_label("Lower is better").check()
    page.get_by_label("Targets").fill(targets)
    page.get_by_role("button", name="Add the indicator").click()
    expect(page.get_by_text(f"The indicator “{name}” is saved.")).to_be_visible()


def test_write_check_in_download_share_and_get_feedback(web, people):
    from campus.communications.models import OutboxMessage
    from campus.strategy.models import Strategy

    alice, lead = people
    page = web.page
    web.sign_in_as(alice)
    web.goto("/me/strategy/")
    expect(page.get_by_role("heading", name="Cluster strategy", level=1)).to_be_visible()
    web.check_page("strategy-home")
    page.get_by_label("Vision").fill("The leading energy cluster of the region.")
    page.get_by_role("button", name="Start the strategy").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Vision")).to_have_value("The leading energy cluster of the region.")
    narrow(web, "strategy-home-error")
    page.get_by_label("Cluster name").fill("Vaasa Energy Cluster")
    page.get_by_label("Mission").fill("We connect companies, research and the region.")
    page.get_by_role("button", name="Start the strategy").click()
    expect(page.get_by_role("heading", name="Vaasa Energy Cluster", level=1)).to_be_visible()
    strategy = Strategy.objects.get(cluster_name="Vaasa Energy Cluster")

    page.get_by_role("link", name="Add an objective").click()
    web.check_page("strategy-objective-new")
    page.go_back()
    add_objective(page, "Double the members' joint export projects",
                  [("Trade fair in Hamburg", "Cluster manager"), ("Export coaching", "Business Finland")],
                  ("Joint export projects", "projects", "10", "2027-12-31 20\n2028-12-31 30"))
    add_objective(page, "Cut the members' energy costs", [("Energy audits", "Member companies")],
                  ("Energy cost per employee", "EUR", "1200", "2027-12-31 900"))
    expect(page.locator("svg.strategy-svg title").first).to_contain_text("Strategy map: Vaasa Energy Cluster")
    expect(page.locator("#map-text")).to_contain_text("Trade fair in Hamburg")
    web.check_page("strategy-detail")
    narrow(web, "strategy-detail")

    page.get_by_role("link", name="Edit Trade fair in Hamburg").click()
    web.check_page("strategy-action-edit")
    page.go_back()
    page.get_by_role("link", name="Edit Joint export projects").click()
    page.get_by_label("Baseline value").fill("ten")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("“ten” is not a number.").first).to_be_visible()
    expect(page.get_by_label("Targets")).to_have_value("2027-12-31 20\n2028-12-31 30")
    web.check_page("strategy-indicator-error")
    narrow(web, "strategy-indicator-error")

    web.goto(f"/me/strategy/{strategy.pk}/checkins/new/")
    page.get_by_label("Date of the check-in").fill("2026-06-30")
    page.get_by_label("Note", exact=True).fill("Half a year in.")
    page.locator("fieldset", has_text="Indicator: Joint export projects").get_by_label("Value (projects)").fill("15")
    page.locator("fieldset", has_text="Indicator: Energy cost per employee").get_by_label("Value (EUR)").fill("1050")
    page.locator("fieldset", has_text="Action: Trade fair in Hamburg").get_by_label("Status").select_option(
        label="Done")
    web.check_page("strategy-checkin")
    narrow(web, "strategy-checkin")
    page.get_by_role("button", name="Record the check-in").click()
    expect(page.get_by_text("The check-in is recorded.")).to_be_visible()
    expect(page.locator("#progress-" + str(strategy.objectives.first().indicators.first().pk))).to_contain_text(
        "50 % of the way")
    expect(page.locator("progress.strategy-bar")).to_have_count(2)
    expect(page.locator(".strategy-history")).to_contain_text("Half a year in.")
    web.check_page("strategy-detail-checked-in")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    reader = pypdf.PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for expected in ("Vaasa Energy Cluster", "Double the members' joint export projects", "Trade fair in Hamburg",
                     "15 projects on 30 Jun 2026", "Half a year in.", "STRATEGY MAP"):
        assert expected in text, expected

    page.get_by_role("link", name="Sharing").click()
    web.check_page("strategy-sharing")
    page.get_by_label("The module leads of my edition (and the owners)").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Who can see the strategy is saved.")).to_be_visible()
    narrow(web, "strategy-sharing")

    web.sign_in_as(lead)
    web.goto("/staff/strategy/")
    web.check_page("strategy-staff-home")
    narrow(web, "strategy-staff-home")
    page.get_by_role("link", name="Vaasa Energy Cluster").click()
    expect(page.get_by_role("heading", name="Vaasa Energy Cluster", level=1)).to_be_visible()
    web.check_page("strategy-staff-detail")
    page.get_by_label("About").select_option(label="Objective 2: Cut the members' energy costs")
    page.get_by_role("textbox", name="Comment").fill("Name a baseline year for the energy costs.")
    page.get_by_role("button", name="Give the feedback").click()
    expect(page.get_by_text("Your feedback is saved")).to_be_visible()
    narrow(web, "strategy-staff-detail")
    assert OutboxMessage.objects.filter(event="strategy_feedback", recipient=alice).count() == 1

    web.sign_in_as(alice)
    web.goto(f"/me/strategy/{strategy.pk}/")
    expect(page.locator(".strategy-objective", has_text="Cut the members").locator(".strategy-comment")).to_contain_text(
        "Name a baseline year")
    web.goto(f"/me/strategy/{strategy.pk}/edit/")
    web.check_page("strategy-edit")
    web.goto("/me/strategy/import/")
    web.check_page("strategy-import")
