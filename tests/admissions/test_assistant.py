"""The selection assistant page: who may open it, what it proposes and says, accepting (staging) and changing the
proposal, and a query count that does not grow with the number of applications."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campus.admissions.models import AdmissionSettings, Decision
from campus.applications.models import Application
from campus.programme.models import Edition
from campus.review.models import Kind, Review
from campus.team.models import TeamMembership

from .conftest import bulk_applications

URL = "/staff/admissions/{}/assistant/"


def reviewer_user(email="rev.one@example.org"):
    User = get_user_model()
    return User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password="a-long-password-1", is_staff=True, full_name=email.split("@")[0])


def score(application, total, *, reviewer=None, kind=Kind.REVIEW):
    """A review of ``application`` with the weighted ``total`` (what the review service stores)."""
    return Review.objects.create(
        application=application, reviewer=reviewer or reviewer_user(), kind=kind, recommendation="yes",
        total=Decimal(str(total)), submitted_at=timezone.now(),
    )


def scored(call, scores, *, countries=None, prefix="person"):
    """Submitted, eligible applications with one review each: ``scores`` in order (None: no review)."""
    applications = bulk_applications(call, len(scores), prefix=prefix)
    for i, (application, value) in enumerate(zip(applications, scores, strict=True)):
        if countries:
            application.country = countries[i]
            application.save(update_fields=["country"])
        if value is not None:
            score(application, value)
    return applications


def other_edition(call):
    seed = call.edition
    return Edition.objects.create(
        programme=seed.programme, name="2031–2032", slug="2031-2032", capacity=10,
        application_deadline=date(2031, 5, 1), acceptance_letter_on=date(2031, 6, 1),
        hours_per_week_min=1, hours_per_week_max=5,
    )


def body(response) -> str:
    return response.content.decode()


# --- who may open it --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_visitors_are_sent_to_sign_in(client, call):
    response = client.get(URL.format(call.pk))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert client.post(URL.format(call.pk)).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["applicant", "reviewer", "interviewer", "lead", "other_manager"])
def test_only_managers_of_the_edition_get_in(client, call, who, django_user_model):
    secret = scored(call, [4.5], prefix="zelda")[0]
    secret.full_name = "Zelda Secretname"
    secret.save(update_fields=["full_name"])
    user = django_user_model.objects.create_user(email=f"{who}@example.org", password="a-long-password-1",
                                                 is_staff=who != "applicant")
    if who == "applicant":
        application = bulk_applications(call, 1, prefix="own")[0]
        application.applicant = user
        application.save(update_fields=["applicant"])
    elif who in ("reviewer", "interviewer"):
        TeamMembership.objects.create(edition=call.edition, user=user, role=who)
    elif who == "other_manager":
        TeamMembership.objects.create(edition=other_edition(call), user=user, role=TeamMembership.Role.MANAGER)
    client.force_login(user)
    for response in (client.get(URL.format(call.pk)),
                     client.post(URL.format(call.pk), {f"outcome-{secret.pk}": "admit", "applied": "1"})):
        assert response.status_code == 404
        assert "Secretname" not in body(response)
    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_a_call_that_does_not_exist_is_a_404(manager_client):
    assert manager_client.get(URL.format(999999)).status_code == 404


# --- the proposal -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_page_shows_the_proposal_with_reasons(manager_client, call, small_capacity):
    #                 FI   SE   EE   LV   LT
    applications = scored(call, [4.8, 4.6, 3.2, None, 4.0], countries=["FI", "FI", "EE", "LV", "FI"])
    ineligible = scored(call, [5.0], countries=["SE"], prefix="late")[0]
    ineligible.eligibility = Application.Eligibility.NOT_ELIGIBLE
    ineligible.save(update_fields=["eligibility"])
    unchecked = scored(call, [4.9], countries=["SE"], prefix="unchecked")[0]
    unchecked.eligibility = Application.Eligibility.NEEDS_CHECK
    unchecked.save(update_fields=["eligibility"])
    response = manager_client.get(URL.format(call.pk))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    groups = response.context["groups"]
    assert [row["application"] for row in groups["admit"]] == [applications[0], applications[1], applications[2]]
    assert [row["application"] for row in groups["waitlist"]] == [applications[4]]
    html = body(response)
    assert "Admitted to give Estonia a participant: the best score from Estonia (3.2 of 5)" in html
    assert "Admitted with the 1st best score (4.8 of 5)" in html and "Admitted with the 2nd best score (4.6 of 5)" in html  # not the 5.0
    assert "1st on the waitlist (score 4 of 5); not admitted because places went to give required countries a participant" in html
    assert "Not proposed: no reviews yet" in html
    assert "Not proposed: not eligible</td>" in html
    assert "Not proposed: not eligible (needs a check)" in html
    assert "Latvia" in html and "Finland" in html
    assert "total score <strong>12.60</strong>" in html
    # the defaults: admit / waitlist as proposed, reject the ineligible, no decision for the unreviewed
    choices = {row["application"].pk: row["choice"] for group in groups.values() for row in group}
    assert choices[ineligible.pk] == "reject" and choices[applications[3].pk] == ""
    assert '<option value="admit" selected>Admit</option>' in html


@pytest.mark.django_db
def test_constraints_can_be_tried_out_and_bad_input_is_explained(manager_client, call, small_capacity):
    scored(call, [5, 4.9, 4.8, 3], countries=["FI", "FI", "FI", "SE"])
    response = manager_client.get(URL.format(call.pk), {"applied": "1", "max_per_country": "1"})
    admits = response.context["groups"]["admit"]
    assert [row["country"] for row in admits] == ["Finland", "Sweden"]
    assert "Only 2 of the 3 places can be filled" in body(response)
    assert "Finland already has the maximum of 1" in body(response)
    # one per country off, no limit: the three best
    response = manager_client.get(URL.format(call.pk), {"applied": "1", "max_per_country": ""})
    assert [row["country"] for row in response.context["groups"]["admit"]] == ["Finland"] * 3
    # nonsense keeps what was typed, says why, and falls back to the stored rules
    response = manager_client.get(URL.format(call.pk), {"applied": "1", "max_per_country": "0", "one_per_country": "on"})
    html = body(response)
    assert 'class="field__error"' in html and 'value="0"' in html
    assert [row["country"] for row in response.context["groups"]["admit"]] == ["Finland", "Finland", "Sweden"]


@pytest.mark.django_db
def test_the_stored_settings_are_the_default_rules(manager_client, call, small_capacity):
    scored(call, [5, 4.9, 4.8, 3], countries=["FI", "FI", "FI", "SE"])
    AdmissionSettings.objects.create(call=call, one_per_country=False, max_per_country=2)
    response = manager_client.get(URL.format(call.pk))
    assert [row["country"] for row in response.context["groups"]["admit"]] == ["Finland", "Finland", "Sweden"]
    assert response.context["form"]["max_per_country"].value() == 2
    assert not AdmissionSettings.objects.filter(call=call, max_per_country=3).exists()


# --- accepting --------------------------------------------------------------------------------------------


def _form(response):
    """The accept form as the browser would post it: the hidden rules and every selected decision."""
    data = {"applied": "1"}
    if response.context["one_per_country"]:
        data["one_per_country"] = "on"
    if response.context["max_per_country"]:
        data["max_per_country"] = str(response.context["max_per_country"])
    if response.context["min_score"] is not None:
        data["min_score"] = str(response.context["min_score"])
    if response.context["exclude_no"]:
        data["exclude_no"] = "on"
    for group in response.context["groups"].values():
        for row in group:
            if not row["released"]:
                data[row["field"]] = row["choice"]
                data[row["rank_field"]] = row["rank_value"]
    return data


@pytest.mark.django_db
def test_accepting_the_proposal_stages_the_decisions(manager_client, call, small_capacity, team_manager):
    applications = scored(call, [4.8, 4.6, 3.2, 4.4, 4.1, None], countries=["FI", "FI", "EE", "FI", "SE", "LV"])
    response = manager_client.get(URL.format(call.pk))
    response = manager_client.post(URL.format(call.pk), _form(response))
    assert response.status_code == 302
    staged = {d.application_id: (d.outcome, d.waitlist_rank) for d in Decision.objects.all()}
    a = applications
    assert staged == {
        a[0].pk: ("admit", None), a[2].pk: ("admit", None), a[4].pk: ("admit", None),
        a[1].pk: ("waitlist", 1), a[3].pk: ("waitlist", 2),
    }
    assert all(d.staged_by == team_manager and d.released_at is None for d in Decision.objects.all())
    assert response.url == reverse("staff_admissions:board", kwargs={"call": call.pk})
    notes = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Staged 3 admits, 2 on the waitlist and 0 rejections" in note for note in notes)


@pytest.mark.django_db
def test_the_manager_may_change_the_proposal_before_accepting(manager_client, call, small_capacity):
    a = scored(call, [4.8, 4.6, 4.4, 4.1], countries=["FI", "FI", "FI", "FI"])
    data = _form(manager_client.get(URL.format(call.pk)))
    data[f"outcome-{a[0].pk}"] = "reject"
    data[f"outcome-{a[3].pk}"] = "admit"
    data[f"outcome-{a[2].pk}"] = "waitlist"
    assert manager_client.post(URL.format(call.pk), data).status_code == 302
    staged = {d.application_id: (d.outcome, d.waitlist_rank) for d in Decision.objects.all()}
    assert staged == {a[0].pk: ("reject", None), a[1].pk: ("admit", None), a[2].pk: ("waitlist", 1),
                      a[3].pk: ("admit", None)}


@pytest.mark.django_db
def test_more_admits_than_places_is_refused_and_the_choices_are_kept(manager_client, call, small_capacity):
    a = scored(call, [4.8, 4.6, 4.4, 4.1, 3.0], countries=["FI"] * 5)
    data = _form(manager_client.get(URL.format(call.pk)))
    data[f"outcome-{a[3].pk}"] = "admit"
    data[f"outcome-{a[4].pk}"] = "reject"
    response = manager_client.post(URL.format(call.pk), data)
    assert response.status_code == 200
    html = body(response)
    assert "You chose 4 admits but there are only 3 places. Move 1 to the waitlist or reject them." in html
    assert 'id="accept-error"' in html and 'aria-describedby="accept-error"' in html
    choices = {row["application"].pk: row["choice"] for g in response.context["groups"].values() for row in g}
    assert choices[a[3].pk] == "admit" and choices[a[4].pk] == "reject"
    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_nonsense_decisions_and_empty_posts_are_refused(manager_client, call, small_capacity):
    a = scored(call, [4.8], countries=["FI"])
    response = manager_client.post(URL.format(call.pk), {"applied": "1", f"outcome-{a[0].pk}": "promote"})
    assert response.status_code == 200 and "Choose admit, waitlist, reject or no decision" in body(response)
    response = manager_client.post(URL.format(call.pk), {"applied": "1", f"outcome-{a[0].pk}": ""})
    assert response.status_code == 200 and "There is nothing to stage" in body(response)
    assert not Decision.objects.exists()


@pytest.mark.django_db
def test_released_decisions_are_shown_and_left_alone(manager_client, call, small_capacity):
    a = scored(call, [4.8, 4.6, 4.4, 4.1], countries=["FI"] * 4)
    Decision.objects.create(application=a[3], outcome="admit", released_at=timezone.now())
    response = manager_client.get(URL.format(call.pk))
    assert "1 decision is released already" in body(response)
    data = _form(response)
    assert f"outcome-{a[3].pk}" not in data
    # 1 released admit + 3 proposed admits > 3 places
    response = manager_client.post(URL.format(call.pk), data)
    assert response.status_code == 200 and "You chose 4 admits but there are only 3 places" in body(response)
    data[f"outcome-{a[2].pk}"] = "waitlist"
    assert manager_client.post(URL.format(call.pk), data).status_code == 302
    assert Decision.objects.get(application=a[3]).outcome == "admit"
    assert Decision.objects.filter(outcome="admit").count() == 3


@pytest.mark.django_db
def test_the_query_count_does_not_grow_with_the_applications(manager_client, call):
    scored(call, [4.0, 3.0, None], countries=["FI", "SE", "EE"])
    manager_client.get(URL.format(call.pk))  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as few:
        assert manager_client.get(URL.format(call.pk)).status_code == 200
    applications = scored(call, [round(1 + (i % 40) / 10, 1) for i in range(60)], prefix="many")
    for application in applications[:20]:
        score(application, 3.3, reviewer=reviewer_user("rev.two@example.org"))
    with CaptureQueriesContext(connection) as many:
        response = manager_client.get(URL.format(call.pk))
    assert response.status_code == 200 and len(response.context["groups"]["admit"]) == 20
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    assert len(few) <= 14, [q["sql"] for q in few.captured_queries]


@pytest.mark.django_db
def test_no_decision_removes_a_staged_one_and_unreviewed_keep_theirs(manager_client, call, small_capacity):
    a = scored(call, [4.8, 4.6, None, None], countries=["FI"] * 4)
    Decision.objects.create(application=a[1], outcome="reject")
    Decision.objects.create(application=a[2], outcome="waitlist", waitlist_rank=1)
    response = manager_client.get(URL.format(call.pk))
    data = _form(response)
    assert data[f"outcome-{a[2].pk}"] == "waitlist" and data[f"outcome-{a[3].pk}"] == ""
    data[f"outcome-{a[1].pk}"] = ""
    response = manager_client.post(URL.format(call.pk), data)
    assert response.status_code == 302
    staged = {d.application_id: (d.outcome, d.waitlist_rank) for d in Decision.objects.all()}
    assert staged == {a[0].pk: ("admit", None), a[2].pk: ("waitlist", 1)}
    assert any("1 staged decision removed" in str(m) for m in get_messages(response.wsgi_request))


@pytest.mark.django_db
def test_the_manager_may_reorder_the_waitlist(manager_client, call, small_capacity):
    a = scored(call, [5, 4.9, 4.8, 4.5, 4.4, 4.3, 4.2], countries=["FI"] * 7)
    response = manager_client.get(URL.format(call.pk))
    data = _form(response)
    assert [data[f"rank-{x.pk}"] for x in a] == ["", "", "", "1", "2", "3", "4"]
    data[f"rank-{a[6].pk}"] = "1"  # the last one first
    data[f"rank-{a[4].pk}"] = ""  # no rank: after the ranked ones, by score
    data[f"outcome-{a[2].pk}"] = "waitlist"  # moved from the admits, no rank typed
    data[f"rank-{a[2].pk}"] = ""
    data[f"rank-{a[0].pk}"] = "7"  # ignored: an admit has no waitlist rank
    assert manager_client.post(URL.format(call.pk), data).status_code == 302
    ranks = dict(Decision.objects.filter(outcome="waitlist").values_list("application_id", "waitlist_rank"))
    # typed: a6=1, a3=1 (tie: score), a5=3; then untyped by score: a2 (4.8), a4 (4.4)
    assert ranks == {a[3].pk: 1, a[6].pk: 2, a[5].pk: 3, a[2].pk: 4, a[4].pk: 5}


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["0", "-1", "two", "1.5"])
def test_a_bad_waitlist_rank_is_explained_and_kept(manager_client, call, small_capacity, typed):
    a = scored(call, [5, 4.9, 4.8, 4.5], countries=["FI"] * 4)
    data = _form(manager_client.get(URL.format(call.pk)))
    data[f"rank-{a[3].pk}"] = typed
    response = manager_client.post(URL.format(call.pk), data)
    assert response.status_code == 200
    html = body(response)
    assert "A waitlist rank is a whole number from 1" in html
    assert f'name="rank-{a[3].pk}" type="number" min="1" step="1" inputmode="numeric" size="4" value="{typed}"' in html
    assert not Decision.objects.exists()


# --- the rules: a minimum score and no "No" (staff-editable settings) ----------------------------------------


@pytest.mark.django_db
def test_the_stored_rules_keep_low_scores_and_no_recommendations_out(manager_client, call, small_capacity):
    good, low, doubted = scored(call, [4.5, 1.0, 4.0], countries=["FI", "EE", "SE"])
    Review.objects.filter(application=doubted).update(recommendation="no")
    AdmissionSettings.objects.create(call=call, min_score=Decimal("2.5"))  # "No" is left out by default
    response = manager_client.get(URL.format(call.pk))
    assert [row["application"] for row in response.context["groups"]["admit"]] == [good]
    html = body(response)
    assert "Not proposed: score 1 of 5 is below the minimum of 2.5" in html
    assert "Not proposed: a reviewer recommends “No” (score 4 of 5)" in html
    assert [row["choice"] for row in response.context["groups"]["rest"] if row["application"] == low] == ["reject"]
    # tried out without the rules: everyone with a score is proposed again
    response = manager_client.get(URL.format(call.pk), {"applied": "1", "min_score": ""})
    assert {row["application"] for row in response.context["groups"]["admit"]} == {good, low, doubted}


@pytest.mark.django_db
@pytest.mark.parametrize("typed, message", [
    ("0.5", "give a minimum of at least 1"), ("7", "give a minimum of at most 5"),
    ("three", "Give a number from 1 to 5"), ("3.125", "At most two decimals"),
])
def test_a_bad_minimum_score_is_explained_next_to_the_field_and_kept(manager_client, call, typed, message):
    response = manager_client.get(URL.format(call.pk), {"applied": "1", "min_score": typed})
    html = body(response)
    assert re.search(r'<p class="field__error" id="id_min_score-error">[^<]*' + re.escape(message), html), html
    assert f'value="{typed}"' in html
    response = manager_client.post(f"/staff/admissions/{call.pk}/settings/", {
        "offer_reply_days": "14", "promotion": "automatic", "min_score": typed, "max_per_country": "0"})
    assert response.status_code == 200
    html = body(response)
    assert re.search(r'<p class="field__error" id="id_min_score-error">[^<]*' + re.escape(message), html), html
    assert "At least 1 per country" in html and f'value="{typed}"' in html


@pytest.mark.django_db
def test_the_rules_are_saved_in_the_admission_settings(manager_client, call):
    response = manager_client.post(f"/staff/admissions/{call.pk}/settings/", {
        "offer_reply_days": "14", "promotion": "automatic", "min_score": "3.5", "max_per_country": "4"})
    assert response.status_code == 302
    config = AdmissionSettings.objects.get(call=call)
    assert (config.min_score, config.max_per_country, config.one_per_country, config.exclude_no) == (
        Decimal("3.5"), 4, False, False)
    form = manager_client.get(URL.format(call.pk)).context["form"]
    assert form["min_score"].value() == Decimal("3.5") and form["exclude_no"].value() is False
