"""Admission in the browser: a reviewer scores, the manager opens the calls and the ranking board, looks at the
selection assistant, stages decisions and releases them (after the confirmation page), sends the drafts from
the outbox; one admitted applicant accepts, the other declines and the first on the waitlist is promoted.
The letters open as PDFs with the right names. Every staff page passes axe-core, loads nothing from another
origin and runs without errors."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.applications.staff_factories import make_application


def _pdf_text(web, path):
    response = web.page.request.get(web.base_url + path)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def journey(site, settings, tmp_path):
    from django.contrib.auth import get_user_model

    from campus.applications.models import Call
    from campus.communications.models import MailTemplate
    from campus.core.plugins import mail
    from campus.review import services as review
    from campus.review.models import Criterion, ReviewPhase
    from campus.team.models import TeamMembership

    settings.MEDIA_ROOT = tmp_path / "media"
    for event in mail.events():  # a transactional test's flush removed the migration's rows
        MailTemplate.objects.get_or_create(event=event.key, edition=None,
                                           defaults={"subject": event.default_subject, "body": event.default_body})
    call = Call.objects.get()
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=10), timezone.now() + timedelta(days=20)
    call.save()
    edition = call.edition
    edition.capacity = 2
    edition.save(update_fields=["capacity"])
    User = get_user_model()
    people = {}
    for key, email, name, role in (("reviewer", "rita@example.org", "Rita Reviewer", "reviewer"),
                                   ("manager", "mia@example.org", "Mia Manager", "manager")):
        people[key] = User.objects.create_user(email=email, password="a-long-staff-password-1", is_staff=True,
                                               full_name=name)
        TeamMembership.objects.create(edition=edition, user=people[key], role=role)
    if not Criterion.objects.filter(call=call, kind="review").exists():
        for name, weight in (("Experience", 2), ("Motivation", 1)):
            review.save_criterion(call=call, kind="review", name=name, weight=weight,
                                  scale=["Poor", "Fair", "Good", "Very good", "Excellent"], actor=people["manager"])
    if not ReviewPhase.objects.filter(call=call, is_active=True).exists():
        phase = review.save_phase(call=call, name="Review", actor=people["manager"])
        review.activate_phase(phase=phase, actor=people["manager"])
    apps = {
        "aino": make_application(call, email="aino@example.fi"),
        "lars": make_application(call, email="lars@example.se", first_name="Lars", last_name="Nilsson",
                                 country_of_residence="SE", organisation="Skåne Food Cluster"),
        "ona": make_application(call, email="ona@example.lt", first_name="Ona", last_name="Kazlauskienė",
                                country_of_residence="LT", organisation="Kaunas ICT Cluster"),
        "mart": make_application(call, email="mart@example.ee", first_name="Mart", last_name="Tamm",
                                 country_of_residence="EE", organisation="Tallinn Wood Cluster"),
    }
    review.assign(applications=list(apps.values()), reviewers=[people["reviewer"]], actor=people["manager"])
    criteria = list(Criterion.objects.filter(call=call, kind="review").order_by("order", "id"))
    for key, score in (("lars", 4), ("ona", 3), ("mart", 2)):
        review.save_review(application=apps[key], reviewer=people["reviewer"], scores={c.pk: score for c in criteria},
                           recommendation="yes", actor=people["reviewer"])
    return {"call": call, "apps": apps, "criteria": criteria, **people}


def test_review_board_release_accept_decline_promote(web, journey):
    from campus.admissions.models import Offer
    from campus.cohort.models import Participant
    from campus.communications.models import OutboxMessage

    page = web.page
    call, apps = journey["call"], journey["apps"]

    # a reviewer scores Aino's application on the review page
    web.sign_in_as(journey["reviewer"])
    web.goto(f"/staff/review/applications/{apps['aino'].pk}/")
    groups = page.locator("fieldset.review-criterion")
    for index in range(groups.count()):
        groups.nth(index).get_by_role("radio").nth(4).check()
    page.get_by_role("radio", name="Yes").check()
    page.get_by_role("button", name="Submit the review").click()
    expect(page.get_by_role("status").first).to_contain_text("weighted total 5")

    # the manager: the calls, the board (sorted by score), the selection assistant
    web.sign_in_as(journey["manager"])
    web.goto("/staff/admissions/")
    web.check_page("admissions-home")
    page.get_by_role("link", name=call.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ranking board")
    rows = page.locator("table.admissions-board tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.first).to_contain_text(apps["aino"].reference)  # 5.0 first
    expect(rows.nth(1)).to_contain_text(apps["lars"].reference)
    web.check_page("board")
    page.get_by_role("link", name="Reference").click()  # sort by another column
    expect(page).to_have_url(re.compile(r"sort=reference"))
    page.get_by_role("link", name="Score").click()
    web.check_page("board-sorted")
    page.get_by_role("link", name="Selection assistant").click()
    if page.url.endswith("/assistant/") and page.get_by_role("heading", level=1).count():
        web.check_page("assistant")
    web.goto(f"/staff/admissions/{call.pk}/?sort=score")

    # stage: the two best admitted, the next two on the waitlist (in score order)
    page.get_by_label(f"Choose {apps['aino'].reference}").check()
    page.get_by_label(f"Choose {apps['lars'].reference}").check()
    page.get_by_role("button", name="Stage: admit").click()
    expect(page.get_by_role("status").first).to_contain_text("2 decisions staged")
    page.get_by_label(f"Choose {apps['ona'].reference}").check()
    page.get_by_label(f"Choose {apps['mart'].reference}").check()
    page.get_by_role("button", name="Stage: waitlist (at the end)").click()
    expect(page.get_by_role("status").first).to_contain_text("2 decisions staged")
    web.check_page("board-staged")

    # release, after the confirmation page that says what will happen
    page.get_by_role("link", name="Release the staged decisions…").click()
    expect(page.locator(".admissions-plan")).to_contain_text("2 offers of a place")
    expect(page.locator(".admissions-plan")).to_contain_text("2 on the waitlist")
    web.check_page("release-confirmation")
    page.get_by_role("button", name=re.compile(r"Release 4 decisions")).click()
    expect(page.get_by_role("status").first).to_contain_text("Released: 2 offers, 2 on the waitlist")
    assert OutboxMessage.objects.filter(state="draft").count() == 4

    # the outbox: send every draft at once
    web.goto("/staff/outbox/")
    web.check_page("outbox")
    page.get_by_role("button", name=re.compile(r"Send all 4 drafts")).click()
    assert OutboxMessage.objects.filter(state="draft").count() == 0

    # Aino accepts (after the confirmation page); her letter carries her name
    web.sign_in_as(apps["aino"].applicant)
    web.goto("/apply/status/")
    expect(page.locator(".status-label")).to_contain_text("Offer of a place – please reply by")
    web.check_page("status-offer")
    assert "Aino Virtanen" in _pdf_text(web, "/apply/offer/letter.pdf")
    page.get_by_role("link", name="Accept the place").click()
    web.check_page("accept-confirmation")
    page.get_by_role("button", name="Yes, I accept the place").click()
    expect(page.locator(".status-label")).to_have_text("Place accepted")
    assert Participant.objects.filter(user=apps["aino"].applicant).count() == 1

    # the manager's page of Aino's application links the confirmation of her place, as she downloads it
    from django.contrib.auth.models import Permission

    journey["manager"].user_permissions.add(*Permission.objects.filter(codename__in=("view_application",)))
    web.sign_in_as(journey["manager"])
    web.goto(f"/staff/applications/{apps['aino'].pk}/")
    link = page.get_by_role("link", name="confirmation of the place (PDF)")
    expect(link).to_be_visible()
    assert "is confirmed" in _pdf_text(web, link.get_attribute("href"))
    web.check_page("staff-application-accepted")
    web.set_width(375, 812)
    web.check_page("staff-application-accepted-375", narrow=True)
    web.set_width(1280, 900)

    # Lars declines; Ona, first on the waitlist, is promoted and gets her own letter
    web.sign_in_as(apps["lars"].applicant)
    web.goto("/apply/status/")
    page.get_by_role("link", name="Decline").click()
    page.get_by_role("button", name="Yes, I decline the offer").click()
    expect(page.locator(".status-label")).to_have_text("Offer declined")
    promoted = Offer.objects.get(via="promotion")
    assert promoted.application == apps["ona"] and promoted.state == "open"
    assert OutboxMessage.objects.filter(event="promoted", recipient=apps["ona"].applicant).count() == 1

    web.sign_in_as(apps["ona"].applicant)
    web.goto("/apply/status/")
    expect(page.locator(".status-label")).to_contain_text("Offer of a place – please reply by")
    text = _pdf_text(web, "/apply/offer/letter.pdf")
    assert "Ona Kazlauskienė" in text and "Aino" not in text

    web.sign_in_as(apps["mart"].applicant)
    web.goto("/apply/status/")
    expect(page.locator(".status-label")).to_have_text("On the waitlist (rank 1)")
