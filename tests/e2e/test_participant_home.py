"""The participant area in the browser: an admitted applicant accepts the offer, lands on /me/ and sees the first
meetup (in its own zone, the zone named, with its mode) and the onboarding; the schedule by month and the private
calendar feed; the cohort directory and its consent; the manager switches the meetup to remote and the home shows
it. Every page passes axe-core at 1280 and 375 px and loads nothing from another origin."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.applications.staff_factories import make_application
from tests.cohort.conftest import future_meetups


@pytest.fixture
def admitted(site, settings, tmp_path):
    from django.contrib.auth import get_user_model

    from campus.admissions import services as admissions
    from campus.applications.models import Call
    from campus.cohort import services as cohort
    from campus.communications.models import MailTemplate
    from campus.core.plugins import mail
    from campus.programme.models import Module
    from campus.team.models import TeamMembership

    settings.MEDIA_ROOT = tmp_path / "media"
    for event in mail.events():  # a transactional test's flush removed the migration's rows
        MailTemplate.objects.get_or_create(event=event.key, edition=None,
                                           defaults={"subject": event.default_subject, "body": event.default_body})
    call = Call.objects.get()
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=10), timezone.now() + timedelta(days=20)
    call.save()
    edition = call.edition
    manager = get_user_model().objects.create_user(email="mia@example.org", password="a-long-staff-password-1",
                                                   is_staff=True, full_name="Mia Manager")
    TeamMembership.objects.create(edition=edition, user=manager, role="manager")
    future_meetups(edition, days=40)
    start = timezone.localdate() + timedelta(days=40)
    for module in Module.objects.filter(edition=edition).order_by("number"):
        Module.objects.filter(pk=module.pk).update(starts_on=start, ends_on=start + timedelta(days=60))
        start += timedelta(days=70)
    cohort.save_onboarding(edition=edition, text="- Read the **welcome pack**\n- Book your trip to Karlshamn",
                           actor=manager)
    aino = make_application(call, email="aino@example.fi")
    lars = make_application(call, email="lars@example.se", first_name="Lars", last_name="Nilsson",
                            organisation="Skåne Food Cluster", cluster_name="Skåne Food Innovation Network",
                            cluster_country="SE", cluster_sector="Food")
    admissions.stage_decisions(call=call, decisions={aino.pk: ("admit", None), lars.pk: ("admit", None)},
                               actor=manager)
    admissions.release(call=call, actor=manager)
    return {"aino": aino, "lars": lars, "manager": manager, "edition": edition}


def _both_widths(web, label):
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def test_an_admitted_applicant_lands_on_the_home_and_uses_schedule_and_directory(web, admitted):
    from campus.cohort.models import Participant
    from campus.programme.models import Meetup

    page = web.page
    first = Meetup.objects.filter(module__edition=admitted["edition"]).order_by("starts_at").first()

    # Lars accepts first (so Aino has a fellow participant in the directory)
    web.sign_in_as(admitted["lars"].applicant)
    web.goto("/apply/status/")
    page.get_by_role("link", name="Accept the place").click()
    page.get_by_role("button", name="Yes, I accept the place").click()
    web.goto("/me/cohort/")
    page.get_by_label("Show my e-mail address and phone number to fellow participants").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").first).to_contain_text("now see your e-mail address")

    # Aino accepts and lands on her home
    web.sign_in_as(admitted["aino"].applicant)
    web.goto("/apply/status/")
    page.get_by_role("link", name="Accept the place").click()
    page.get_by_role("button", name="Yes, I accept the place").click()
    expect(page.locator(".status-label")).to_have_text("Place accepted")
    assert Participant.objects.filter(user=admitted["aino"].applicant).count() == 1
    web.goto("/me/")
    card = page.locator(".home-card", has_text="Next meetup")
    expect(card).to_contain_text(first.title)
    expect(card).to_contain_text("(Europe/Stockholm)")
    expect(card).to_contain_text("On site")
    expect(page.locator(".home-card", has_text="Before module 1")).to_contain_text("welcome pack")
    _both_widths(web, "participant-home")

    # the schedule, by month, and a private calendar address
    page.get_by_role("navigation", name="My programme").get_by_role("link", name="Schedule").click()
    expect(page.get_by_role("heading", name="Your schedule")).to_be_visible()
    expect(page.locator(".schedule-list").first).to_contain_text(first.title)
    page.get_by_role("button", name="Make my calendar address").click()
    feed = page.get_by_label("Address of your calendar feed")
    expect(feed).to_be_visible()
    url = feed.input_value()
    assert "/me/calendar/" in url and url.endswith(".ics")
    response = page.request.get(url)
    assert response.status == 200 and b"TZID=Europe/Stockholm" in response.body()
    _both_widths(web, "participant-schedule")

    # the directory: Lars allowed his contact details; Aino did not
    page.get_by_role("navigation", name="My programme").get_by_role("link", name="Cohort").click()
    directory = page.locator(".directory")
    expect(directory).to_contain_text("Skåne Food Innovation Network")
    expect(directory).to_contain_text("lars@example.se")
    expect(directory).not_to_contain_text("aino@example.fi")
    _both_widths(web, "participant-directory")

    # the manager turns the first meetup remote; Aino's home shows it at once
    web.sign_in_as(admitted["manager"])
    web.goto(f"/staff/cohort/editions/{admitted['edition'].pk}/")
    expect(page.locator(".staff-table")).to_contain_text("aino@example.fi")
    _both_widths(web, "staff-cohort-participants")
    web.goto(f"/staff/cohort/meetups/{first.pk}/mode/")
    _both_widths(web, "staff-cohort-meetup-mode")
    page.get_by_label("Remote (online only)").check()
    page.get_by_label("Note to participants").fill("The venue is closed: we meet online.")
    page.get_by_role("button", name="Save and tell the participants").click()
    expect(page.get_by_role("status").first).to_contain_text("2 participants mailed")
    _both_widths(web, "staff-cohort-meetups")
    web.goto(f"/staff/cohort/editions/{admitted['edition'].pk}/leads/")
    _both_widths(web, "staff-cohort-leads")
    web.goto(f"/staff/cohort/editions/{admitted['edition'].pk}/onboarding/")
    _both_widths(web, "staff-cohort-onboarding")

    web.sign_in_as(admitted["aino"].applicant)
    web.goto("/me/")
    card = page.locator(".home-card", has_text="Next meetup")
    expect(card).to_contain_text("Remote")
    expect(card).to_contain_text("The venue is closed: we meet online.")
