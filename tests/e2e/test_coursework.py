"""Coursework in Chromium: a module lead publishes a material and an assignment; the participant submits text and
a file; the lead asks for a revision; the participant resubmits; the lead accepts; the participant writes a
journal entry shared with the lead, who comments. Every page passes axe at 1280 and 375 px, loads nothing from
another origin and runs without errors."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect


@pytest.fixture
def people(site, settings, tmp_path):
    from campus.programme.models import Edition, Module
    from campus.team.models import TeamMembership
    from tests.cohort.conftest import make_participant
    from tests.interviews.conftest import make_person

    settings.MEDIA_ROOT = tmp_path / "media"
    edition = Edition.objects.get(is_current=True)
    module = Module.objects.filter(edition=edition).order_by("number").first()
    lead = make_person("lea.lead@example.org", edition=edition)
    TeamMembership.objects.create(edition=edition, user=lead, role=TeamMembership.Role.MODULE_LEAD, module=module)
    participant = make_participant(edition, "alice@example.org", given="Alice", family="Aalto")
    pdf = tmp_path / "my-map.pdf"
    from tests.security.world import pdf as make_pdf

    pdf.write_bytes(make_pdf("My cluster map"))
    return {"module": module, "lead": lead, "participant": participant, "pdf": pdf}


def both_widths(web, label):
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def test_assignment_with_a_revision_and_the_journal(web, people):
    from campus.coursework.models import Attempt

    page = web.page
    module, lead = people["module"], people["lead"]

    # --- the lead publishes a material and an assignment --------------------------------------------------
    web.sign_in_as(lead)
    web.goto("/staff/coursework/")
    expect(page.get_by_role("heading", name="Coursework", level=1)).to_be_visible()
    both_widths(web, "coursework-staff-home")
    page.get_by_role("link", name=f"Module {module.number}: {module.title}").click()
    both_widths(web, "coursework-staff-module-empty")
    page.get_by_role("link", name="New material").click()
    page.locator("#id_title").fill("Reading for week 1")
    page.locator("#id_week").fill("1")
    page.get_by_label("Text").fill("Read **the cluster map** guide.")
    page.get_by_label("Published: participants see it").check()
    both_widths(web, "coursework-staff-material-form")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The material is saved.")).to_be_visible()

    page.get_by_role("link", name="New assignment").click()
    page.locator("#id_title").fill("Map your cluster")
    page.get_by_label("Brief").fill("Draw the map of your cluster's **partners**.")
    page.get_by_role("button", name="Save").click()  # no due time: refused, nothing typed is lost
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Map your cluster")
    both_widths(web, "coursework-staff-assignment-errors")
    due = (timezone.now() + timedelta(days=7)).astimezone(timezone.get_fixed_timezone(0)).date()
    page.get_by_label("Due (local time of the module)").fill(f"{due:%Y-%m-%d} 17:00")
    page.get_by_label("Until accepted: a revision asked reopens it").check()
    page.get_by_label("Published: participants see it").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The assignment is saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="Map your cluster", level=1)).to_be_visible()
    both_widths(web, "coursework-staff-submissions-empty")

    # --- the participant submits text and a file ------------------------------------------------------------
    web.sign_in_as(people["participant"].user)
    web.goto("/me/")
    expect(page.get_by_role("heading", name="Open assignments")).to_be_visible()
    both_widths(web, "coursework-me-home-block")
    page.get_by_role("link", name="Modules and assignments").click()
    both_widths(web, "coursework-me-modules")
    page.get_by_role("link", name=f"Module {module.number}: {module.title}").click()
    expect(page.get_by_role("heading", name="Week 1", exact=True)).to_be_visible()
    both_widths(web, "coursework-me-module")
    page.get_by_role("link", name="Map your cluster").first.click()
    expect(page.get_by_text("Not started").first).to_be_visible()
    page.get_by_role("button", name="Submit").click()  # empty: refused
    expect(page.locator(".error-summary")).to_be_visible()
    both_widths(web, "coursework-me-assignment-errors")
    page.get_by_label("Your answer").fill("Here is my first map.")
    page.get_by_label("Files (optional)").set_input_files(str(people["pdf"]))
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Your attempt is submitted.")).to_be_visible()
    expect(page.get_by_role("link", name="my-map.pdf")).to_be_visible()
    both_widths(web, "coursework-me-assignment-submitted")

    # --- the lead asks for a revision -------------------------------------------------------------------------
    web.sign_in_as(lead)
    web.goto(f"/staff/coursework/assignments/{Attempt.objects.get().assignment_id}/")
    page.get_by_role("link", name="Review the work of Alice Aalto").click()
    both_widths(web, "coursework-staff-review")
    page.get_by_label("Feedback to the participant").fill("Add your partners abroad, please.")
    page.get_by_label("Ask for a revision").check()
    page.get_by_role("button", name="Save the feedback").click()
    expect(page.get_by_text("Your feedback is saved: revision asked.")).to_be_visible()

    # --- the participant resubmits ------------------------------------------------------------------------------
    web.sign_in_as(people["participant"].user)
    web.goto(f"/me/coursework/assignments/{Attempt.objects.get().assignment_id}/")
    expect(page.get_by_text("Add your partners abroad, please.")).to_be_visible()
    page.get_by_label("Your answer").fill("The map with partners abroad.")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Your attempt is submitted.")).to_be_visible()
    expect(page.get_by_role("heading", name="Attempt 2")).to_be_visible()

    # --- the lead accepts ----------------------------------------------------------------------------------------
    web.sign_in_as(lead)
    second = Attempt.objects.get(number=2)
    web.goto(f"/staff/coursework/attempts/{second.pk}/")
    page.get_by_label("Feedback to the participant").fill("Well done.")
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Save the feedback").click()
    expect(page.get_by_text("Your feedback is saved: accepted.")).to_be_visible()
    both_widths(web, "coursework-staff-submissions")
    second.refresh_from_db()
    assert second.state == "accepted"

    # --- the journal: an entry shared with the lead, who comments ------------------------------------------------
    web.sign_in_as(people["participant"].user)
    web.goto(f"/me/coursework/assignments/{second.assignment_id}/")
    expect(page.get_by_text("Accepted").first).to_be_visible()
    both_widths(web, "coursework-me-assignment-accepted")
    page.get_by_role("link", name="Journal").click()
    page.locator("#id_title").fill("What worked in module 1")
    page.get_by_label("Your reflection").fill("The map exercise made our partners visible.")
    page.get_by_label("Share with").select_option(str(module.pk))
    page.get_by_role("button", name="Save the entry").click()
    expect(page.get_by_text("The module lead can read it.")).to_be_visible()
    both_widths(web, "coursework-me-journal")
    web.sign_in_as(lead)
    web.goto("/staff/coursework/journal/")
    both_widths(web, "coursework-staff-journal")
    page.get_by_role("link", name="What worked in module 1").click()
    page.get_by_label("Your comment").fill("Glad to read it.")
    page.get_by_role("button", name="Add the comment").click()
    expect(page.get_by_text("Your comment is saved")).to_be_visible()
    both_widths(web, "coursework-staff-entry")
