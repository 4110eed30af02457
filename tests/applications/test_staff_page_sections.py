"""The staff page of one application shows everything the person may see (core.plugins.application_page):
reviews and scores (by the review app's rules), the interview, the decision and offers, every mail with its
state; and nothing more: each role is given data that could leak. Previous/next follow the list the person
came from (its filters in the query string)."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from campus.admissions.models import Decision, Offer
from campus.communications.models import OutboxMessage
from campus.interviews.models import InterviewSlot, Invitation
from campus.review.models import ConflictOfInterest, Review, ReviewAssignment, ReviewPhase
from campus.team.models import Role, TeamMembership

from .conftest import call  # noqa: F401  (a fixture)
from .staff_factories import (  # noqa: F401  (fixtures)
    SECRET_NAME, make_application, make_staff, media, secret_application,
)

pytestmark = pytest.mark.django_db
OTHERS_TEAM_NOTE = "Qx-team-note-of-rolf"
OWN_NOTE = "Qx-own-note-of-rita"
ASSESSMENT_NOTE = "Qx-assessment-note"
DECISION_NOTE = "Qx-decision-note"
MAIL_SUBJECT = "Qx-your-place-offered"


def person(call, email, *roles, perms=("view_application", "view_document")):
    user = make_staff(email, *perms)
    for role in roles:
        TeamMembership.objects.create(edition=call.edition, user=user, role=role)
    return user


@pytest.fixture
def world(call, secret_application):
    app = secret_application
    now = timezone.now()
    people = {
        "manager": person(call, "max.manager@example.org", Role.MANAGER),
        "rita": person(call, "rita.reviewer@example.org", Role.REVIEWER),
        "rolf": person(call, "rolf.reviewer@example.org", Role.REVIEWER),
        "ines": person(call, "ines.interviewer@example.org", Role.INTERVIEWER),
        "ivan": person(call, "ivan.interviewer@example.org", Role.INTERVIEWER),
        "viewer": person(call, "vera.viewer@example.org"),
    }
    ReviewPhase.objects.filter(call=call).delete()
    ReviewPhase.objects.create(call=call, name="First", is_active=True, others_visible="after_own")
    for name in ("rita", "rolf"):
        ReviewAssignment.objects.create(application=app, reviewer=people[name])
    Review.objects.create(application=app, reviewer=people["rolf"], recommendation="yes", total=Decimal("4.50"),
                          comment_team=OTHERS_TEAM_NOTE, submitted_at=now)
    Invitation.objects.create(application=app)
    slot = InterviewSlot.objects.create(call=call, starts_at=now - timedelta(hours=2), ends_at=now - timedelta(hours=1),
                                        booked_by=app, booked_at=now - timedelta(days=1), timezone="Europe/Helsinki")
    slot.panel.add(people["ines"])
    Review.objects.create(application=app, reviewer=people["ines"], kind="interview", recommendation="yes",
                          total=Decimal("4.00"), comment_team=ASSESSMENT_NOTE, submitted_at=now)
    Decision.objects.create(application=app, outcome=Decision.Outcome.ADMIT, note=DECISION_NOTE, released_at=now)
    Offer.objects.create(application=app, state=Offer.State.OPEN, made_at=now, reply_by=now + timedelta(days=7))
    OutboxMessage.objects.create(edition=call.edition, event="offer", recipient=app.applicant, to_email=app.applicant.email,
                                 subject=MAIL_SUBJECT, body="B", state="sent", sent_at=now, dedupe_key="page-test")
    return app, people


def page(client, user, app, query=""):
    client.force_login(user)
    response = client.get(f"/staff/applications/{app.pk}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def headings(html):
    return re.findall(r'<h2 id="part-[^"]+">([^<]+)</h2>', html)


def test_a_manager_sees_everything(client, world):
    app, people = world
    html = page(client, people["manager"], app)
    assert headings(html) == ["Reviews", "Interview", "Decision and offer", "Mails"]
    for text in (OTHERS_TEAM_NOTE, ASSESSMENT_NOTE, DECISION_NOTE, MAIL_SUBJECT, "Rolf Reviewer: 4.50 of 5",
                 "Ines Interviewer", "Sent", " ".join(SECRET_NAME)):
        assert text in html, text


def test_a_reviewer_reads_others_reviews_only_after_their_own(client, world):
    app, people = world
    html = page(client, people["rita"], app)
    assert headings(html) == ["Reviews"]  # no interview, decision, offer or mail
    assert "1 other review: shown once you have submitted yours" in html
    for leak in (OTHERS_TEAM_NOTE, "4.50", ASSESSMENT_NOTE, DECISION_NOTE, MAIL_SUBJECT):
        assert leak not in html, leak
    Review.objects.create(application=app, reviewer=people["rita"], recommendation="no", total=Decimal("2.00"),
                          comment_team=OWN_NOTE, submitted_at=timezone.now())
    html = page(client, people["rita"], app)
    assert OWN_NOTE in html and OTHERS_TEAM_NOTE in html and "Rolf Reviewer: 4.50 of 5" in html


def test_a_reviewer_with_a_conflict_reads_no_review(client, world):
    app, people = world
    ConflictOfInterest.objects.create(application=app, reviewer=people["rolf"])
    ReviewPhase.objects.filter(call=app.call).update(others_visible="always")
    html = page(client, people["rolf"], app)
    assert "You declared a conflict of interest" in html and OTHERS_TEAM_NOTE not in html


def test_blind_review_hides_the_identity_from_reviewers_not_from_managers(client, world):
    app, people = world
    ReviewPhase.objects.filter(call=app.call).update(blind=True)
    html = page(client, people["rita"], app)
    for leak in SECRET_NAME + (app.applicant.email, app.organisation, "cv.pdf", "/apply/documents/"):
        assert leak not in html, leak
    assert f"<h1>{app.reference}</h1>" in html and "The CV is hidden in blind review." in html
    assert " ".join(SECRET_NAME) in page(client, people["manager"], app)


def test_interviewers_see_the_assessment_only_of_their_panels(client, world):
    app, people = world
    html = page(client, people["ines"], app)
    assert headings(html) == ["Interview"] and ASSESSMENT_NOTE in html
    html = page(client, people["ivan"], app)
    assert headings(html) == ["Interview"] and "Booked" in html and ASSESSMENT_NOTE not in html


def test_a_reader_without_a_team_role_sees_no_section(client, world):
    app, people = world
    html = page(client, people["viewer"], app)
    assert headings(html) == []
    for leak in (OTHERS_TEAM_NOTE, ASSESSMENT_NOTE, DECISION_NOTE, MAIL_SUBJECT, "4.50"):
        assert leak not in html, leak


def test_previous_and_next_follow_the_filtered_list(client, call, media):
    apps = [make_application(call, email=f"p{i}@example.org") for i in range(3)]
    make_application(call, email="draft@example.org", submit=False)
    viewer = person(call, "vera.viewer@example.org")
    client.force_login(viewer)
    listing = client.get(f"/staff/applications/?call={call.pk}&state=submitted").content.decode()
    order = [int(pk) for pk in re.findall(rf'<td class="staff-table__ref"><a href="/staff/applications/(\d+)/\?'
                                          rf'call={call.pk}&amp;state=submitted">', listing)]
    assert sorted(order) == sorted(app.pk for app in apps)
    middle = type(apps[0]).objects.get(pk=order[1])
    html = page(client, viewer, middle, f"?call={call.pk}&state=submitted")
    nav = re.search(r'<nav class="staff-pager"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert f'href="/staff/applications/{order[0]}/?call={call.pk}&amp;state=submitted" rel="prev"' in nav
    assert f'href="/staff/applications/{order[2]}/?call={call.pk}&amp;state=submitted" rel="next"' in nav
    assert "2 of 3 matching the filters" in nav
    assert f'href="/staff/applications/?call={call.pk}&amp;state=submitted">Applications:' in html
    # without the filters: the whole list of the call, the draft included
    html = page(client, viewer, middle)
    assert re.search(r"<span>\d of 4</span>", html)
