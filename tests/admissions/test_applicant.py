"""The applicant's side: the status page shows released decisions only; the offer is accepted or declined
through a confirmation page (POST, CSRF), by its owner only."""

import re

import pytest
from django.test import Client

from campus.admissions import services
from campus.admissions.models import Offer
from campus.cohort.models import Participant
from tests.applications.staff_factories import make_application

from .conftest import bulk_applications


@pytest.fixture
def mine(call, applicant, team_manager, small_capacity):
    """The applicant's submitted application, staged as an admit (not released)."""
    application = make_application(call, email="aino.app@example.org")
    application.applicant = applicant
    application.save()
    return application


def stage_and_release(call, actor, decisions):
    services.stage_decisions(call=call, decisions=decisions, actor=actor)
    services.release(call=call, actor=actor)


def status(client):
    return client.get("/apply/status/").content.decode()


def test_status_shows_the_offer_only_after_release(applicant_client, mine, call, team_manager):
    services.stage_decisions(call=call, decisions={mine.pk: ("admit", None)}, actor=team_manager)
    page = status(applicant_client)
    assert "Offer of a place" not in page and "/apply/offer/accept/" not in page
    services.release(call=call, actor=team_manager)
    page = status(applicant_client)
    offer = Offer.objects.get(application=mine)
    day = f"{offer.reply_by.astimezone(call.zone):%-d %B %Y}"
    assert f"Offer of a place – please reply by {day}" in page
    assert "/apply/offer/accept/" in page and "/apply/offer/letter.pdf" in page


def test_accept_with_confirmation(applicant_client, mine, call, team_manager, applicant):
    stage_and_release(call, team_manager, {mine.pk: ("admit", None)})
    confirm = applicant_client.get("/apply/offer/accept/")
    assert confirm.status_code == 200 and "Yes, I accept the place" in confirm.content.decode()
    assert Offer.objects.get(application=mine).state == "open"  # GET changes nothing
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(applicant)
    assert csrf.post("/apply/offer/accept/").status_code == 403
    response = applicant_client.post("/apply/offer/accept/")
    assert response.status_code == 302 and response["Location"] == "/apply/status/"
    assert Offer.objects.get(application=mine).state == "accepted"
    assert Participant.objects.filter(user=applicant, edition=call.edition).count() == 1
    assert applicant_client.post("/apply/offer/accept/").status_code == 302  # twice: nothing new
    assert Participant.objects.count() == 1
    assert "Place accepted" in status(applicant_client)
    response = applicant_client.post("/apply/offer/decline/")
    assert response.status_code == 409 and "can no longer be declined" in response.content.decode()
    # the refusal is the page's error summary, focused on load, and the title says so
    html = response.content.decode()
    assert re.search(r'<div class="error-summary" role="alert"[^>]*autofocus>.*?can no longer be declined', html, re.S)
    assert "<title>Error: " in html


def test_decline_and_the_waitlist_label(applicant_client, mine, call, team_manager, applicant):
    others = bulk_applications(call, 5)
    stage_and_release(call, team_manager, {**{a.pk: ("admit", None) for a in others[:3]},
                                           others[3].pk: ("waitlist", None), others[4].pk: ("waitlist", None),
                                           mine.pk: ("waitlist", None)})
    assert "On the waitlist (rank 3)" in status(applicant_client)
    assert applicant_client.get("/apply/offer/").status_code == 404
    services.decline_offer(offer=Offer.objects.get(application=others[0]), actor=others[0].applicant)
    assert "On the waitlist (rank 2)" in status(applicant_client)
    services.decline_offer(offer=Offer.objects.get(application=others[1]), actor=others[1].applicant)
    services.decline_offer(offer=Offer.objects.get(application=others[2]), actor=others[2].applicant)
    page = status(applicant_client)
    assert "Offer of a place – please reply by" in page
    response = applicant_client.post("/apply/offer/decline/")
    assert response.status_code == 302
    assert "Offer declined" in status(applicant_client)


def test_rejected_label_and_nobody_else_reaches_the_offer(client, mine, call, team_manager, applicant):
    other = bulk_applications(call, 1)[0]
    stage_and_release(call, team_manager, {mine.pk: ("reject", None), other.pk: ("admit", None)})
    client.force_login(applicant)
    assert "Not admitted" in status(client)
    assert client.get("/apply/offer/accept/").status_code == 404
    assert client.post("/apply/offer/accept/").status_code == 404
    # the admitted one's offer is untouched by the rejected applicant's requests
    assert Offer.objects.get(application=other).state == "open"
    stranger = bulk_applications(call, 1, prefix="stranger", state="draft")[0].applicant
    client.force_login(stranger)
    assert client.post("/apply/offer/decline/").status_code == 404
    assert Offer.objects.get(application=other).state == "open"


def test_nothing_staged_or_internal_leaks_to_the_applicant(applicant_client, mine, call, team_manager):
    from campus.admissions.models import Decision

    others = bulk_applications(call, 2)
    services.stage_decisions(call=call, decisions={mine.pk: ("waitlist", 1), others[0].pk: ("admit", None)},
                             actor=team_manager)
    Decision.objects.filter(application=mine).update(note="Qx7TEAMNOTE: weak motivation")
    before = status(applicant_client)
    for leak in ("Qx7TEAMNOTE", "waitlist", "Waitlist", "rank", "Offer", "Not admitted", others[0].reference):
        assert leak not in before, leak
    for path in ("/apply/offer/", "/apply/offer/accept/", "/apply/offer/letter.pdf"):
        assert applicant_client.get(path).status_code == 404
    services.release(call=call, actor=team_manager)
    after = status(applicant_client)
    assert "On the waitlist (rank 1)" in after
    assert "Qx7TEAMNOTE" not in after and others[0].reference not in after


def test_a_released_decision_replaces_the_interview_booking(applicant_client, mine, call, team_manager):
    from campus.interviews import services as interviews

    interviews.invite(applications=[mine], actor=team_manager)
    page = status(applicant_client)
    assert "You are invited to an interview" in page
    services.stage_decisions(call=call, decisions={mine.pk: ("admit", None)}, actor=team_manager)
    assert "You are invited to an interview" in status(applicant_client)  # staged: nothing changes for them
    services.release(call=call, actor=team_manager)
    page = status(applicant_client)
    assert "Offer of a place" in page and "You are invited to an interview" not in page
