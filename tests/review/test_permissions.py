"""Who sees what in review, with data that could leak: another edition's application (with a secret marker),
an unassigned one, one with a declared conflict, and blind review (name, organisation, CV)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from campus.applications.models import Call
from campus.programme.models import Edition
from campus.review import permissions, services
from campus.review.models import ConflictOfInterest, ReviewAssignment, ReviewPhase

from .conftest import Role, member

pytestmark = pytest.mark.django_db

MARK = "Zq9LEAKMARK"
BLIND = {"first_name": "Blindina", "last_name": f"Hidden{MARK}", "organisation": f"Org{MARK}",
         "cluster_name": f"Cluster{MARK}", "cluster_website": "https://leak-mark.example.org", "phone": "+358 40 999 8877"}


@pytest.fixture
def other_call(call):
    edition = call.edition
    other = Edition.objects.create(
        programme=edition.programme, name="2030–2031", slug="2030-2031", capacity=20,
        application_deadline=date(2030, 1, 1), acceptance_letter_on=date(2030, 2, 1),
        hours_per_week_min=2, hours_per_week_max=4,
    )
    now = timezone.now()
    return Call.objects.create(edition=other, title="Other call", opens_at=now - timedelta(days=1),
                               closes_at=now + timedelta(days=5), reference_prefix="OTH30", privacy_version=call.privacy_version)


@pytest.fixture
def world(call, other_call, media, reviewer, manager):
    from campus.applications.models import Question
    from tests.applications.staff_factories import make_application

    copies = {}
    for question in Question.objects.filter(call=call).select_related("depends_on").order_by("order"):
        depends_key = question.depends_on.key if question.depends_on_id else None
        question.pk = None  # the other call asks the same questions
        question.call = other_call
        question.depends_on = copies.get(depends_key)
        question.save()
        copies[question.key] = question
    foreign = make_application(other_call, email="foreign@example.org", first_name="Foreign", last_name=f"Person{MARK}",
                               organisation=f"Foreign{MARK}")
    assigned = make_application(call, email="assigned@example.org", **BLIND)
    unassigned = make_application(call, email="unassigned@example.org", last_name=f"Unassigned{MARK}")
    conflicted = make_application(call, email="conflicted@example.org", last_name=f"Conflicted{MARK}")
    services.assign(applications=[assigned, conflicted], reviewers=[reviewer], actor=manager)
    ConflictOfInterest.objects.create(application=conflicted, reviewer=reviewer)  # declared after the assignment
    # even an assignment row in the other edition (made by hand in the database) gives no access there
    ReviewAssignment.objects.create(application=foreign, reviewer=reviewer)
    return {"foreign": foreign, "assigned": assigned, "unassigned": unassigned, "conflicted": conflicted}


def test_predicates(world, reviewer, manager, call):
    phase = ReviewPhase.objects.get(call=call)
    assert permissions.can_open_application(reviewer, world["assigned"])
    assert permissions.can_write_review(reviewer, world["assigned"])
    for name in ("foreign", "unassigned", "conflicted"):
        assert not permissions.can_open_application(reviewer, world[name]), name
        assert not permissions.can_fetch_document(reviewer, world[name], phase), name
    assert permissions.can_open_application(manager, world["unassigned"])
    assert permissions.can_open_application(manager, world["conflicted"])
    assert not permissions.can_write_review(manager, world["unassigned"])
    assert not permissions.can_open_application(manager, world["foreign"])
    assert permissions.can_manage_review(manager, call.edition) and not permissions.can_manage_review(reviewer, call.edition)
    phase.blind = True
    assert not permissions.sees_identity(reviewer, world["assigned"], phase)
    assert not permissions.can_fetch_document(reviewer, world["assigned"], phase)
    assert permissions.sees_identity(manager, world["assigned"], phase)


def test_the_queue_holds_only_assigned_applications_of_the_reviewers_editions(client, world, reviewer):
    client.force_login(reviewer)
    html = client.get("/staff/review/").content.decode()
    assert world["assigned"].reference in html
    for name in ("foreign", "unassigned", "conflicted"):
        assert world[name].reference not in html, name
    assert MARK not in html.replace(world["assigned"].full_name, "")


@pytest.mark.parametrize("name", ["foreign", "unassigned", "conflicted"])
def test_reviewer_gets_404_for_what_is_not_theirs(client, world, reviewer, name):
    client.force_login(reviewer)
    application = world[name]
    for url in (f"/staff/review/applications/{application.pk}/", f"/staff/review/applications/{application.pk}/documents/cv/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert MARK.encode() not in response.content
    assert client.post(f"/staff/review/applications/{application.pk}/", {}).status_code == 404


def test_a_manager_sees_nothing_of_another_edition(client, world, manager, other_call):
    client.force_login(manager)
    foreign = world["foreign"]
    urls = [f"/staff/review/applications/{foreign.pk}/", f"/staff/review/applications/{foreign.pk}/documents/cv/",
            f"/staff/review/calls/{other_call.pk}/assignments/", f"/staff/review/calls/{other_call.pk}/phases/",
            f"/staff/review/calls/{other_call.pk}/criteria/", f"/staff/review/calls/{other_call.pk}/needs-reviews/",
            f"/staff/review/editions/{other_call.edition_id}/team/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert MARK.encode() not in response.content
    assert client.post(f"/staff/review/calls/{other_call.pk}/assignments/auto/", {"per_application": 2}).status_code == 404
    html = client.get("/staff/review/").content.decode()
    assert "Other call" not in html


def test_a_reviewer_cannot_reach_manager_pages(client, world, reviewer, call):
    client.force_login(reviewer)
    for url in [f"/staff/review/calls/{call.pk}/assignments/", f"/staff/review/calls/{call.pk}/phases/",
                f"/staff/review/editions/{call.edition_id}/team/", f"/staff/review/calls/{call.pk}/needs-reviews/"]:
        assert client.get(url).status_code == 404, url


def test_not_blind_the_reviewer_reads_the_cv(client, world, reviewer):
    client.force_login(reviewer)
    application = world["assigned"]
    html = client.get(f"/staff/review/applications/{application.pk}/").content.decode()
    assert f"Hidden{MARK}" in html and f"Org{MARK}" in html
    response = client.get(f"/staff/review/applications/{application.pk}/documents/cv/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")


def test_blind_review_hides_identity_everywhere(client, world, reviewer, manager, call):
    ReviewPhase.objects.filter(call=call).update(blind=True)
    application = world["assigned"]
    client.force_login(reviewer)
    pages = [client.get("/staff/review/"), client.get(f"/staff/review/applications/{application.pk}/")]
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        for secret in (MARK, "Blindina", "leak-mark.example.org", "+358 40 999 8877", "assigned@example.org", "cv.pdf"):
            assert secret not in html, secret
    assert "/documents/cv/" not in pages[1].content.decode()
    for kind in ("cv", "letter"):
        assert client.get(f"/staff/review/applications/{application.pk}/documents/{kind}/").status_code == 404
    # the answers that do not identify the applicant are still there
    assert "Energy" in pages[1].content.decode()
    # the manager still sees who it is
    client.force_login(manager)
    assert f"Hidden{MARK}" in client.get(f"/staff/review/applications/{application.pk}/").content.decode()
    assert client.get(f"/staff/review/applications/{application.pk}/documents/cv/").status_code == 200


def test_an_interviewer_only_has_no_review_pages(client, call, world):
    interviewer = member(call.edition, "ivy@example.org", Role.INTERVIEWER)
    client.force_login(interviewer)
    assert client.get("/staff/review/").status_code == 404
    assert client.get(f"/staff/review/applications/{world['assigned'].pk}/").status_code == 404
