"""The staff dashboard on /staff/ (core.plugins.dashboard): per open call, what needs attention now, from the
panels the apps register; each person sees the panels their roles open, counted for them; each count links to
a list filtered to the rows counted; the page's query count does not grow with the applications."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from campus.admissions.models import Decision, Offer
from campus.applications.models import Application
from campus.communications.models import OutboxMessage
from campus.interviews.models import InterviewSlot, Invitation
from campus.programme.models import Edition
from campus.review.models import Review, ReviewAssignment
from campus.team.models import Role
from tests.admissions.conftest import bulk_applications
from tests.applications.conftest import call  # noqa: F401  (a fixture)
from tests.review.conftest import member

pytestmark = pytest.mark.django_db


def dashboard(client, user, call) -> dict[tuple[str, str], tuple[int, str]]:
    """{(panel, label): (count, url)} of ``call``'s block on /staff/ as ``user`` sees it."""
    client.force_login(user)
    html = client.get("/staff/").content.decode()
    block = re.search(rf'<section class="dashboard" aria-labelledby="call-{call.pk}">(.*?)</section>', html, re.S)
    if block is None:
        return {}
    found = {}
    for panel, items in re.findall(r"<h3>([^<]+)</h3>\s*<ul[^>]*>(.*?)</ul>", block.group(1), re.S):
        for url, n, label in re.findall(r'<a href="([^"]+)"><span class="dashboard__n">(\d+)</span> '
                                        r'<span class="dashboard__label">([^<]+)</span>', items):
            found[(panel, label.replace("&#x27;", "'"))] = (int(n), url.replace("&amp;", "&"))
    return found


@pytest.fixture
def team(call):
    edition = call.edition
    viewer = member(edition, "vera.viewer@example.org", full_name="Vera Viewer")
    viewer.user_permissions.add(Permission.objects.get(codename="view_application"))
    other = Edition.objects.create(programme=edition.programme, name="Other", slug="other-edition", capacity=5,
                                   application_deadline=edition.application_deadline,
                                   acceptance_letter_on=edition.acceptance_letter_on, hours_per_week_min=1,
                                   hours_per_week_max=2)
    return {
        "manager": member(edition, "max.manager@example.org", Role.MANAGER, full_name="Max Manager"),
        "rita": member(edition, "rita@example.org", Role.REVIEWER, full_name="Rita Reviewer"),
        "rolf": member(edition, "rolf@example.org", Role.REVIEWER, full_name="Rolf Reviewer"),
        "ines": member(edition, "ines@example.org", Role.INTERVIEWER, full_name="Ines Interviewer"),
        "viewer": viewer,
        "stranger": member(other, "otto.other@example.org", Role.MANAGER, Role.REVIEWER, full_name="Otto Other"),
    }


def make_attention(call, team, n=6):
    """``n`` submitted applications (every third with the eligibility to be checked), one waiting for more
    information, reviews outstanding, interviews, a staged decision, offers and mail drafts."""
    apps = bulk_applications(call, n)
    for app in apps[::3]:
        app.eligibility = Application.Eligibility.NEEDS_CHECK
        app.save(update_fields=["eligibility"])
    bulk_applications(call, 1, prefix="info", state=Application.State.MORE_INFO)
    now = timezone.now()
    rita, rolf = team["rita"], team["rolf"]
    for app in apps[:3]:
        ReviewAssignment.objects.create(application=app, reviewer=rita)
    for app in apps[3:5]:
        ReviewAssignment.objects.create(application=app, reviewer=rolf)
    Review.objects.create(application=apps[0], reviewer=rita, recommendation="yes", total=Decimal("4.00"),
                          submitted_at=now)
    Invitation.objects.create(application=apps[0])
    Invitation.objects.create(application=apps[1])
    slot = InterviewSlot.objects.create(call=call, starts_at=now - timedelta(hours=2), ends_at=now - timedelta(hours=1),
                                        booked_by=apps[1], booked_at=now - timedelta(days=1))
    slot.panel.add(team["ines"])
    Decision.objects.create(application=apps[2], outcome=Decision.Outcome.ADMIT)
    Offer.objects.create(application=apps[3], state=Offer.State.OPEN, made_at=now, reply_by=now + timedelta(days=1))
    Offer.objects.create(application=apps[4], state=Offer.State.OPEN, made_at=now, reply_by=now + timedelta(days=9))
    Offer.objects.create(application=apps[5], state=Offer.State.ACCEPTED, made_at=now)
    for i, state in enumerate(["draft", "draft", "failed", "sent"]):
        OutboxMessage.objects.create(edition=call.edition, event="offer", to_email=f"p{i}@example.org", subject="S",
                                     body="B", state=state, dedupe_key=f"dashboard-test:{apps[0].pk}:{i}")
    return apps


def test_each_role_sees_its_panels_counted_for_it(client, call, team):
    make_attention(call, team)
    capacity = call.edition.capacity
    manager = dashboard(client, team["manager"], call)
    assert {key: n for key, (n, _url) in manager.items()} == {
        ("Review", "Applications needing reviews"): 6,
        ("Review", "Reviews outstanding: Rita Reviewer"): 2,
        ("Review", "Reviews outstanding: Rolf Reviewer"): 2,
        ("Interviews", "Invited, no time booked"): 1,
        ("Interviews", "Interviews to assess"): 1,
        ("Admissions", "Staged decisions not released"): 1,
        ("Admissions", "Offers expiring in the next 3 days"): 1,
        ("Admissions", "Promotions to confirm"): 0,
        ("Admissions", "Places left"): capacity - 3,
        ("Outbox", "Drafts to send"): 2,
        ("Outbox", "Mails that failed"): 1,
    }
    # a reviewer: their own reviews only, nobody else's name
    rita = dashboard(client, team["rita"], call)
    assert {key: n for key, (n, _url) in rita.items()} == {("Review", "Your reviews to write"): 2}
    assert "Rolf" not in client.get("/staff/").content.decode()
    ines = dashboard(client, team["ines"], call)
    assert {key: n for key, (n, _url) in ines.items()} == {
        ("Interviews", "Invited, no time booked"): 1, ("Interviews", "Interviews to assess"): 1}
    viewer = dashboard(client, team["viewer"], call)
    assert {key: n for key, (n, _url) in viewer.items()} == {
        ("Applications", "Submitted applications"): 6,
        ("Applications", "Eligibility to be checked"): 2,
        ("Applications", "Waiting for more information"): 1,
    }
    # a manager and reviewer of another edition sees nothing of this call
    assert dashboard(client, team["stranger"], call) == {}
    client.force_login(team["stranger"])
    assert "Rita Reviewer" not in client.get("/staff/").content.decode()


def test_each_count_links_to_the_list_of_what_it_counts(client, call, team):
    apps = make_attention(call, team)
    manager = dashboard(client, team["manager"], call)
    page = client.get(manager[("Review", "Reviews outstanding: Rolf Reviewer")][1]).content.decode()
    page = re.sub(r"<select.*?</select>", "", page, flags=re.S)  # the conflict form lists every application
    assert apps[3].reference in page and apps[4].reference in page and apps[1].reference not in page
    page = client.get(manager[("Admissions", "Offers expiring in the next 3 days")][1]).content.decode()
    assert apps[3].reference in page and apps[4].reference not in page
    page = client.get(manager[("Admissions", "Staged decisions not released")][1]).content.decode()
    assert apps[2].reference in page and apps[3].reference not in page
    page = client.get(manager[("Interviews", "Invited, no time booked")][1]).content.decode()
    invitations = page.split('id="invitations-title"', 1)[1]
    assert apps[0].reference in invitations and apps[1].reference not in invitations
    invitations = client.get(manager[("Interviews", "Interviews to assess")][1]).content.decode().split(
        'id="invitations-title"', 1)[1]
    assert apps[1].reference in invitations and apps[0].reference not in invitations
    page = client.get(manager[("Outbox", "Drafts to send")][1]).content.decode()
    assert "p0@example.org" in page and "p1@example.org" in page and "p2@example.org" not in page
    viewer = dashboard(client, team["viewer"], call)
    page = client.get(viewer[("Applications", "Eligibility to be checked")][1]).content.decode()
    assert "1–2 of 2 applications matching the filters" in page
    page = client.get(viewer[("Applications", "Waiting for more information")][1]).content.decode()
    assert "1–1 of 1 application matching the filters" in page


def test_the_query_count_of_the_staff_home_does_not_grow_with_the_applications(
        client, call, team, django_assert_num_queries):
    make_attention(call, team, n=6)
    client.force_login(team["manager"])
    client.get("/staff/")
    # warm: the content version instead of the programme and footer pages (kept per version, core.content_memo)
    with django_assert_num_queries(25) as captured:
        client.get("/staff/")
    make_attention(call, team, n=30)
    with django_assert_num_queries(len(captured.captured_queries)):
        assert client.get("/staff/").status_code == 200
