"""The status page follows the outcome: a released decision comes first, and the page keeps only what still makes
sense for it (each app's status section decides, core/plugins/status.py). "Withdraw" is refused where it is moot."""

import pytest

from campus.applications.models import Application
from tests.applications.staff_factories import make_application

from .outcomes import OUTCOMES, reach

RECEIVED = "We received your application"
REVIEW = "Your application is under review"
INTERVIEW = "You are invited to an interview"
NEXT = "What happens next"
BOSS = "Letter for your employer (PDF)"
WITHDRAW = "Withdraw your application"
CONFIRMATION = "Confirmation of your place (PDF)"

# what each outcome's page shows (True) and leaves out (False)
EXPECTED = {
    "submitted": {RECEIVED: True, REVIEW: False, NEXT: True, BOSS: True, WITHDRAW: True},
    "under_review": {RECEIVED: False, REVIEW: True, NEXT: True, BOSS: True, WITHDRAW: True},
    "interview_invited": {RECEIVED: False, REVIEW: False, INTERVIEW: True, NEXT: True, BOSS: True, WITHDRAW: True},
    "offer": {RECEIVED: False, NEXT: False, "Accept the place": True, BOSS: True, WITHDRAW: False},
    "accepted": {RECEIVED: False, NEXT: False, CONFIRMATION: True, BOSS: False, WITHDRAW: False},
    "declined": {RECEIVED: False, NEXT: False, "You declined the offer": True, BOSS: False, WITHDRAW: False},
    "waitlisted": {RECEIVED: False, NEXT: False, "You are number 1 on the waitlist": True, BOSS: True,
                   WITHDRAW: True},
    "not_admitted": {RECEIVED: False, REVIEW: False, NEXT: False, "we cannot offer you a place": True,
                     BOSS: False, WITHDRAW: False},
    "withdrawn": {RECEIVED: False, NEXT: False, BOSS: False, WITHDRAW: False},
}
DECIDED = ("offer", "accepted", "declined", "waitlisted", "not_admitted")


@pytest.fixture
def mine(call, applicant):
    application = make_application(call, email="aino.status@example.org")
    application.applicant = applicant
    application.save()
    return application


@pytest.mark.django_db
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_the_status_page_shows_what_makes_sense_for_the_outcome(outcome, applicant_client, mine, call,
                                                                team_manager, mail_templates):
    reach(outcome, application=mine, call=call, manager=team_manager)
    page = applicant_client.get("/apply/status/").content.decode()
    for text, shown in EXPECTED[outcome].items():
        assert (text in page) is shown, f"{outcome}: {text!r} should {'' if shown else 'not '}be on the page"
    main = page[page.index('<dl class="status-box">'):page.index('<aside')]
    if outcome in DECIDED:  # the decision comes first, right after the status box
        first_heading = main[main.index("<h2"):]
        assert first_heading.startswith('<h2 id="decision-title">'), first_heading[:120]


@pytest.mark.django_db
@pytest.mark.parametrize("outcome", ["accepted", "declined", "not_admitted"])
def test_withdraw_is_refused_after_a_final_decision(outcome, applicant_client, mine, call, team_manager,
                                                    mail_templates):
    reach(outcome, application=mine, call=call, manager=team_manager)
    for response in (applicant_client.get("/apply/withdraw/"), applicant_client.post("/apply/withdraw/")):
        assert response.status_code == 302 and response["Location"] == "/apply/status/"
    mine.refresh_from_db()
    assert mine.state == Application.State.SUBMITTED


@pytest.mark.django_db
def test_the_waitlist_can_still_be_left(applicant_client, mine, call, team_manager, mail_templates):
    reach("waitlisted", application=mine, call=call, manager=team_manager)
    assert applicant_client.post("/apply/withdraw/").status_code == 302
    mine.refresh_from_db()
    assert mine.state == Application.State.WITHDRAWN
