"""The staff pages of review: who gets in, forms with messages next to the fields, pinned query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campus.review import services
from campus.review.models import ConflictOfInterest, Criterion, Review, ReviewAssignment, ReviewPhase
from campus.team.models import TeamMembership

from .conftest import Role, full_scores, member
from .factories import bulk_applications

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(application, reviewer, manager):
    services.assign(applications=[application], reviewers=[reviewer], actor=manager)
    return application


def _login(client, user):
    client.force_login(user)
    return client


def _review_post(criteria, value="4", **extra):
    data = {f"criterion_{c.pk}": value for c in criteria}
    data.update({"recommendation": "yes", "comment_team": "Good fit.", "comment_applicant": "Thank you."})
    data.update(extra)
    return data


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/staff/review/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_staff_without_a_role_get_404(client, call):
    user = member(call.edition, "nobody@example.org")
    assert _login(client, user).get("/staff/review/").status_code == 404


def test_the_queue_lists_assigned_applications(client, assigned, reviewer):
    response = _login(client, reviewer).get("/staff/review/")
    assert response.status_code == 200
    html = response.content.decode()
    assert assigned.reference in html and "Outstanding" in html
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_reviewer_scores_and_sees_the_total(client, assigned, reviewer, criteria):
    client = _login(client, reviewer)
    page = client.get(f"/staff/review/applications/{assigned.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<fieldset" in html and "<legend>" in html and 'id="live-total"' in html and "review/review.js" in html
    assert criteria[0].scale[4] in html
    response = client.post(f"/staff/review/applications/{assigned.pk}/", _review_post(criteria, "5"))
    assert response.status_code == 302
    review = Review.objects.get()
    assert str(review.total) == "5.00" and review.comment_applicant == "Thank you."
    assert "Reviewed" in client.get("/staff/review/").content.decode()


def test_save_and_go_to_the_next_opens_the_next_outstanding_application(client, reviewer, manager, call, criteria):
    first, second, third = bulk_applications(call, 3, prefix="next")
    services.assign(applications=[first, second, third], reviewers=[reviewer], actor=manager)
    client = _login(client, reviewer)
    services.save_review(application=third, reviewer=reviewer, kind="review", scores=full_scores(criteria),
                         recommendation="yes", actor=reviewer)  # done already: skipped
    response = client.post(f"/staff/review/applications/{first.pk}/", _review_post(criteria, then="next"))
    assert response.status_code == 302 and response["Location"] == f"/staff/review/applications/{second.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert f"Your review of {first.reference} is saved" in page and f"Here is the next one, {second.reference}." in page
    # the last outstanding one: back to the queue, which says so
    response = client.post(f"/staff/review/applications/{second.pk}/", _review_post(criteria, then="next"))
    assert response["Location"] == "/staff/review/"
    assert "That was the last application in your queue still to review." in client.get("/staff/review/").content.decode()
    # the plain button stays on the application
    response = client.post(f"/staff/review/applications/{second.pk}/", _review_post(criteria))
    assert response["Location"] == f"/staff/review/applications/{second.pk}/"
    assert Review.objects.filter(reviewer=reviewer).count() == 3


def test_one_conflict_control_per_application_not_per_queue_row(client, reviewer, manager, call, media):
    applications = bulk_applications(call, 3, prefix="coi")
    services.assign(applications=applications, reviewers=[reviewer], actor=manager)
    client = _login(client, reviewer)
    queue = client.get("/staff/review/").content.decode()
    assert "/conflict/" not in queue and 'name="reason"' not in queue
    page = client.get(f"/staff/review/applications/{applications[0].pk}/").content.decode()
    assert page.count(f'action="/staff/review/applications/{applications[0].pk}/conflict/"') == 1


def test_a_missing_score_is_shown_next_to_the_field_and_keeps_the_rest(client, assigned, reviewer, criteria):
    data = _review_post(criteria)
    del data[f"criterion_{criteria[2].pk}"]
    data["comment_team"] = "Kept text 123"
    response = _login(client, reviewer).post(f"/staff/review/applications/{assigned.pk}/", data)
    assert response.status_code == 200
    html = response.content.decode()
    error = re.search(rf'<p class="field__error" id="id_criterion_{criteria[2].pk}-error">([^<]+)</p>', html)
    assert error and "Choose a score from 1 to 5" in error.group(1)
    assert html.count('class="field__error"') == 1  # only the missing one
    assert "Kept text 123" in html
    assert not Review.objects.exists()


def test_a_closed_phase_is_read_only(client, assigned, reviewer, criteria):
    ReviewPhase.objects.filter(call=assigned.call).update(reviews_open=False)
    client = _login(client, reviewer)
    html = client.get(f"/staff/review/applications/{assigned.pk}/").content.decode()
    assert "Reviews are closed" in html and 'id="review-form"' not in html
    response = client.post(f"/staff/review/applications/{assigned.pk}/", _review_post(criteria))
    assert response.status_code == 200 and not Review.objects.exists()


def test_others_reviews_after_own(client, assigned, reviewer, manager, criteria, edition):
    other = member(edition, "other.reviewer@example.org", Role.REVIEWER, full_name="Otto Other")
    services.assign(applications=[assigned], reviewers=[other], actor=manager)
    services.save_review(application=assigned, reviewer=other, scores=full_scores(criteria, 2), recommendation="no",
                         comment_team="OTHERCOMMENT", actor=other)
    client = _login(client, reviewer)
    url = f"/staff/review/applications/{assigned.pk}/"
    assert "OTHERCOMMENT" not in client.get(url).content.decode()
    client.post(url, _review_post(criteria))
    assert "OTHERCOMMENT" in client.get(url).content.decode()
    ReviewPhase.objects.filter(call=assigned.call).update(others_visible="never")
    assert "OTHERCOMMENT" not in client.get(url).content.decode()
    ReviewPhase.objects.filter(call=assigned.call).update(others_visible="always")
    Review.objects.filter(reviewer=reviewer).delete()
    assert "OTHERCOMMENT" in client.get(url).content.decode()


def test_manager_pages_render(client, assigned, manager, call):
    client = _login(client, manager)
    for url in ["/staff/review/", f"/staff/review/editions/{call.edition_id}/team/",
                f"/staff/review/calls/{call.pk}/phases/", f"/staff/review/calls/{call.pk}/criteria/",
                f"/staff/review/calls/{call.pk}/assignments/", f"/staff/review/calls/{call.pk}/needs-reviews/",
                f"/staff/review/phases/{ReviewPhase.objects.get(call=call).pk}/",
                f"/staff/review/criteria/{Criterion.objects.filter(call=call).first().pk}/",
                f"/staff/review/applications/{assigned.pk}/"]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_team_add_and_remove(client, manager, edition):
    client = _login(client, manager)
    url = f"/staff/review/editions/{edition.pk}/team/"
    response = client.post(url, {"email": "unknown@example.org", "roles": ["reviewer"]})
    assert response.status_code == 200 and "no active staff account" in response.content.decode()
    person = member(edition, "new.person@example.org")
    response = client.post(url, {"email": "NEW.person@example.org", "roles": ["reviewer", "interviewer"]})
    assert response.status_code == 302
    assert set(TeamMembership.objects.filter(user=person).values_list("role", flat=True)) == {"reviewer", "interviewer"}
    membership = TeamMembership.objects.get(user=person, role="interviewer")
    assert client.post(f"/staff/review/team/{membership.pk}/remove/").status_code == 302
    assert not TeamMembership.objects.filter(pk=membership.pk).exists()
    response = client.post(url, {"email": "new.person@example.org"})
    assert response.status_code == 200 and "Choose at least one role" in response.content.decode()


def test_phase_and_criterion_forms(client, manager, call):
    client = _login(client, manager)
    response = client.post(f"/staff/review/calls/{call.pk}/phases/",
                           {"new-name": "Second", "new-others_visible": "always", "new-reviews_per_application": "0"})
    assert response.status_code == 200 and "Between 1 and 20" in response.content.decode()
    response = client.post(f"/staff/review/calls/{call.pk}/phases/",
                           {"new-name": "Second", "new-others_visible": "always", "new-blind": "on",
                            "new-reviews_per_application": "3"})
    assert response.status_code == 302
    second = ReviewPhase.objects.get(name="Second")
    assert second.blind and not second.reviews_open and not second.is_active
    assert client.post(f"/staff/review/phases/{second.pk}/activate/").status_code == 302
    second.refresh_from_db()
    assert second.is_active
    data = {"kind": "review", "name": "Leadership", "weight": "11", "scale_1": "a", "scale_2": "b", "scale_3": "c",
            "scale_4": "d", "scale_5": "e"}
    response = client.post(f"/staff/review/calls/{call.pk}/criteria/", data)
    assert response.status_code == 200 and "at most 10" in response.content.decode() and "Leadership" in response.content.decode()
    response = client.post(f"/staff/review/calls/{call.pk}/criteria/", {**data, "weight": "4"})
    assert response.status_code == 302 and Criterion.objects.filter(name="Leadership", weight=4).exists()


def test_assign_by_hand_in_bulk_and_automatically(client, manager, call, edition):
    reviewers = [member(edition, f"r{i}@example.org", Role.REVIEWER) for i in range(3)]
    apps = bulk_applications(call, 4)
    client = _login(client, manager)
    url = f"/staff/review/calls/{call.pk}/assignments/"
    response = client.post(url, {"applications": [apps[0].pk]})
    assert response.status_code == 200 and "Choose at least one reviewer" in response.content.decode()
    assert client.post(url, {"applications": [apps[0].pk], "reviewers": [reviewers[0].pk]}).status_code == 302
    assert client.post(url, {"applications": [apps[1].pk, apps[2].pk],
                             "reviewers": [reviewers[1].pk, reviewers[2].pk]}).status_code == 302
    assert ReviewAssignment.objects.count() == 5
    response = client.post(f"/staff/review/calls/{call.pk}/assignments/auto/", {"per_application": "2"})
    assert response.status_code == 302
    assert ReviewAssignment.objects.count() == 8
    response = client.post(f"/staff/review/calls/{call.pk}/assignments/auto/", {"per_application": "0"})
    assert response.status_code == 200 and "At least one review" in response.content.decode()


def test_manager_records_a_conflict(client, manager, call, edition, application):
    reviewer = member(edition, "r@example.org", Role.REVIEWER)
    client = _login(client, manager)
    url = f"/staff/review/calls/{call.pk}/conflicts/"
    page = client.get(f"/staff/review/calls/{call.pk}/assignments/").content.decode()
    options = re.search(r'<select name="application"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert f'<option value="{application.pk}">{application.reference} {application.full_name}</option>' in options
    response = client.post(url, {"reviewer": reviewer.pk, "application": "999999", "reason": "Neighbour"})
    html = response.content.decode()
    assert response.status_code == 200 and "Choose a submitted application of this call." in html
    assert 'value="Neighbour"' in html  # what was typed stays
    assert client.post(url, {"reviewer": reviewer.pk, "application": application.pk}).status_code == 302
    conflict = ConflictOfInterest.objects.get()
    assert client.post(f"/staff/review/conflicts/{conflict.pk}/remove/").status_code == 302
    assert not ConflictOfInterest.objects.exists()


def test_a_reviewer_declares_a_conflict_from_the_queue(client, assigned, reviewer):
    client = _login(client, reviewer)
    response = client.post(f"/staff/review/applications/{assigned.pk}/conflict/", {"reason": "Former colleague"})
    assert response.status_code == 302
    assert ConflictOfInterest.objects.get().reason == "Former colleague"
    assert assigned.reference not in client.get("/staff/review/").content.decode()
    assert client.get(f"/staff/review/applications/{assigned.pk}/").status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_query_counts_do_not_grow(client, call, edition, manager):
    reviewer = member(edition, "q@example.org", Role.REVIEWER)
    others = [member(edition, f"o{i}@example.org", Role.REVIEWER) for i in range(3)]
    client = _login(client, manager)
    urls = [f"/staff/review/calls/{call.pk}/assignments/", f"/staff/review/calls/{call.pk}/needs-reviews/"]
    first = bulk_applications(call, 3, prefix="a")
    services.auto_assign(call=call, per_application=2, actor=manager)
    services.assign(applications=first, reviewers=[reviewer], actor=manager)
    for url in urls:  # warm-up: programme, footer pages, forum link kept per content version (content_memo)
        _queries(client, url)
    small = [_queries(client, url) for url in urls]
    reviewer_client = client.__class__()
    reviewer_client.force_login(reviewer)
    small_queue = _queries(reviewer_client, "/staff/review/")
    more = bulk_applications(call, 40, prefix="b")
    services.auto_assign(call=call, per_application=2, actor=manager)
    services.assign(applications=more, reviewers=[reviewer], actor=manager)
    assert [_queries(client, url) for url in urls] == small
    assert _queries(reviewer_client, "/staff/review/") == small_queue
    assert others  # the reviewers the automatic assignment spread over


def test_bulk_assignment_costs_the_same_for_3_or_30_applications(client, call, edition, manager):
    reviewers = [member(edition, f"b{i}@example.org", Role.REVIEWER) for i in range(2)]
    client = _login(client, manager)
    url = f"/staff/review/calls/{call.pk}/assignments/"

    def post(applications):
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url, {"applications": [a.pk for a in applications],
                                         "reviewers": [r.pk for r in reviewers]})
        assert response.status_code == 302
        return len(queries)

    few = post(bulk_applications(call, 3, prefix="few"))
    many = post(bulk_applications(call, 30, prefix="many"))
    assert few == many
    assert ReviewAssignment.objects.count() == 66


def test_the_assignments_page_keeps_its_reviewer_filter_and_page_after_a_post(client, manager, call, edition):
    """?reviewer= (the dashboard's link) and ?page= survive every form of the page: its redirect and a refusal."""
    reviewer = member(edition, "kept@example.org", Role.REVIEWER)
    apps = bulk_applications(call, 2)
    services.assign(applications=apps, reviewers=[reviewer], actor=manager)
    client = _login(client, manager)
    query = f"reviewer={reviewer.pk}&page=1"
    base = f"/staff/review/calls/{call.pk}/assignments/"
    page = client.get(f"{base}?{query}").content.decode()
    here = f"{base}?reviewer={reviewer.pk}&amp;page=1"
    assert f'id="assign-form" action="{here}"' in page
    assert f'action="/staff/review/calls/{call.pk}/assignments/auto/?reviewer={reviewer.pk}&amp;page=1"' in page
    assert f'action="/staff/review/calls/{call.pk}/conflicts/?reviewer={reviewer.pk}&amp;page=1"' in page
    assert f'name="next" value="{here}"' in page
    response = client.post(f"/staff/review/calls/{call.pk}/assignments/auto/?{query}", {"per_application": "1"})
    assert response.status_code == 302 and response["Location"] == f"{base}?{query}"
    response = client.post(f"/staff/review/calls/{call.pk}/conflicts/?{query}",
                           {"reviewer": reviewer.pk, "application": apps[0].pk})
    assert response.status_code == 302 and response["Location"] == f"{base}?{query}"
    # refused: shown again at the form's URL, and its other forms still lead back to the filtered list
    response = client.post(f"/staff/review/calls/{call.pk}/assignments/auto/?{query}", {"per_application": "0"})
    assert response.status_code == 200 and f'id="assign-form" action="{here}"' in response.content.decode()
    response = client.post(f"{base}?{query}", {"applications": [apps[1].pk], "reviewers": [reviewer.pk]})
    assert response.status_code == 302 and response["Location"] == f"{base}?{query}"
