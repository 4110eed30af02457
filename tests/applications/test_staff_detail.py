"""One application in the back office: answers by step (the frozen copy once submitted), documents,
eligibility with its reasons, the activity log; and the three actions with good and bad input."""

import re
import zoneinfo
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from campus.applications.models import Answer, Application
from campus.core.models import ActivityLog

from .staff_factories import (  # noqa: F401  (fixtures)
    SCRIPT, hostile_application, make_application, manager, manager_client, media, secret_application,
)

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def _error_of(html: str, field_id: str) -> str:
    """The error message shown next to a field (the paragraph its input points to)."""
    match = re.search(rf'<p class="field__error" id="{field_id}-error">(.*?)</p>', html, flags=re.S)
    return match.group(1).strip() if match else ""


def _url(application, action=""):
    return f"/staff/applications/{application.pk}/{action}"


def _local_input(moment: datetime) -> str:
    return timezone.localtime(moment, STOCKHOLM).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.django_db
def test_a_submitted_application_shows_its_frozen_answers_by_step(manager_client, secret_application):
    application = secret_application
    # the live answer changes after submission (e.g. a later correction): staff read what was submitted
    Answer.objects.filter(application=application, question__key="cluster_name").update(value="Changed later")
    html = manager_client.get(_url(application)).content.decode()
    assert "the frozen copy" in html
    assert "EnergyVaasa" in html and "Changed later" not in html
    for heading in ["About you", "Your cluster", "Motivation", "CV", "Availability", "Privacy"]:
        assert f">{heading}</h3>" in html, heading
    assert "Confidential Cluster Oy" in html and "Zelda Secretname" in html
    cv = application.documents.get()
    assert f'href="/apply/documents/{cv.pk}/"' in html
    # eligibility with every reason, status and message
    for reason in application.eligibility_reasons:
        assert reason["message"] in html
    assert html.count('class="reason reason--met"') == 4
    assert "Privacy notice version" in html


@pytest.mark.django_db
def test_a_draft_shows_the_live_answers_and_the_activity_newest_first(manager_client, call, media):
    draft = make_application(call, email="draft@example.org", submit=False, cluster_name="Live Cluster")
    html = manager_client.get(_url(draft)).content.decode()
    assert "A draft: these are the answers as they stand now." in html
    assert "Live Cluster" in html
    activity = html.split('id="activity-title"', 1)[1]
    assert activity.index("Uploaded a document") < activity.index("Saved a step") < activity.index("Started")
    assert "by the applicant" in activity
    assert "You can ask for more information once the application is submitted." in html


@pytest.mark.django_db
def test_markup_in_answers_is_escaped(manager_client, hostile_application):
    html = manager_client.get(_url(hostile_application)).content.decode()
    assert SCRIPT not in html
    assert '<img src=x onerror' not in html
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; I mean it." in html


@pytest.mark.django_db
def test_unknown_application_is_404(manager_client, seeded):
    assert manager_client.get("/staff/applications/999999/").status_code == 404
    assert manager_client.post("/staff/applications/999999/eligibility/", {}).status_code == 404


# --- actions ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_override_with_a_reason_is_recorded_shown_and_logged(manager_client, manager, secret_application):
    response = manager_client.post(_url(secret_application, "eligibility/"),
                                   {"override-status": "not_eligible", "override-reason": "Lives outside the EU now."})
    assert response.status_code == 302 and response.url == _url(secret_application)
    application = Application.objects.get(pk=secret_application.pk)
    assert application.eligibility_override == "not_eligible"
    assert application.effective_eligibility == "not_eligible"
    assert application.eligibility_override_by == manager
    entry = ActivityLog.objects.get(action="applications.eligibility_overridden")
    assert entry.actor == manager and entry.target_id == str(application.pk)
    assert entry.data["reason"] == "Lives outside the EU now."
    html = manager_client.get(response.url).content.decode()
    assert "The eligibility is recorded." in html
    assert "Decided by Team Manager" in html and "Lives outside the EU now." in html
    assert "overridden" in html
    assert "Overrode the eligibility: Not eligible; reason: Lives outside the EU now." in html
    # and taken back: no reason needed
    response = manager_client.post(_url(application, "eligibility/"), {"override-status": "clear"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.eligibility_override == "" and application.eligibility_override_by is None
    assert application.effective_eligibility == "eligible"


@pytest.mark.django_db
def test_deadline_extension_is_read_in_the_calls_time_zone_and_stored_in_utc(manager_client, manager, call,
                                                                             media):
    draft = make_application(call, email="late@example.org", submit=False)
    wanted = (call.closes_at + timedelta(days=7)).astimezone(STOCKHOLM).replace(hour=17, minute=0, second=0,
                                                                                microsecond=0)
    response = manager_client.post(_url(draft, "deadline/"), {"extend-until": wanted.strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.deadline_extended_to == wanted
    assert draft.deadline_extended_to.astimezone(zoneinfo.ZoneInfo("UTC")).hour in (15, 16)  # CEST or CET
    entry = ActivityLog.objects.get(action="applications.deadline_extended")
    assert entry.actor == manager
    html = manager_client.get(_url(draft)).content.decode()
    assert "The deadline of this applicant is extended." in html
    assert re.search(rf"Extended for this applicant to <time [^>]+>{wanted.day} {wanted:%b %Y}, 17:00 {wanted:%Z}</time>",
                     html)  # the call's zone, labelled
    assert f'value="{wanted:%Y-%m-%dT%H:%M}"' in html  # the form shows it in the call's zone again
    assert "Extended the deadline: to" in html


@pytest.mark.django_db
def test_request_for_more_information_reopens_the_application_and_reaches_the_applicant(
    manager_client, manager, secret_application, client, run_tasks, django_capture_on_commit_callbacks,
):
    until = timezone.now() + timedelta(days=40)
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(_url(secret_application, "more-information/"), {
            "info-message": "Please upload a CV in English.", "info-until": _local_input(until),
        })
    assert response.status_code == 302
    application = Application.objects.get(pk=secret_application.pk)
    assert application.state == "more_info"
    assert application.more_info_request == "Please upload a CV in English."
    assert application.deadline > timezone.now() + timedelta(days=39)
    entry = ActivityLog.objects.get(action="applications.more_information_requested")
    assert entry.actor == manager
    assert run_tasks() >= 1
    assert any("Please upload a CV in English." in message.body for message in mail.outbox)
    html = manager_client.get(_url(application)).content.decode()
    assert "The applicant is asked for more information." in html
    assert "The applicant is correcting the application" in html
    assert "Please upload a CV in English." in html
    client.force_login(application.applicant)
    assert "Please upload a CV in English." in client.get("/apply/status/").content.decode()


@pytest.mark.django_db
def test_more_information_cannot_be_asked_of_a_draft(manager_client, call, media):
    draft = make_application(call, email="draft@example.org", submit=False)
    response = manager_client.post(_url(draft, "more-information/"), {
        "info-message": "Anything?", "info-until": _local_input(timezone.now() + timedelta(days=30)),
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot become" in html  # the state machine's own words, on the form
    assert "Nothing was changed" in html
    draft.refresh_from_db()
    assert draft.state == "draft"


TOO_LONG = "x" * 2001


@pytest.mark.django_db
@pytest.mark.parametrize(
    "action, data, field, message",
    [
        ("eligibility/", {"override-status": "eligible", "override-reason": ""}, "id_override-reason",
         "Record why you override the screening."),
        ("eligibility/", {"override-status": "eligible", "override-reason": "   "}, "id_override-reason",
         "Record why you override the screening."),
        ("eligibility/", {"override-reason": "No status chosen"}, "id_override-status", "Choose the eligibility"),
        ("eligibility/", {"override-status": "maybe", "override-reason": "x"}, "id_override-status",
         "Select a valid choice"),
        ("eligibility/", {"override-status": "eligible", "override-reason": TOO_LONG}, "id_override-reason",
         "at most 2000 characters"),
        ("eligibility/", {"override-status": "eligible", "override-reason": SCRIPT}, "id_override-reason",
         "Write plain text"),
        ("deadline/", {"extend-until": ""}, "id_extend-until", "This field is required."),
        ("deadline/", {"extend-until": "next tuesday"}, "id_extend-until", "Enter a date and time"),
        ("deadline/", {"extend-until": "2026-13-45T25:61"}, "id_extend-until", "Enter a date and time"),
        ("deadline/", {"extend-until": "2020-01-01T12:00"}, "id_extend-until", "Choose a moment in the future."),
        # 02:30 on the night clocks go forward does not exist in Stockholm
        ("deadline/", {"extend-until": "2099-03-29T02:30"}, "id_extend-until", "time zone"),
        ("more-information/", {"info-message": "", "info-until": "2099-01-01T12:00"}, "id_info-message",
         "Tell the applicant what is missing."),
        ("more-information/", {"info-message": TOO_LONG, "info-until": "2099-01-01T12:00"}, "id_info-message",
         "at most 2000 characters"),
        ("more-information/", {"info-message": f"Fix this {SCRIPT}", "info-until": "2099-01-01T12:00"},
         "id_info-message", "Write plain text"),
        ("more-information/", {"info-message": "Please fix.", "info-until": "yesterday"}, "id_info-until",
         "Enter a date and time"),
        ("more-information/", {"info-message": "Please fix.", "info-until": "2000-01-01T00:00"}, "id_info-until",
         "Choose a moment in the future."),
        ("more-information/", {"info-message": "Please fix."}, "id_info-until", "Give the applicant a date"),
    ],
)
def test_bad_input_gets_a_clear_message_next_to_the_field_and_changes_nothing(
    manager_client, secret_application, action, data, field, message
):
    response = manager_client.post(_url(secret_application, action), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in _error_of(html, field), _error_of(html, field) or html[:3000]
    assert "Nothing was changed" in html
    assert SCRIPT not in html  # what was typed comes back escaped
    typed = data.get("override-reason") or data.get("info-message") or ""
    if typed.strip() and typed != TOO_LONG:
        assert typed.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in html
    application = Application.objects.get(pk=secret_application.pk)
    assert (application.eligibility_override, application.deadline_extended_to, application.state) == (
        "", None, "submitted")
    assert not ActivityLog.objects.filter(actor__isnull=False, action__in=[
        "applications.eligibility_overridden", "applications.deadline_extended",
        "applications.more_information_requested"]).exists()


@pytest.mark.django_db
def test_an_extension_before_the_calls_own_deadline_is_refused(manager_client, call, secret_application):
    before = call.closes_at - timedelta(days=1)
    response = manager_client.post(_url(secret_application, "deadline/"), {"extend-until": _local_input(before)})
    assert response.status_code == 200
    assert "The call itself closes later" in _error_of(response.content.decode(), "id_extend-until")


@pytest.mark.django_db
def test_actions_answer_only_post(manager_client, secret_application):
    for action in ["eligibility/", "deadline/", "more-information/"]:
        assert manager_client.get(_url(secret_application, action)).status_code == 405


def test_an_action_on_the_page_keeps_the_list_it_came_from(manager_client, call, secret_application):
    """Opened from a filtered list, the page's forms post the list's query along: after the action (and after a
    refusal) previous/next and the way back still follow that list."""
    query = f"call={call.pk}&state=submitted"
    html = manager_client.get(_url(secret_application) + f"?{query}").content.decode()
    escaped = query.replace("&", "&amp;")
    for action in ("eligibility/", "deadline/", "more-information/"):
        assert f'action="{_url(secret_application, action)}?{escaped}"' in html
    response = manager_client.post(_url(secret_application, "eligibility/") + f"?{query}",
                                   {"override-status": "eligible", "override-reason": "Checked by phone."})
    assert response.status_code == 302 and response.url == _url(secret_application) + f"?{query}"
    response = manager_client.post(_url(secret_application, "eligibility/") + f"?{query}", {"override-status": "x"})
    html = response.content.decode()
    assert response.status_code == 200 and f'href="/staff/applications/?{escaped}">Applications:' in html
