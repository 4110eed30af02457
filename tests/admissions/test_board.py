"""The staff pages: the calls, the ranking board (sort, filters, pages, bulk staging), release with its
confirmation page, suggested promotions and the settings. Managers of the edition only."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campus.admissions import services
from campus.admissions.models import AdmissionSettings, Decision, Offer
from campus.applications.models import Answer, Question
from campus.communications.models import OutboxMessage
from campus.review.models import Review
from campus.team.models import TeamMembership

from .conftest import bulk_applications


def review(application, reviewer, total, recommendation="yes"):
    return Review.objects.create(application=application, reviewer=reviewer, total=total,
                                 recommendation=recommendation, submitted_at=timezone.now())


def refs(response):
    return re.findall(r'name="application" value="(\d+)"', response.content.decode())


def test_home_lists_the_calls_with_counts(manager_client, call, team_manager):
    apps = bulk_applications(call, 4)
    review(apps[0], team_manager, 4)
    services.stage_decisions(call=call, decisions={apps[0].pk: ("admit", None), apps[1].pk: ("waitlist", None)},
                             actor=team_manager)
    page = manager_client.get("/staff/admissions/")
    assert page.status_code == 200
    html = page.content.decode()
    assert call.title in html and f"/staff/admissions/{call.pk}/" in html
    cells = re.findall(r"<td>([^<]*)</td>", html)
    assert cells[:6] == ["4", "1", "1", "1", "0", "0 / 20"]


def test_board_sorts_by_score_and_by_any_column(manager_client, call, team_manager):
    apps = bulk_applications(call, 3)
    review(apps[0], team_manager, 2)
    review(apps[1], team_manager, 5)
    review(apps[2], team_manager, 3)
    url = f"/staff/admissions/{call.pk}/"
    assert refs(manager_client.get(url)) == [str(apps[1].pk), str(apps[2].pk), str(apps[0].pk)]
    assert refs(manager_client.get(url + "?sort=score&order=asc")) == [str(apps[0].pk), str(apps[2].pk), str(apps[1].pk)]
    assert refs(manager_client.get(url + "?sort=reference")) == [str(a.pk) for a in apps]
    services.stage_decisions(call=call, decisions={apps[2].pk: ("admit", None)}, actor=team_manager)
    assert refs(manager_client.get(url + "?sort=decision"))[0] == str(apps[2].pk)
    page = manager_client.get(url + "?sort=nonsense")
    assert page.status_code == 200 and "nonsense" in page.content.decode()  # named next to the field


def test_board_filters(manager_client, call, team_manager):
    apps = bulk_applications(call, 4)
    question = Question.objects.get(call=call, key="english_level")
    Answer.objects.create(application=apps[1], question=question, value="fluent")
    Answer.objects.create(application=apps[2], question=question, value="basic")
    review(apps[3], team_manager, 1, "no")
    other = TeamMembership.objects.create(edition=call.edition, user=bulk_applications(call, 1, prefix="rev")[0].applicant,
                                          role="reviewer").user
    review(apps[3], other, 5, "yes")
    services.stage_decisions(call=call, decisions={apps[0].pk: ("reject", None)}, actor=team_manager)
    url = f"/staff/admissions/{call.pk}/"
    assert refs(manager_client.get(url + "?question=english_level&value=fluent")) == [str(apps[1].pk)]
    assert refs(manager_client.get(url + "?disagreement=yes")) == [str(apps[3].pk)]
    assert refs(manager_client.get(url + "?decision=reject")) == [str(apps[0].pk)]
    assert set(refs(manager_client.get(url + f"?country={apps[0].country}"))) >= {str(apps[0].pk)}
    response = manager_client.get(url + "?question=english_level")
    assert "Give the answer to look for" in response.content.decode()


@pytest.mark.slow
def test_board_query_count_does_not_grow_and_pages_by_100(manager_client, call, team_manager):
    url = f"/staff/admissions/{call.pk}/"
    bulk_applications(call, 10)
    manager_client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert manager_client.get(url).status_code == 200
    apps = bulk_applications(call, 990)
    Review.objects.bulk_create([Review(application=a, reviewer=team_manager, total=3, recommendation="maybe",
                                       submitted_at=timezone.now()) for a in apps])
    services.stage_decisions(call=call, decisions={a.pk: ("waitlist", None) for a in apps[:300]}, actor=team_manager)
    with CaptureQueriesContext(connection) as many:
        response = manager_client.get(url + "?page=2")
    assert response.status_code == 200
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]
    assert len(refs(response)) == 100 and "Page 2 of 10" in response.content.decode()


def test_bulk_stage_and_release_through_the_pages(manager_client, call, team_manager, small_capacity):
    apps = bulk_applications(call, 6)
    url = f"/staff/admissions/{call.pk}/"
    response = manager_client.post(url + "stage/", {"application": [a.pk for a in apps[:4]], "action": "admit",
                                                     "next": url + "?sort=reference"})
    assert response.status_code == 302 and response["Location"] == url + "?sort=reference"
    manager_client.post(url + "stage/", {"application": [apps[4].pk, apps[5].pk], "action": "waitlist"})
    assert Decision.objects.filter(outcome="admit").count() == 4
    assert list(Decision.objects.filter(outcome="waitlist").order_by("waitlist_rank")
                .values_list("application_id", flat=True)) == [apps[4].pk, apps[5].pk]
    # nothing chosen: a message, nothing staged
    response = manager_client.post(url + "stage/", {"action": "reject"}, follow=True)
    assert "Choose at least one application" in response.content.decode()
    # an open redirect is refused
    response = manager_client.post(url + "stage/", {"application": [apps[0].pk], "action": "admit",
                                                     "next": "https://evil.example/"})
    assert response["Location"] == url
    confirm = manager_client.get(url + "release/").content.decode()
    assert "<strong>3</strong> offers" in confirm
    assert "<strong>3</strong> on the waitlist" in confirm and "<strong>1</strong> staged as admits" in confirm
    assert "<strong>0</strong> not admitted" in confirm and "Places: 3" in confirm
    assert "Release 6 decisions" in confirm
    assert not Offer.objects.exists()  # the confirmation page changes nothing
    response = manager_client.post(url + "release/", follow=True)
    assert "Released: 3 offers, 3 on the waitlist, 0 not admitted" in response.content.decode()
    assert Offer.objects.filter(state="open").count() == 3
    assert OutboxMessage.objects.filter(state="draft").count() == 6
    response = manager_client.post(url + "release/", follow=True)
    assert "nothing changed" in response.content.decode()
    # released decisions cannot be changed from the board
    response = manager_client.post(url + "stage/", {"application": [apps[0].pk], "action": "reject"}, follow=True)
    assert "cannot be changed" in response.content.decode()


def test_suggested_promotions_are_confirmed_on_the_board(manager_client, call, team_manager, small_capacity):
    config = services.settings_for(call)
    config.promotion = "suggest"
    config.save()
    apps = bulk_applications(call, 4)
    services.stage_decisions(call=call, decisions={**{a.pk: ("admit", None) for a in apps[:3]},
                                                   apps[3].pk: ("waitlist", None)}, actor=team_manager)
    services.release(call=call, actor=team_manager)
    services.decline_offer(offer=Offer.objects.get(application=apps[0]), actor=apps[0].applicant)
    suggested = Offer.objects.get(state="suggested")
    url = f"/staff/admissions/{call.pk}/"
    assert "Promotions to confirm" in manager_client.get(url).content.decode()
    manager_client.post(url + f"promotions/{suggested.pk}/confirm/")
    suggested.refresh_from_db()
    assert suggested.state == "open"
    assert OutboxMessage.objects.filter(event="promoted", state="queued").count() == 1


def test_settings_form_keeps_input_and_names_errors(manager_client, call):
    url = f"/staff/admissions/{call.pk}/settings/"
    response = manager_client.post(url, {"offer_reply_days": "0", "promotion": "suggest", "auto_release": "on",
                                         "release_local": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give between 1 and 90 days." in html and "Automatic release needs a release moment." in html
    assert re.search(r"<input[^>]*value=\"suggest\"[^>]*checked", html), re.findall(r"<input[^>]*promotion[^>]*>", html)
    response = manager_client.post(url, {"offer_reply_days": "10", "promotion": "automatic", "auto_release": "on",
                                         "release_local": "2030-06-15 09:00"})
    assert response.status_code == 302
    config = AdmissionSettings.objects.get(call=call)
    assert config.offer_reply_days == 10 and config.auto_release
    local = timezone.localtime(config.release_at, call.zone)
    assert (local.year, local.month, local.day, local.hour) == (2030, 6, 15, 9)


@pytest.mark.parametrize("path", ["", "{call}/", "{call}/release/"])
def test_only_managers_of_the_edition(client, call, path, django_user_model, seeded):
    from campus.programme.models import Edition

    url = "/staff/admissions/" + path.format(call=call.pk)
    assert client.get(url).status_code == 302  # sign in first
    reviewer = django_user_model.objects.create_user(email="rev@example.org", password="x-long-pass-1", is_staff=True)
    TeamMembership.objects.create(edition=call.edition, user=reviewer, role="reviewer")
    client.force_login(reviewer)
    assert client.get(url).status_code == 404
    # a manager of another edition sees nothing of this one
    other_edition = Edition.objects.create(programme=call.edition.programme, name="2030", slug="2030", capacity=5,
                                           application_deadline=call.edition.application_deadline,
                                           acceptance_letter_on=call.edition.acceptance_letter_on,
                                           hours_per_week_min=1, hours_per_week_max=2)
    elsewhere = django_user_model.objects.create_user(email="else@example.org", password="x-long-pass-1", is_staff=True)
    TeamMembership.objects.create(edition=other_edition, user=elsewhere, role="manager")
    client.force_login(elsewhere)
    response = client.get(url)
    if path:
        assert response.status_code == 404
    else:
        assert response.status_code == 200 and call.title not in response.content.decode()


def test_shortlist_for_interview_from_the_board(manager_client, call):
    from campus.interviews.models import Invitation

    apps = bulk_applications(call, 3)
    url = f"/staff/admissions/{call.pk}/"
    page = manager_client.get(url).content.decode()
    assert 'formaction="/staff/interviews/invite/"' in page
    response = manager_client.post("/staff/interviews/invite/", {"application": [apps[0].pk, apps[2].pk],
                                                                 "next": url + "?sort=reference"})
    assert response.status_code == 302 and response["Location"] == url + "?sort=reference"
    assert set(Invitation.objects.values_list("application", flat=True)) == {apps[0].pk, apps[2].pk}
    board = manager_client.get(url).content.decode()
    assert "Invited, no time booked" in board


def test_free_places_are_offered_to_the_waitlist_by_a_manager(manager_client, call, team_manager, small_capacity):
    apps = bulk_applications(call, 5)
    services.stage_decisions(call=call, decisions={apps[0].pk: ("admit", None), apps[1].pk: ("waitlist", None),
                                                   apps[2].pk: ("waitlist", None), apps[3].pk: ("waitlist", None),
                                                   apps[4].pk: ("waitlist", None)}, actor=team_manager)
    services.release(call=call, actor=team_manager)
    url = f"/staff/admissions/{call.pk}/"
    page = manager_client.get(url).content.decode()
    # it says why the places are free, that nothing happens by itself, and who would get an offer
    free = re.search(r'<section aria-labelledby="free-title".*?</section>', page, re.S).group(0)
    assert "2 places without an offer" in free and "Only 1 of the 3 places have an open or accepted offer" in free
    assert "4 people are on the waitlist" in free and "Nothing happens to them by itself" in free
    assert apps[1].reference in free and apps[2].reference in free and apps[3].reference not in free
    assert "If you kept places free on purpose, leave them" in free
    assert "Offer 2 places to the next on the waitlist" in free
    manager_client.post(url + "fill/")
    manager_client.post(url + "fill/")  # a second click: no place left
    promoted = Offer.objects.filter(via="promotion", state="open")
    assert set(promoted.values_list("application", flat=True)) == {apps[1].pk, apps[2].pk}
    assert Offer.objects.filter(state__in=["open", "accepted"]).count() == 3
    assert OutboxMessage.objects.filter(event="promoted", state="queued").count() == 2
    assert "without an offer" not in manager_client.get(url).content.decode()


def test_the_counts_say_places_and_release_apart(manager_client, call):
    page = manager_client.get(f"/staff/admissions/{call.pk}/").content.decode()
    places = re.search(r"<h3>Places</h3>\s*<ul>(.*?)</ul>", page, re.S).group(1)
    release = re.search(r"<h3>Release</h3>\s*<ul>(.*?)</ul>", page, re.S).group(1)
    assert "0 of 20</span> with an open or accepted offer" in places and "released" not in places
    assert "Not released yet" in release


def test_one_score_column_with_mean_and_median_under_it(manager_client, call, team_manager):
    app = bulk_applications(call, 1)[0]
    Review.objects.create(application=app, reviewer=team_manager, total=3.5, recommendation="maybe",
                          submitted_at=timezone.now())
    response = manager_client.get(f"/staff/admissions/{call.pk}/?sort=review_median&order=desc")
    page = response.content.decode()
    headings = re.findall(r'<th scope="col"[^>]*><a[^>]*>([^<]+)', page)
    assert headings == ["Reference", "Name", "Score", "Reviews", "Interview", "Eligibility", "Country", "Decision",
                        "Offer"]
    score_heading = re.search(r'<th scope="col" aria-sort="descending"><a[^>]*>Score.*?</th>', page, re.S).group(0)
    assert "sort=review_mean" in score_heading and "median<span aria-hidden=\"true\"> ↓" in score_heading
    assert "mean 3.5 · median 3.5" in page


def test_the_release_confirmation_names_the_people(manager_client, call, team_manager, small_capacity):
    apps = bulk_applications(call, 6)
    services.stage_decisions(call=call, decisions={
        apps[0].pk: ("admit", None), apps[1].pk: ("waitlist", None), apps[2].pk: ("reject", None)},
        actor=team_manager)
    page = manager_client.get(f"/staff/admissions/{call.pk}/release/").content.decode()
    offers = re.search(r'<ul class="admissions-names" aria-labelledby="names-offers">(.*?)</ul>', page, re.S).group(1)
    waitlist = re.search(r'<ol class="admissions-names" aria-labelledby="names-waitlist">(.*?)</ol>', page, re.S).group(1)
    rejects = re.search(r"<details.*?</details>", page.split("<main", 1)[1], re.S).group(0)  # not the account menu
    assert apps[0].reference in offers and apps[0].full_name in offers and apps[1].reference not in offers
    assert apps[1].reference in waitlist and apps[2].reference in rejects
    assert apps[3].reference not in page  # nothing staged for them
