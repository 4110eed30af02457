"""The edition's journey in Chromium, across the apps (issue 12): an admitted applicant accepts the offer, lands on
/me/ and sees the first meetup; the lead of module 1 publishes an assignment; the participant submits, the lead
asks for a revision, the participant resubmits, the lead accepts; attendance is taken at the door (roll call) and
by QR (the participant opens the check-in URL the room's screen shows); a survey is answered and shows in the
results; a coaching round is generated; the manager sets the certificate rules to the real criteria (meetups
attended, every assignment accepted), the preview says the participant qualifies, a certificate is issued,
downloaded (the PDF carries the name), verified on the public page signed out, revoked and shown as revoked.

Set up in Python (not the journey's subject): the call's dates, the manager, the lead of module 1, the meetups
moved into the future, eight fellow participants, the session of the first meetup that runs now, the survey
(anonymous, so two fellows answer it first: its answers show from three on).
Each app's own browser test covers its forms' refusals; here every page is checked (axe, same origin, clean load)
at 1280 px, and at 375 px where its content differs from the app's own test (the home with every block, the real
criteria's rules and preview, the public pages of this certificate)."""

import io
import re
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.applications.staff_factories import make_application
from tests.cohort.conftest import future_meetups

FELLOWS = ["Björn Larsson", "Rūta Kazlauskienė", "Jonas Petraitis", "Greta Schulz", "Mikko Laine", "Sofia Berg",
           "Lukas Weber", "Ieva Jankauskaitė"]


@pytest.fixture
def edition_world(site, settings, tmp_path):
    from django.contrib.auth import get_user_model

    from campus.admissions import services as admissions
    from campus.applications.models import Call
    from campus.attendance import services as attendance
    from campus.communications.models import MailTemplate
    from campus.core.plugins import mail
    from campus.feedback import services as feedback
    from campus.programme.models import Meetup, Module
    from campus.team.models import TeamMembership
    from tests.attendance.conftest import LONG_AGO, joined
    from tests.coaching.conftest import make_cohort

    settings.MEDIA_ROOT = tmp_path / "media"
    for event in mail.events():  # a transactional test's flush removed the migration's rows
        MailTemplate.objects.get_or_create(event=event.key, edition=None,
                                           defaults={"subject": event.default_subject, "body": event.default_body})
    call = Call.objects.get()
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=10), timezone.now() + timedelta(days=20)
    call.save()
    edition = call.edition
    User = get_user_model()
    manager = User.objects.create_user(email="mia@example.org", password="a-long-staff-password-1", is_staff=True,
                                       full_name="Mia Manager")
    TeamMembership.objects.create(edition=edition, user=manager, role=TeamMembership.Role.MANAGER)
    module = Module.objects.filter(edition=edition).order_by("number").first()
    lead = User.objects.create_user(email="lea.lead@example.org", password="a-long-staff-password-1",
                                    is_staff=True, full_name="Lea Lead")
    TeamMembership.objects.create(edition=edition, user=lead, role=TeamMembership.Role.MODULE_LEAD, module=module)
    future_meetups(edition, days=30)
    first = Meetup.objects.filter(module__edition=edition).order_by("starts_at").first()

    aino = make_application(call, email="aino@example.fi")
    admissions.stage_decisions(call=call, decisions={aino.pk: ("admit", None)}, actor=manager)
    admissions.release(call=call, actor=manager)
    fellows = [joined(p, LONG_AGO) for p in make_cohort(edition, len(FELLOWS), names=FELLOWS)]

    # the opening session of the first meetup runs now (the door and the QR screen need a running session)
    start = timezone.now() - timedelta(minutes=5)
    session = attendance.create_session(actor=lead, meetup=first, title="Opening circle", starts_at=start,
                                        ends_at=start + timedelta(hours=3))
    survey = feedback.create_survey(edition=edition, actor=manager, module=module, title="Module 1: how was it?",
                                    anonymous=True)
    feedback.add_question(survey=survey, actor=manager, kind="likert", text="The module was useful for my cluster")
    feedback.add_question(survey=survey, actor=manager, kind="text", text="What should change?")
    feedback.set_state(survey=survey, to="open", actor=manager)
    keys = {q.kind: q.key for q in survey.questions.all()}
    for fellow in fellows[:2]:  # an anonymous survey's answers are shown from three on: two fellows answered
        feedback.submit(survey=survey, participant=fellow, answers={keys["likert"]: 5, keys["text"]: "Good"})
    return {"edition": edition, "module": module, "first": first, "manager": manager, "lead": lead, "aino": aino,
            "fellows": fellows, "session": session, "survey": survey}


def both_widths(web, label):
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280, 900)


def pdf_text(body: bytes) -> str:
    reader = PdfReader(io.BytesIO(body))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_edition_from_accepted_offer_to_revoked_certificate(web, edition_world):
    from campus.attendance.models import Attendance
    from campus.certificates.models import Certificate
    from campus.coaching.models import CoachingRound, GroupMember
    from campus.cohort.models import Participant
    from campus.coursework.models import Attempt

    began = time.monotonic()
    w = edition_world
    page, module, edition = web.page, w["module"], w["edition"]
    applicant = w["aino"].applicant

    # --- 1. the admitted applicant accepts and lands on /me/ with the first meetup ---------------------------------
    web.sign_in_as(applicant)
    web.goto("/apply/status/")
    page.get_by_role("link", name="Accept the place").click()
    page.get_by_role("button", name="Yes, I accept the place").click()
    expect(page.locator(".status-label")).to_have_text("Place accepted")
    aino = Participant.objects.get(user=applicant)
    web.goto("/me/")
    card = page.locator(".home-card", has_text="Next meetup")
    expect(card).to_contain_text(w["first"].title)
    expect(card).to_contain_text(f"({w['first'].timezone})")
    both_widths(web, "journey-home-new")

    # --- 2. the module lead publishes an assignment -----------------------------------------------------------------
    web.sign_in_as(w["lead"])
    web.goto("/staff/coursework/")
    page.get_by_role("link", name=f"Module {module.number}: {module.title}").click()
    page.get_by_role("link", name="New assignment").click()
    page.locator("#id_title").fill("Map your cluster")
    page.get_by_label("Brief").fill("Draw the map of your cluster's **partners**.")
    due = (timezone.now() + timedelta(days=7)).date()
    page.get_by_label("Due (local time of the module)").fill(f"{due:%Y-%m-%d} 17:00")
    page.get_by_label("Until accepted: a revision asked reopens it").check()
    page.get_by_label("Published: participants see it").check()
    web.check_page("journey-assignment-form")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The assignment is saved.")).to_be_visible()
    web.check_page("journey-assignment-published")

    # --- 3. the participant submits from the home --------------------------------------------------------------------
    web.sign_in_as(applicant)
    web.goto("/me/")
    page.locator("section", has=page.get_by_role("heading", name="Open assignments")).get_by_role("link", name="Map your cluster").click()
    expect(page.get_by_role("heading", name="Map your cluster", level=1)).to_be_visible()
    page.get_by_label("Your answer").fill("Here is my first map.")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Your attempt is submitted.")).to_be_visible()
    web.check_page("journey-assignment-submitted")

    # --- 4. the lead asks for a revision ---------------------------------------------------------------------------
    web.sign_in_as(w["lead"])
    assignment_id = Attempt.objects.get().assignment_id
    web.goto(f"/staff/coursework/assignments/{assignment_id}/")
    page.get_by_role("link", name="Review the work of Aino Virtanen").click()
    page.get_by_label("Feedback to the participant").fill("Add your partners abroad, please.")
    page.get_by_label("Ask for a revision").check()
    page.get_by_role("button", name="Save the feedback").click()
    expect(page.get_by_text("Your feedback is saved: revision asked.")).to_be_visible()
    web.check_page("journey-revision-asked")

    # --- 5. the participant resubmits --------------------------------------------------------------------------------
    web.sign_in_as(applicant)
    web.goto(f"/me/coursework/assignments/{assignment_id}/")
    expect(page.get_by_text("Add your partners abroad, please.")).to_be_visible()
    page.get_by_label("Your answer").fill("The map with partners abroad.")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Your attempt is submitted.")).to_be_visible()
    expect(page.get_by_role("heading", name="Attempt 2")).to_be_visible()

    # --- 6. the lead accepts the second attempt ----------------------------------------------------------------------
    web.sign_in_as(w["lead"])
    web.goto(f"/staff/coursework/assignments/{assignment_id}/")
    page.get_by_role("link", name="Review the work of Aino Virtanen").click()
    expect(page.get_by_text("The map with partners abroad.")).to_be_visible()
    page.get_by_label("Feedback to the participant").fill("Well done.")
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Save the feedback").click()
    expect(page.get_by_text("Your feedback is saved: accepted.")).to_be_visible()
    assert Attempt.objects.get(number=2).state == "accepted"

    # --- 7. attendance: the roll call at the door (a phone), then the QR screen --------------------------------------
    session = w["session"]
    bjorn, ruta = w["fellows"][0], w["fellows"][1]
    web.set_width(375)
    web.goto("/staff/attendance/")
    page.get_by_role("link", name="Roll call of Opening circle").click()
    expect(page.get_by_role("heading", name="Roll call: Opening circle")).to_be_visible()
    page.get_by_role("group", name="Björn Larsson").get_by_text("Present").click()
    page.get_by_role("group", name="Rūta Kazlauskienė").get_by_text("Late").click()
    page.get_by_role("button", name="Save the roll call").click()
    expect(page.get_by_text("Roll call saved: 2 changes.")).to_be_visible()
    web.check_page("journey-roll-call-375", narrow=True)
    web.set_width(1280, 900)
    page.get_by_role("link", name="QR screen for the room").click()
    expect(page.locator("figure svg")).to_be_visible()
    web.check_page("journey-qr-screen")
    check_in_url = page.locator(".qr-screen__link").inner_text().strip()
    assert re.search(rf"/me/attendance/check-in/{session.pk}-\d+-[0-9a-f]+/$", check_in_url), check_in_url

    web.sign_in_as(applicant)
    web.set_width(375)
    web.goto(check_in_url.replace(web.base_url, ""))
    expect(page.get_by_role("heading", name="You are checked in")).to_be_visible()
    web.check_page("journey-checked-in-375", narrow=True)
    web.set_width(1280, 900)
    assert {a.participant_id: (a.status, a.method) for a in Attendance.objects.all()} == {
        bjorn.pk: ("present", "roll_call"), ruta.pk: ("late", "roll_call"), aino.pk: ("present", "qr")}

    # --- 8. the survey: answered from the home, then in the results ----------------------------------------------------
    web.goto("/me/")
    page.get_by_role("link", name="Module 1: how was it?").click()
    expect(page.get_by_role("heading", name="Your answers are anonymous")).to_be_visible()
    page.get_by_label("4 – Agree").check()
    page.get_by_label("What should change?").fill("More time for the cluster walk")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Thank you: your answers are submitted.")).to_be_visible()
    web.check_page("journey-survey-submitted")

    web.sign_in_as(w["manager"])
    web.goto("/staff/feedback/")
    page.get_by_role("link", name="Results of Module 1: how was it?").click()
    expect(page.locator("svg.survey-chart")).to_have_count(1)
    expect(page.get_by_text("3 of 9 participants answered")).to_be_visible()
    expect(page.get_by_text("More time for the cluster walk")).to_be_visible()
    page.get_by_text("The figures as a table").first.click()
    expect(page.get_by_role("row", name="4 Agree 1 33 %")).to_be_visible()
    web.check_page("journey-survey-results")

    # --- 9. a coaching round is generated and saved --------------------------------------------------------------------
    web.goto("/staff/coaching/")
    page.get_by_role("link", name="Generate a new round").click()
    page.get_by_label("Title of the round").fill("Module 1 coaching groups")
    page.get_by_label("Seed").fill("1")
    page.get_by_role("button", name="Preview the groups").click()
    expect(page.get_by_role("heading", name="Preview: 3 groups for 9 participants")).to_be_visible()
    page.get_by_role("button", name="Save these groups").click()
    expect(page.get_by_text("“Module 1 coaching groups” is saved with 3 groups.")).to_be_visible()
    web.check_page("journey-coaching-round")
    assert GroupMember.objects.filter(round=CoachingRound.objects.get(), participant=aino).count() == 1

    # --- 10. certificates: the real criteria, the preview, issuing --------------------------------------------------
    web.goto("/staff/certificates/")
    page.get_by_role("link", name="Change the rules").click()
    page.get_by_label("Meetups attended").check()
    page.get_by_label("At least this many meetups").fill("1")
    page.get_by_label("Every assignment accepted").check()
    both_widths(web, "journey-certificate-rules")
    page.get_by_role("button", name="Save the rules").click()
    expect(page.get_by_text("At least 1 meetup attended")).to_be_visible()
    expect(page.get_by_text("Every published assignment accepted")).to_be_visible()
    preview = page.locator(".staff-table tbody tr")
    expect(preview).to_have_count(9)
    aino_row = preview.filter(has=page.get_by_role("rowheader", name="Aino Virtanen"))
    expect(aino_row).to_contain_text("yes")
    expect(aino_row).to_contain_text("every rule met")
    bjorn_row = preview.filter(has=page.get_by_role("rowheader", name="Björn Larsson"))
    expect(bjorn_row).to_contain_text("0 of 1 assignment accepted")  # attended, but no assignment accepted
    both_widths(web, "journey-certificate-preview")
    page.get_by_role("button", name="Issue to all 1 who qualify").click()
    expect(page.get_by_text("1 certificate issued")).to_be_visible()
    certificate = Certificate.objects.get()
    assert certificate.participant_id == aino.pk

    # --- 11. the participant downloads it; the PDF carries her name -------------------------------------------------
    web.sign_in_as(applicant)
    web.goto("/me/")
    expect(page.get_by_role("heading", name="Your certificate")).to_be_visible()
    expect(page.get_by_role("heading", name="Your coaching group")).to_be_visible()
    both_widths(web, "journey-home-every-block")
    web.goto("/me/certificate/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    text = pdf_text(open(download.value.path(), "rb").read())
    assert "Aino Virtanen" in text and certificate.grouped_code in text, text

    # --- 12. anyone verifies it, signed out; the manager revokes it; the page says so ------------------------------------
    web.context.clear_cookies()
    web.goto(f"/certificates/{certificate.code}/")
    expect(page.get_by_role("heading", name="Valid")).to_be_visible()
    expect(page.get_by_text("Aino Virtanen")).to_be_visible()
    both_widths(web, "journey-verify-valid")

    web.sign_in_as(w["manager"])
    web.goto(f"/staff/certificates/{certificate.pk}/")
    page.get_by_label("Reason for revoking").fill("Issued by mistake")
    page.get_by_role("button", name="Revoke the certificate").click()
    expect(page.get_by_text("The certificate is revoked")).to_be_visible()
    web.check_page("journey-certificate-revoked-staff")
    web.context.clear_cookies()
    web.goto(f"/certificates/{certificate.code}/")
    expect(page.get_by_role("heading", name="Revoked")).to_be_visible()
    expect(page.get_by_text("Aino Virtanen")).to_be_visible()
    assert "Issued by mistake" not in page.content()
    both_widths(web, "journey-verify-revoked")
    print(f"\nthe edition's journey took {time.monotonic() - began:.1f} s in the browser")
