"""The status page for each outcome, in the browser: submitted, under review, interview invited, offer, accepted,
declined, waitlisted, not admitted, withdrawn. After a decision the decision comes first and only what still makes
sense is left; every page is axe-clean at 1280 and 375 px and loads nothing from another origin."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.admissions.outcomes import OUTCOMES, reach
from tests.applications.staff_factories import make_application

from .conftest import NARROW

DECIDED = {"offer", "accepted", "declined", "waitlisted", "not_admitted"}
# what the page offers in its side column, by outcome
BOSS_LETTER = {"submitted", "under_review", "interview_invited", "offer", "waitlisted"}
WITHDRAW = {"submitted", "under_review", "interview_invited", "waitlisted"}


@pytest.fixture
def people(site, settings, tmp_path):
    from django.contrib.auth import get_user_model

    from campus.applications.models import Call
    from campus.communications.models import MailTemplate
    from campus.core.plugins import mail
    from campus.team.models import TeamMembership

    settings.MEDIA_ROOT = tmp_path / "media"
    for event in mail.events():  # a transactional test's flush removed the migration's rows
        MailTemplate.objects.get_or_create(event=event.key, edition=None,
                                           defaults={"subject": event.default_subject, "body": event.default_body})
    call = Call.objects.get()
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=10), timezone.now() + timedelta(days=20)
    call.save()
    manager = get_user_model().objects.create_user(email="mia@example.org", password="a-long-staff-password-1",
                                                   is_staff=True, full_name="Mia Manager")
    TeamMembership.objects.create(edition=call.edition, user=manager, role="manager")
    applications = {outcome: make_application(call, email=f"{outcome.replace('_', '-')}@example.org")
                    for outcome in OUTCOMES}
    for outcome, application in applications.items():
        reach(outcome, application=application, call=call, manager=manager)
    return applications


def test_the_status_page_for_each_outcome(web, people):
    for outcome, application in people.items():
        web.sign_in_as(application.applicant)
        for width, height in ((1280, 900), (NARROW["width"], NARROW["height"])):
            web.set_width(width, height)
            web.goto("/apply/status/")
            web.check_page(f"status-{outcome}-{width}", narrow=width == NARROW["width"])
        main = web.page.locator("main")
        headings = main.locator(".split > div h2").all_inner_texts()
        side = main.locator("aside").inner_text()
        if outcome in DECIDED:
            assert web.page.locator(".decision-card").count() == 1, outcome
            assert main.locator(".split > div h2").first.get_attribute("id") == "decision-title", (outcome, headings)
            assert "What happens next" not in headings, outcome
        else:
            assert web.page.locator(".decision-card").count() == 0, outcome
        assert ("Letter for your employer (PDF)" in side) is (outcome in BOSS_LETTER), outcome
        assert ("Withdraw your application" in side) is (outcome in WITHDRAW), outcome
        if outcome == "accepted":
            link = main.get_by_role("link", name="Confirmation of your place (PDF)")
            assert link.get_attribute("href") == "/apply/offer/letter.pdf"
