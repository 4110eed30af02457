"""The application's state machine and the guards of the services around it: the call window, the
per-person extension, "more information requested", withdrawal, one application per applicant and call,
and one receipt per submission."""

import itertools
from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from campus.applications import selectors, services, states
from campus.applications.models import Answer, Application
from campus.applications.states import TransitionNotAllowed, transition

from .conftest import GOOD_ANSWERS, fill_all_steps

S = Application.State
STATES = [S.DRAFT, S.SUBMITTED, S.MORE_INFO, S.WITHDRAWN]
# Written out here, not read from states.ALLOWED: the test says what the table must be.
EXPECTED_ALLOWED = {
    (S.DRAFT, S.SUBMITTED),
    (S.DRAFT, S.WITHDRAWN),
    (S.SUBMITTED, S.MORE_INFO),
    (S.SUBMITTED, S.WITHDRAWN),
    (S.MORE_INFO, S.SUBMITTED),
    (S.MORE_INFO, S.WITHDRAWN),
}



def receipts_for(application):
    return [m for m in mail.outbox if m.subject == f"We received your application {application.reference}"]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(email="team@example.org", password="x" * 20, is_staff=True)


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """POST /apply/submit/ with the on-commit callbacks (the receipt task) run."""

    def post(client):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/apply/submit/")
        assert response.status_code == 302
        return response

    return post


@pytest.fixture
def draft(applicant_client, call):
    """A complete draft of the applicant (every step filled, not submitted)."""
    fill_all_steps(applicant_client)
    return Application.objects.get()


@pytest.fixture
def submitted(applicant_client, draft, submit, run_tasks):
    submit(applicant_client)
    run_tasks()
    draft.refresh_from_db()
    assert draft.state == S.SUBMITTED
    return draft


def close_call(call, *, ago=timedelta(hours=1)):
    call.closes_at = timezone.now() - ago
    call.save()


# --- the table ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "target"), sorted(EXPECTED_ALLOWED))
def test_allowed_transition_moves_and_returns_the_previous_state(source, target):
    application = Application(state=source)
    assert transition(application, target) == source
    assert application.state == target


REFUSED = sorted(set(itertools.product(STATES, STATES)) - EXPECTED_ALLOWED)


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_refused_transition_raises_and_leaves_the_state(source, target):
    application = Application(state=source)
    with pytest.raises(TransitionNotAllowed) as raised:
        transition(application, target)
    assert application.state == source
    # the message names both states in the applicant's words
    assert states.APPLICANT_LABELS[source] in str(raised.value.message)
    assert states.APPLICANT_LABELS[target] in str(raised.value.message)


def test_the_table_is_exactly_the_expected_one_and_every_state_has_a_label():
    table = {(source, target) for source, targets in states.ALLOWED.items() for target in targets}
    assert table == EXPECTED_ALLOWED
    assert set(states.ALLOWED) == set(STATES)
    assert set(states.APPLICANT_LABELS) == set(STATES)
    assert all(label.strip() for label in states.APPLICANT_LABELS.values())
    assert states.EDITABLE == {S.DRAFT, S.MORE_INFO}


# --- editing after submission ---------------------------------------------------------------------


@pytest.mark.django_db
def test_editing_after_submit_is_refused_by_the_service_and_the_page(applicant_client, applicant, submitted):
    with pytest.raises(services.ApplicationError, match="has been submitted and can no longer be changed"):
        services.save_answers(application=submitted, step="about", values={"first_name": "Mallory"}, actor=applicant)
    with pytest.raises(services.ApplicationError):
        services.record_consent(application=submitted, version="9", actor=applicant)
    with pytest.raises(services.ApplicationError):
        services.remove_document(application=submitted, kind="cv", actor=applicant)

    response = applicant_client.post("/apply/step/about/", {**GOOD_ANSWERS["about"], "first_name": "Mallory"})
    assert response.status_code == 302 and response["Location"] == "/apply/status/"
    assert applicant_client.get("/apply/step/about/")["Location"] == "/apply/status/"
    assert applicant_client.get("/apply/review/")["Location"] == "/apply/status/"
    assert applicant_client.post("/apply/documents/cv/remove/")["Location"] == "/apply/status/"
    assert selectors.answers_of(submitted)["first_name"] == "Aino"
    assert submitted.documents.filter(kind="cv").count() == 1
    submitted.refresh_from_db()
    assert submitted.state == S.SUBMITTED


# --- the call window ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_nothing_can_be_started_before_the_call_opens(applicant_client, applicant, call):
    call.opens_at = timezone.now() + timedelta(days=2)
    call.closes_at = timezone.now() + timedelta(days=30)
    call.save()
    with pytest.raises(services.ApplicationError, match="The call is not open yet."):
        services.start_application(call=call, applicant=applicant)

    response = applicant_client.post("/apply/begin/", follow=True)
    assert response.redirect_chain[0] == ("/apply/", 302)
    page = response.content.decode()
    assert "The call is not open yet." in page
    assert "The call opens on" in page
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_draft_cannot_be_changed_while_the_call_is_not_open(applicant_client, applicant, draft, call):
    call.opens_at = timezone.now() + timedelta(days=2)
    call.closes_at = timezone.now() + timedelta(days=30)
    call.save()
    with pytest.raises(services.ApplicationError, match="The call is not open yet."):
        services.save_answers(application=draft, step="about", values={"first_name": "Later"}, actor=applicant)
    with pytest.raises(services.ApplicationError, match="The call is not open yet."):
        services.submit(application=draft, actor=applicant)
    payload = {**GOOD_ANSWERS["about"], "first_name": "Later"}
    response = applicant_client.post("/apply/step/about/", payload, follow=True)
    assert "The call is not open yet." in response.content.decode()
    assert selectors.answers_of(draft)["first_name"] == "Aino"


@pytest.mark.django_db
def test_after_the_call_closes_nothing_can_be_started_changed_or_submitted(
    applicant_client, applicant, draft, call, django_user_model
):
    close_call(call)
    latecomer = django_user_model.objects.create_user(email="late@example.se", password="x" * 20)
    with pytest.raises(services.ApplicationError, match="The application deadline has passed."):
        services.start_application(call=call, applicant=latecomer)
    with pytest.raises(services.ApplicationError, match="The application deadline has passed."):
        services.save_answers(application=draft, step="about", values={"first_name": "Late"}, actor=applicant)
    with pytest.raises(services.ApplicationError, match="The application deadline has passed."):
        services.submit(application=draft, actor=applicant)

    response = applicant_client.get("/apply/step/about/", follow=True)
    assert response.redirect_chain[-1] == ("/apply/status/", 302)
    page = response.content.decode()
    assert "The application deadline has passed; your answers can no longer be changed." in page
    assert "The deadline has passed before this application was submitted." in page
    response = applicant_client.post("/apply/submit/", follow=True)
    draft.refresh_from_db()
    assert draft.state == S.DRAFT and draft.submitted_at is None
    assert selectors.answers_of(draft)["first_name"] == "Aino"
    assert Application.objects.filter(applicant=latecomer).count() == 0


@pytest.mark.django_db
def test_a_personal_extension_lets_only_that_applicant_continue_after_the_call_closed(
    client, applicant_client, applicant, draft, call, staff, django_user_model, submit, run_tasks
):
    other = django_user_model.objects.create_user(email="jonas@example.lt", password="x" * 20, full_name="Jonas P")
    client_b = client.__class__()
    client_b.force_login(other)
    fill_all_steps(client_b)
    other_draft = Application.objects.get(applicant=other)
    close_call(call)

    with pytest.raises(services.ApplicationError, match="future"):
        services.extend_deadline(application=draft, until=timezone.now() - timedelta(minutes=1), actor=staff)
    services.extend_deadline(application=draft, until=timezone.now() + timedelta(days=2), actor=staff)

    # the applicant with the extension continues, through the pages
    response = applicant_client.post("/apply/step/about/", {**GOOD_ANSWERS["about"], "role": "Cluster director"})
    assert response.status_code == 302 and response["Location"] == "/apply/step/cluster/"
    assert "(extended for you)" in applicant_client.get("/apply/status/").content.decode()
    submit(applicant_client)
    draft.refresh_from_db()
    assert draft.state == S.SUBMITTED
    role = next(item for item in draft.snapshot["answers"] if item["key"] == "role")
    assert role == {"step": "about", "key": "role", "label": "Your role", "value": "Cluster director",
                    "display": "Cluster director"}

    # the other one does not
    response = client_b.post("/apply/step/about/", {**GOOD_ANSWERS["about"], "role": "Cluster director"})
    assert response["Location"] == "/apply/status/"
    client_b.post("/apply/submit/")
    other_draft.refresh_from_db()
    assert other_draft.state == S.DRAFT
    assert selectors.answers_of(other_draft)["role"] == "Cluster manager"
    with pytest.raises(services.ApplicationError, match="deadline has passed"):
        services.submit(application=other_draft, actor=other)


# --- more information requested -------------------------------------------------------------------


@pytest.mark.django_db
def test_more_information_reopens_and_the_resubmission_gets_one_new_receipt(
    applicant_client, applicant, submitted, call, staff, submit, run_tasks, django_capture_on_commit_callbacks
):
    assert len(receipts_for(submitted)) == 1
    first_submitted_at = submitted.submitted_at
    close_call(call)  # the call closed meanwhile: the request's own deadline lets the applicant answer

    with pytest.raises(services.ApplicationError, match="Tell the applicant what is missing."):
        services.request_more_information(application=submitted, message="  ", until=timezone.now(), actor=staff)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_more_information(
            application=submitted, message="Please add the number of members of your cluster.",
            until=timezone.now() + timedelta(days=3), actor=staff,
        )
    submitted.refresh_from_db()
    assert submitted.state == S.MORE_INFO
    assert run_tasks() == 1
    request_mails = [m for m in mail.outbox if m.subject.startswith("Action required")]
    assert len(request_mails) == 1 and request_mails[0].to == ["aino@example.fi"]
    assert "Please add the number of members of your cluster." in request_mails[0].body

    status = applicant_client.get("/apply/status/").content.decode()
    assert "More information requested" in status
    assert "Please add the number of members of your cluster." in status

    cluster = {**GOOD_ANSWERS["cluster"], "cluster_members": "155"}
    response = applicant_client.post("/apply/step/cluster/", cluster)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert applicant_client.get("/apply/review/").status_code == 200
    submit(applicant_client)
    submit(applicant_client)  # a double click on the second submission too
    submitted.refresh_from_db()
    assert submitted.state == S.SUBMITTED
    assert submitted.submitted_at > first_submitted_at
    assert submitted.more_info_request == ""
    members = next(item for item in submitted.snapshot["answers"] if item["key"] == "cluster_members")
    assert members["value"] == 155

    assert run_tasks() == 1
    assert run_tasks() == 0
    receipts = receipts_for(submitted)
    assert len(receipts) == 2  # one per submission
    assert "155" in receipts[1].body and "155" not in receipts[0].body
    assert services.send_receipt(application_id=submitted.pk) is False  # a retried task sends nothing more
    assert len(receipts_for(submitted)) == 2

    # and now it is closed again for this applicant
    response = applicant_client.post("/apply/step/cluster/", {**cluster, "cluster_members": "1"})
    assert response["Location"] == "/apply/status/"
    assert selectors.answers_of(submitted)["cluster_members"] == 155


@pytest.mark.django_db
def test_more_information_only_for_a_submitted_application(applicant, draft, staff):
    with pytest.raises(TransitionNotAllowed):
        services.request_more_information(
            application=draft, message="More please.", until=timezone.now() + timedelta(days=1), actor=staff
        )
    draft.refresh_from_db()
    assert draft.state == S.DRAFT and draft.more_info_request == ""


# --- withdrawal -----------------------------------------------------------------------------------


@pytest.mark.parametrize("state", [S.DRAFT, S.SUBMITTED, S.MORE_INFO])
@pytest.mark.django_db
def test_withdraw_from_every_live_state_and_nothing_after(
    state, applicant_client, applicant, draft, staff, submit, run_tasks, django_capture_on_commit_callbacks
):
    if state in (S.SUBMITTED, S.MORE_INFO):
        submit(applicant_client)
    if state == S.MORE_INFO:
        services.request_more_information(
            application=draft, message="Your CV, please.", until=timezone.now() + timedelta(days=2), actor=staff
        )
    draft.refresh_from_db()
    assert draft.state == state

    page = applicant_client.get("/apply/withdraw/")
    assert page.status_code == 200 and "Yes, withdraw my application" in page.content.decode()
    response = applicant_client.post("/apply/withdraw/", follow=True)
    assert "Your application is withdrawn." in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == S.WITHDRAWN and draft.withdrawn_at is not None
    withdrawn_at = draft.withdrawn_at

    # nothing after withdrawn
    for target in STATES:
        with pytest.raises(TransitionNotAllowed):
            transition(draft, target)
    message = "This application has been withdrawn and can no longer be changed."
    with pytest.raises(services.ApplicationError, match=message):
        services.save_answers(application=draft, step="about", values={"first_name": "Back"}, actor=applicant)
    with pytest.raises(services.ApplicationError, match=message):
        services.submit(application=draft, actor=applicant)
    with pytest.raises(services.ApplicationError, match=message):
        services.record_consent(application=draft, version="2", actor=applicant)
    with pytest.raises(TransitionNotAllowed):
        services.request_more_information(
            application=draft, message="Come back", until=timezone.now() + timedelta(days=1), actor=staff
        )
    services.withdraw(application=draft, actor=applicant)  # a second withdrawal changes nothing
    assert applicant_client.get("/apply/withdraw/")["Location"] == "/apply/status/"
    assert applicant_client.post("/apply/step/about/", GOOD_ANSWERS["about"])["Location"] == "/apply/status/"
    with django_capture_on_commit_callbacks(execute=True):
        applicant_client.post("/apply/submit/")
    draft.refresh_from_db()
    assert draft.state == S.WITHDRAWN and draft.withdrawn_at == withdrawn_at
    status = applicant_client.get("/apply/status/").content.decode()
    assert ">Withdrawn<" in status
    assert "Withdraw your application" not in status
    assert selectors.answers_of(draft)["first_name"] == "Aino"


# --- one application per applicant and call; one receipt per submission ----------------------------


@pytest.mark.django_db
def test_one_application_per_applicant_and_call(applicant, call):
    first = services.start_application(call=call, applicant=applicant)
    again = services.start_application(call=call, applicant=applicant)
    assert again.pk == first.pk
    assert Application.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(call=call, applicant=applicant, reference="BSR20-SECOND")
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_begin_twice_gives_one_application(applicant_client, call):
    assert applicant_client.post("/apply/begin/")["Location"] == "/apply/step/about/"
    applicant_client.post("/apply/step/about/", GOOD_ANSWERS["about"])
    # continues with the first unfinished step ("About you" is complete now)
    assert applicant_client.post("/apply/begin/")["Location"] == "/apply/step/cluster/"
    assert Application.objects.count() == 1
    assert Answer.objects.filter(question__key="first_name").get().value == "Aino"


@pytest.mark.django_db
def test_a_double_submitted_form_gives_one_application_and_one_receipt(
    applicant_client, draft, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = applicant_client.post("/apply/submit/")
    with django_capture_on_commit_callbacks(execute=True):
        second = applicant_client.post("/apply/submit/")
    assert first["Location"] == second["Location"] == "/apply/status/"
    assert run_tasks() >= 1
    assert run_tasks() == 0
    assert Application.objects.count() == 1
    draft.refresh_from_db()
    assert draft.state == S.SUBMITTED and draft.receipt_sent_at >= draft.submitted_at
    receipts = receipts_for(draft)
    assert len(receipts) == 1
    assert receipts[0].to == ["aino@example.fi"]
    assert len(mail.outbox) == 1
    assert services.send_receipt(application_id=draft.pk) is False
    assert len(mail.outbox) == 1
