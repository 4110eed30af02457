"""Browser journey of the forum (Chromium, axe-core at 1280 and 375 px), with the mail over SMTP (a local
aiosmtpd server) and the links of each mail followed in the browser:

a guest registers for a full event and confirms the address → the waitlist; the one with the seat cancels by
the link in their mail (a page, then a confirming POST); the first on the waitlist gets the offer mail, takes
the seat by its link, and the confirmation mail carries the event's .ics and the QR code."""

import re

import icalendar
import pytest

from campus.forum import services
from campus.forum.models import Registration
from tests.core.smtp import smtp_server  # noqa: F401 - fixture
from tests.forum.conftest import make_event

pytestmark = pytest.mark.slow


def both_widths(web, label):
    """axe-core at 1280 and 375 px, nothing sideways at 375, nothing from another origin."""
    web.check_page(f"{label} 1280")
    web.set_width(375)
    web.check_axe(label=f"({label} 375)")
    web.check_narrow()
    web.set_width(1280, 900)


def mail_to(smtp, address, subject_part):
    found = [m for m in smtp.messages if m["To"] == address and subject_part in m["Subject"]]
    assert found, f"no mail {subject_part!r} to {address}: {[(m['To'], m['Subject']) for m in smtp.messages]}"
    return found[-1]


def link_in(message, path_part, base_url):
    text = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(re.escape(base_url) + r"(/forum/registration/[^/\s]+/" + path_part + r"/)", text)
    assert match, f"no {path_part} link in:\n{text}"
    return match.group(1)


def test_a_guest_waits_the_seat_frees_up_by_a_mail_link_and_the_guest_takes_it(
        web, site, settings, run_tasks, smtp_server):  # noqa: F811
    from campus.programme.models import Edition

    settings.SITE_URL = site
    event = make_event(Edition.objects.get(is_current=True), slug="forum-journey", capacity=1,
                       title="Cluster Education Forum 2031")
    sam, _ = services.register(event=event, email="sam@example.org", details={"name": "Sam Seated"})
    services.confirm_email(registration=sam)
    run_tasks()

    web.goto("/forum/")
    both_widths(web, "forum list")
    web.page.get_by_role("link", name="Cluster Education Forum 2031").click()
    assert "Every seat is taken: registrations go on the waitlist." in web.page.inner_text("main")
    both_widths(web, "forum event")
    web.page.get_by_role("link", name="Join the waitlist").click()
    both_widths(web, "forum register")
    web.page.get_by_label("Your name").fill("Gina Guest")
    web.page.get_by_label("Your email address").fill("gina@example.org")
    web.page.get_by_label("Organisation or cluster (optional)").fill("Vaasa Energy Cluster")
    web.page.get_by_label("Dietary needs (optional)").fill("vegetarian")
    web.page.get_by_role("button", name="Register").click()
    web.page.get_by_role("heading", name="Check your mail").wait_for()
    both_widths(web, "forum check mail")

    run_tasks()
    web.goto(link_in(mail_to(smtp_server, "gina@example.org", "Confirm your registration"), "confirm", site))
    both_widths(web, "forum confirm")
    web.page.get_by_role("button", name="Confirm").click()
    assert "You are on the waitlist: number 1 in line" in web.page.inner_text("main")
    both_widths(web, "forum registration")
    run_tasks()
    assert "number 1 on the waitlist" in mail_to(smtp_server, "gina@example.org", "On the waitlist").get_content()

    # Sam cancels by the link in the confirmation mail: a page, then the button
    web.goto(link_in(mail_to(smtp_server, "sam@example.org", "You are registered"), "cancel", site))
    both_widths(web, "forum cancel")
    assert Registration.objects.get(pk=sam.pk).state == "confirmed"  # the page alone changed nothing
    web.page.get_by_role("button", name="Yes, cancel my registration").click()
    assert "Your registration is cancelled." in web.page.inner_text("main")
    assert Registration.objects.get(pk=sam.pk).state == "cancelled"

    run_tasks()
    web.goto(link_in(mail_to(smtp_server, "gina@example.org", "A seat for you"), "accept", site))
    both_widths(web, "forum accept")
    web.page.get_by_role("button", name="Take the seat").click()
    assert "You have a seat" in web.page.inner_text("main")
    run_tasks()

    confirmation = mail_to(smtp_server, "gina@example.org", "You are registered")
    parts = {part.get_filename(): part for part in confirmation.iter_attachments()}
    assert set(parts) == {"forum-journey.ics", "qr-code.png"}
    calendar = icalendar.Calendar.from_ical(parts["forum-journey.ics"].get_content())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Cluster Education Forum 2031"]
    gina = Registration.objects.get(email="gina@example.org")
    assert gina.state == "confirmed" and gina.dietary_needs == "vegetarian"
