"""Review in the browser: a reviewer opens the queue, scores an application with the keyboard and sees the live
weighted total, submits; a manager runs the automatic assignment. Every page passes axe-core, loads nothing from
another origin and runs without errors (the strict CSP included)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.applications.staff_factories import make_application


def _default_mail_templates():
    """A transactional test empties the tables after it, the data migration's mail templates too: put them back."""
    from campus.communications.models import MailTemplate
    from campus.core.plugins import mail

    for event in mail.events():
        MailTemplate.objects.get_or_create(event=event.key, edition=None,
                                           defaults={"subject": event.default_subject, "body": event.default_body})


@pytest.fixture
def review_setup(site, settings, tmp_path):
    from django.contrib.auth import get_user_model

    from campus.applications.models import Call
    from campus.review import services
    from campus.team.models import TeamMembership

    settings.MEDIA_ROOT = tmp_path / "media"
    _default_mail_templates()
    call = Call.objects.get()
    call.opens_at = timezone.now() - timedelta(days=10)
    call.closes_at = timezone.now() + timedelta(days=20)
    call.save()
    apps = [
        make_application(call, email="aino@example.fi"),
        make_application(call, email="lars@example.se", first_name="Lars", last_name="Nilsson",
                         country_of_residence="SE", organisation="Skåne Food Cluster"),
        make_application(call, email="ona@example.lt", first_name="Ona", last_name="Kazlauskienė",
                         country_of_residence="LT", organisation="Kaunas ICT Cluster"),
    ]
    User = get_user_model()
    people = {}
    for key, email, name, roles in (
        ("reviewer", "rita@example.org", "Rita Reviewer", ["reviewer"]),
        ("second", "sven@example.org", "Sven Second", ["reviewer"]),
        ("manager", "mia@example.org", "Mia Manager", ["manager"]),
    ):
        user = User.objects.create_user(email=email, password="a-long-staff-password-1", is_staff=True, full_name=name)
        for role in roles:
            TeamMembership.objects.create(edition=call.edition, user=user, role=role)
        people[key] = user
    services.assign(applications=[apps[0]], reviewers=[people["reviewer"]], actor=people["manager"])
    return {"call": call, "apps": apps, **people}


def test_a_reviewer_scores_with_the_keyboard(web, review_setup):
    page = web.page
    application = review_setup["apps"][0]
    web.sign_in_as(review_setup["reviewer"])
    web.goto("/staff/review/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Review")
    queue = page.get_by_role("table")
    expect(queue).to_contain_text(application.reference)
    expect(queue).to_contain_text("Outstanding")
    web.check_page("queue")

    queue.get_by_role("link", name=re.compile(application.reference)).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(application.reference)
    total = page.locator("#live-total")
    expect(total).to_have_text("–")
    web.check_page("review-form")

    # submitting nothing: every missing score is named next to its group, and the page stays accessible
    page.get_by_role("button", name="Submit the review").click()
    expect(page.get_by_role("alert")).to_contain_text("Your review is not saved yet")
    expect(page.locator("fieldset.review-criterion .field__error")).to_have_count(4)
    expect(page.locator("fieldset.field--error").last).to_contain_text("Choose a recommendation")
    web.check_page("review-form-errors")

    # keyboard only: Space picks the focused score, arrows move within a group, Tab goes to the next group
    groups = page.locator("fieldset.review-criterion")
    expect(groups).to_have_count(4)
    groups.nth(0).get_by_role("radio").first.focus()
    wanted = [5, 4, 3, 2]
    for index, score in enumerate(wanted):
        if index:
            page.keyboard.press("Tab")
        page.keyboard.press("Space")
        for _ in range(score - 1):
            page.keyboard.press("ArrowRight")
        expect(groups.nth(index).get_by_role("radio", checked=True)).to_have_attribute("value", str(score))
    # (3*5 + 2*4 + 2*3 + 1*2) / 8 = 3.875
    expect(total).to_have_text("3.88")
    page.keyboard.press("Tab")  # the recommendation
    page.keyboard.press("Space")
    expect(page.get_by_role("radio", name="Yes")).to_be_checked()
    page.get_by_label("Comment for the team").fill("Clear goals, strong experience.")
    page.get_by_label("Comment that may go to the applicant").fill("Thank you for a convincing application.")
    web.check_page("review-form-filled")
    page.get_by_role("button", name="Submit the review").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("weighted total 3.88 of 5")
    expect(total).to_have_text("3.88")
    web.check_page("review-saved")

    web.goto("/staff/review/")
    expect(page.get_by_role("table")).to_contain_text("Reviewed")


def test_a_manager_assigns_automatically(web, review_setup):
    page = web.page
    call = review_setup["call"]
    web.sign_in_as(review_setup["manager"])
    web.goto("/staff/review/")
    web.check_page("manager-home")
    page.get_by_role("link", name="Assignments").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assignments")
    web.check_page("assignments")

    page.get_by_label("Reviews per application").fill("2")
    page.get_by_role("button", name="Assign automatically").click()
    expect(page.get_by_role("status").first).to_contain_text("Automatic assignment: 5 new assignments")
    from campus.review.models import ReviewAssignment

    assert ReviewAssignment.objects.filter(application__call=call).count() == 6
    web.check_page("assignments-after")

    for link, heading in (("Needs more reviews", "Needs more reviews"), ("Phases and settings", "Review phases"),
                          ("Criteria", "Criteria"), ("Team of the edition", f"Team of {call.edition.name}")):
        page.get_by_role("navigation", name="Review of this call").get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        web.check_page(link)
    web.goto(f"/staff/review/calls/{call.pk}/phases/")
    page.get_by_role("table").get_by_role("link").first.click()
    web.check_page("phase-edit")
    web.goto(f"/staff/review/calls/{call.pk}/criteria/")
    page.locator(".review-criteria").get_by_role("link").first.click()
    web.check_page("criterion-edit")
    web.goto(f"/staff/review/applications/{review_setup['apps'][1].pk}/")
    web.check_page("manager-reads-an-application")


def test_blind_review_in_the_browser(web, review_setup):
    from campus.review.models import ReviewPhase

    ReviewPhase.objects.filter(call=review_setup["call"]).update(blind=True)
    application = review_setup["apps"][0]
    page = web.page
    web.sign_in_as(review_setup["reviewer"])
    web.goto("/staff/review/")
    expect(page.get_by_role("table")).not_to_contain_text("Aino")
    web.check_page("blind-queue")
    page.get_by_role("link", name=re.compile(application.reference)).click()
    main = page.get_by_role("main")
    expect(main).to_contain_text("Blind review")
    for hidden in ("Aino", "Virtanen", "Ostrobothnia Energy Cluster", "EnergyVaasa", "cv.pdf"):
        expect(main).not_to_contain_text(hidden)
    expect(main).to_contain_text("The CV is hidden in blind review.")
    web.check_page("blind-review-form")


def _score_all(page, value=4):
    groups = page.locator("fieldset.review-criterion")
    for index in range(groups.count()):
        groups.nth(index).get_by_role("radio").nth(value - 1).check()
    page.get_by_role("radio", name="Yes").check()


def test_save_and_go_to_the_next(web, review_setup):
    from campus.review import services
    from campus.review.models import Review

    page = web.page
    apps, reviewer = review_setup["apps"], review_setup["reviewer"]
    services.assign(applications=apps[1:], reviewers=[reviewer], actor=review_setup["manager"])
    order = sorted(apps, key=lambda a: a.reference)
    web.sign_in_as(reviewer)
    web.goto("/staff/review/")
    expect(page.get_by_role("table").locator("form")).to_have_count(0)  # no conflict form per row
    web.goto(f"/staff/review/applications/{order[0].pk}/")
    _score_all(page)
    page.get_by_role("button", name="Save and go to the next").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(order[1].reference)
    expect(page.get_by_role("status").first).to_contain_text(f"Your review of {order[0].reference} is saved")
    expect(page.get_by_role("status").first).to_contain_text(f"Here is the next one, {order[1].reference}.")
    expect(page.locator("#coi-title")).to_have_count(1)  # the one conflict control, next to the review
    web.check_page("review-next")
    web.set_width(375)
    web.check_page("review-next-375", narrow=True)
    web.set_width(1280, 900)
    # by keyboard: Enter on the focused button
    _score_all(page, 3)
    page.get_by_role("button", name="Save and go to the next").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(order[2].reference)
    _score_all(page, 5)
    page.get_by_role("button", name="Save and go to the next").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review")
    expect(page.get_by_role("status").first).to_contain_text("That was the last application in your queue")
    assert Review.objects.filter(reviewer=reviewer).count() == 3


def test_a_manager_selects_all_and_picks_a_conflict_from_a_list(web, review_setup):
    from campus.review.models import ConflictOfInterest, ReviewAssignment

    page = web.page
    call, apps, second = review_setup["call"], review_setup["apps"], review_setup["second"]
    web.sign_in_as(review_setup["manager"])
    web.goto(f"/staff/review/calls/{call.pk}/assignments/")
    boxes = page.locator('input[name="applications"]')
    everything = page.get_by_label("all applications on this page")
    everything.check()
    for index in range(boxes.count()):
        expect(boxes.nth(index)).to_be_checked()
    boxes.first.uncheck()
    assert everything.evaluate("box => box.indeterminate") is True
    everything.check()
    page.get_by_label("Select every reviewer").check()
    expect(page.get_by_label("Sven Second")).to_be_checked()
    web.check_page("assignments-select-all")
    page.get_by_role("button", name="Assign the ticked applications").click()
    expect(page.get_by_role("status").first).to_contain_text("assignments made")
    assert ReviewAssignment.objects.filter(application__call=call).count() == 6  # 3 × 2, one there already
    # a conflict: the reviewer and the application are chosen from lists
    page.get_by_role("combobox", name=re.compile(r"^Reviewer")).select_option(label="Sven Second")
    page.get_by_role("combobox", name=re.compile(r"^Application")).select_option(label=f"{apps[2].reference} {apps[2].full_name}")
    page.get_by_label("Reason (for the team)").fill("Same cluster")
    page.get_by_role("button", name="Record the conflict").click()
    expect(page.get_by_role("status").first).to_contain_text("The conflict of interest is recorded")
    assert ConflictOfInterest.objects.filter(reviewer=second, application=apps[2]).exists()
    web.set_width(375)
    web.check_page("assignments-375", narrow=True)
