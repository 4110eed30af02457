"""Interviews in Chromium: a manager creates slots and invites an applicant; the applicant books a slot from the
status page and downloads the .ics; a panel member records an assessment. Every page visited passes axe,
loads nothing from another origin and runs without errors."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.applications.staff_factories import make_application


@pytest.fixture
def people(site, settings, tmp_path):
    from campus.applications.models import Call
    from campus.review.models import Criterion, Kind
    from campus.team.models import TeamMembership
    from tests.interviews.conftest import make_person

    settings.MEDIA_ROOT = tmp_path / "media"
    call = Call.objects.get()
    call.opens_at = timezone.now() - timedelta(days=10)
    call.closes_at = timezone.now() + timedelta(days=20)
    call.save()
    if not Criterion.objects.filter(call=call, kind=Kind.INTERVIEW).exists():
        Criterion.objects.create(call=call, kind=Kind.INTERVIEW, name="Communication", weight=1)
    Role = TeamMembership.Role
    return {
        "call": call,
        "manager": make_person("mia.manager@example.org", Role.MANAGER, edition=call.edition),
        "panel": make_person("ivan.interviewer@example.org", Role.INTERVIEWER, edition=call.edition),
        "application": make_application(call, email="aino@example.fi", first_name="Aino", last_name="Virtanen"),
    }


def test_slots_invitation_booking_and_assessment(web, people):
    from campus.interviews.models import InterviewSlot
    from campus.review.models import Criterion, Review

    page = web.page
    call, application = people["call"], people["application"]

    # --- the manager creates three slots and invites the applicant ---------------------------------------
    web.sign_in_as(people["manager"])
    web.goto("/staff/interviews/")
    expect(page.get_by_role("heading", name="Interviews", level=1)).to_be_visible()
    web.check_page("interviews-home-empty")
    page.get_by_role("link", name="Create slots").click()
    web.check_page("interviews-new-slots")
    day = (timezone.now() + timedelta(days=5)).date()
    page.get_by_label("First interview starts (local time)").fill(f"{day:%Y-%m-%d} 10:00")
    page.get_by_label("How many consecutive slots").fill("3")
    page.get_by_label("Time zone").fill("Nowhere/Atlantis")
    page.get_by_role("button", name="Create").click()
    expect(page.locator("#id_timezone-error")).to_contain_text("is not a time zone name")
    expect(page.locator(".error-summary a[href='#id_timezone']")).to_contain_text("is not a time zone name")
    expect(page.locator("#id_online_link-error")).to_contain_text("Give an online link or a place")
    expect(page.get_by_label("First interview starts (local time)")).to_have_value(f"{day:%Y-%m-%d} 10:00")
    web.check_page("interviews-new-slots-errors")
    page.get_by_label("Time zone").fill("Europe/Helsinki")
    page.get_by_label("Online link").fill("https://meet.example.org/bsr")
    page.get_by_label("Ivan Interviewer").check()
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_text("3 interview slots created.")).to_be_visible()
    expect(page.get_by_text("3 slots, 3 free.")).to_be_visible()
    page.get_by_label(re.compile("Aino Virtanen")).check()
    page.get_by_label("A note to the invited (optional)").fill("We look forward to meeting you.")
    page.get_by_role("button", name="Invite the chosen applicants").click()
    expect(page.get_by_text("1 invited.")).to_be_visible()
    web.check_page("interviews-home")
    web.set_width(375)
    web.check_narrow()
    web.set_width(1280, 900)

    # --- the applicant books the second slot and downloads the .ics ---------------------------------------
    web.sign_in_as(application.applicant)
    web.goto("/apply/status/")
    expect(page.get_by_text("Invited to an interview – please book a time")).to_be_visible()
    expect(page.get_by_text("We look forward to meeting you.")).to_be_visible()
    web.check_page("status-invited")
    page.get_by_role("button", name=re.compile(r"Book .* 10:30")).click()
    expect(page.get_by_text("Your interview is booked.")).to_be_visible()
    expect(page.locator(".status-label")).to_have_text("Interview booked")
    expect(page.get_by_role("link", name="https://meet.example.org/bsr")).to_be_visible()
    web.check_page("status-booked")
    web.set_width(375)
    web.check_narrow()
    web.set_width(1280, 900)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to your calendar (.ics)").click()
    content = open(download_info.value.path(), encoding="utf-8").read()
    assert f"DTSTART;TZID=Europe/Helsinki:{day:%Y%m%d}T103000" in content
    slot = InterviewSlot.objects.get(booked_by=application)
    assert timezone.localtime(slot.starts_at, slot.zone).strftime("%H:%M") == "10:30"

    # --- the panel member records the assessment -----------------------------------------------------------
    web.sign_in_as(people["panel"])
    web.goto("/staff/interviews/")
    web.check_page("interviews-home-panel")
    page.get_by_role("link", name=re.compile("Panel page")).click()
    expect(page.get_by_role("heading", name="Interview with Aino Virtanen")).to_be_visible()
    web.check_page("interviews-panel")
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.get_by_text("Give a score for", exact=False).first).to_be_visible()
    web.check_page("interviews-panel-errors")
    criteria = list(Criterion.objects.filter(call=call, kind="interview"))
    for criterion in criteria:
        page.get_by_role("group", name=re.compile(re.escape(criterion.name))).get_by_label(re.compile(r"\b4 –")).check()
    page.get_by_role("group", name="Recommendation").get_by_label("Yes").check()
    page.get_by_label("Comment for the team").fill("Clear goals for the cluster.")
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.get_by_text("Your assessment is saved.")).to_be_visible()
    web.check_page("interviews-panel-saved")
    review = Review.objects.get(application=application, kind="interview")
    assert review.recommendation == "yes" and float(review.total) == 4.0
