"""Attendance in Chromium: the lead of module 1 takes the roll call at the door on a phone (375 px, by keyboard),
shows the QR screen; a participant checks in through the QR code's URL and sees it on their page; the overview.
Every page visited passes axe, loads nothing from another origin and runs without errors."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect


@pytest.fixture
def people(site):
    from campus.attendance import services
    from campus.programme.models import Edition, Meetup, Module
    from tests.attendance.conftest import LONG_AGO, Role, joined, make_staff
    from tests.cohort.conftest import make_participant

    edition = Edition.objects.get(is_current=True)
    module = Module.objects.get(edition=edition, number=1)
    meetup = Meetup.objects.filter(module=module).order_by("starts_at").first()
    lead = make_staff("lena.lead@example.org", Role.MODULE_LEAD, edition, module)
    members = [joined(make_participant(edition, f"p{i}@example.org", given=given, family=family), LONG_AGO)
               for i, (given, family) in enumerate([("Aino", "Virtanen"), ("Jonas", "Petraitis"),
                                                    ("Kadri", "Tamm"), ("Lars", "Nilsson")])]
    start = timezone.now() - timedelta(minutes=5)
    session = services.create_session(actor=lead, meetup=meetup, title="Opening circle", starts_at=start,
                                      ends_at=start + timedelta(hours=3))
    services.create_session(actor=lead, module=module, title="Finding project partners",
                            starts_at=start + timedelta(days=3), ends_at=start + timedelta(days=3, hours=1),
                            online_link="https://meet.example.org/partners")
    return {"lead": lead, "members": members, "session": session}


def test_roll_call_at_the_door_and_qr_check_in(web, people):
    from campus.attendance.models import Attendance

    page, session = web.page, people["session"]
    aino, jonas, kadri, _lars = people["members"]

    # --- the lead, on a phone at the door -------------------------------------------------------------------
    web.sign_in_as(people["lead"])
    web.set_width(375)
    web.goto("/staff/attendance/")
    expect(page.get_by_role("heading", name="Attendance", level=1)).to_be_visible()
    web.check_page("attendance-home-375", narrow=True)
    page.get_by_role("link", name="Roll call of Opening circle").click()
    expect(page.get_by_role("heading", name="Roll call: Opening circle")).to_be_visible()
    web.check_page("attendance-roll-call-375", narrow=True)
    # by keyboard: the first choice of a group is focused, the arrow key moves to "Present" and chooses it
    aino_group = page.get_by_role("group", name="Aino Virtanen")
    aino_group.get_by_role("radio", name="Not recorded").focus()
    page.keyboard.press("ArrowRight")
    expect(aino_group.get_by_role("radio", name="Present")).to_be_checked()
    jonas_group = page.get_by_role("group", name="Jonas Petraitis")
    jonas_group.get_by_text("Excused").click()
    jonas_group.get_by_label("Remark on Jonas Petraitis").fill("At the ministry today")
    page.get_by_role("button", name="Save the roll call").click()
    expect(page.get_by_text("Roll call saved: 2 changes.")).to_be_visible()
    expect(page.get_by_text("1 present · 0 late · 1 excused · 0 absent · 2 not recorded")).to_be_visible()
    expect(page.get_by_role("group", name="Jonas Petraitis").get_by_label("Remark on Jonas Petraitis")).to_have_value(
        "At the ministry today")
    web.check_page("attendance-roll-call-saved-375", narrow=True)
    web.set_width(1280, 900)
    web.check_page("attendance-roll-call-1280")

    # --- the room's screen shows the QR code -----------------------------------------------------------------
    page.get_by_role("link", name="QR screen for the room").click()
    expect(page.locator("figure svg")).to_be_visible()
    refresh = page.locator("[data-refresh-in]").get_attribute("data-refresh-in")
    assert 1 <= int(refresh) <= 31
    first_code = page.locator(".qr-screen__link").inner_text()
    page.wait_for_function("(first) => document.querySelector('.qr-screen__link').textContent.trim() !== first.trim()",
                           arg=first_code, timeout=(int(refresh) + 5) * 1000)  # renewed in place, same origin
    web.check_page("attendance-qr-screen-1280")
    check_in_url = page.locator(".qr-screen__link").inner_text().strip()
    assert re.search(rf"/me/attendance/check-in/{session.pk}-\d+-[0-9a-f]+/$", check_in_url), check_in_url

    # --- a participant scans it on their phone ---------------------------------------------------------------
    web.sign_in_as(kadri.user)
    web.set_width(375)
    web.goto(check_in_url.replace(web.base_url, ""))
    expect(page.get_by_role("heading", name="You are checked in")).to_be_visible()
    web.check_page("attendance-checked-in-375", narrow=True)
    assert Attendance.objects.get(participant=kadri).method == "qr"
    page.get_by_role("link", name="Your sessions and attendance").click()
    expect(page.get_by_role("heading", name="Sessions and attendance", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Join online"))).to_be_visible()
    web.check_page("attendance-participant-375", narrow=True)
    web.set_width(1280, 900)
    web.check_page("attendance-participant-1280")
    web.goto("/me/")
    expect(page.get_by_role("heading", name="Next webinar")).to_be_visible()
    web.check_page("attendance-participant-home-1280")
    # an old code (a photo sent to someone elsewhere) is refused with a clear message
    web.goto(f"/me/attendance/check-in/{session.pk}-1-{'0' * 24}/", status=400)
    expect(page.get_by_role("alert")).to_contain_text("not valid")
    web.check_page("attendance-check-in-refused-1280")

    # --- the lead's overview -------------------------------------------------------------------------------
    web.sign_in_as(people["lead"])
    web.goto("/staff/attendance/overview/")
    expect(page.get_by_role("table")).to_contain_text("Kadri Tamm")
    web.check_page("attendance-overview-1280")
    web.set_width(375)
    web.check_page("attendance-overview-375", narrow=True)
    # --- the forms: a session of a meetup (refused, then kept), a webinar ------------------------------------------
    web.set_width(1280, 900)
    web.goto("/staff/attendance/")
    page.get_by_role("link", name="Add a session to Module 1 opening meetup").click()
    page.get_by_label("Title").fill("Cluster walk")
    page.get_by_label("Starts (local time)").fill("2026-12-09 10:00")
    page.get_by_label("Ends (local time)").fill("2026-12-09 09:00")
    page.get_by_role("button", name="Add").click()
    expect(page.locator(".error-summary")).to_contain_text("must end after it starts")
    expect(page.get_by_label("Title")).to_have_value("Cluster walk")
    web.check_page("attendance-session-form-refused-1280")
    page.get_by_label("Ends (local time)").fill("2026-12-09 12:00")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_text("The session “Cluster walk” is added")).to_be_visible()
    page.get_by_role("link", name="Add a webinar").click()
    web.set_width(375)
    web.check_page("attendance-webinar-form-375", narrow=True)
    assert {a.participant_id: a.status for a in Attendance.objects.all()} == {
        aino.pk: "present", jonas.pk: "excused", kadri.pk: "present"}
