"""Asking to be erased and deciding on it: the person's page, the staff pages, the state machine, double clicks."""

import pytest
from django.contrib.auth import get_user_model

from campus.core.models import ActivityLog
from campus.privacy import services
from campus.privacy.models import ErasureRequest
from campus.privacy.states import ALLOWED, PERSON_LABELS, TransitionNotAllowed, transition

from .conftest import AINO_SECRETS, leaks

pytestmark = pytest.mark.django_db


def test_the_request_page_explains_and_needs_a_confirmation(aino):
    page = aino.client.get("/my-data/erase/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "2 files" in text and "1 application" in text and "cannot be restored" in text
    response = aino.client.post("/my-data/erase/", {"reason": "I changed jobs, please."})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Please tick the box" in text and "I changed jobs, please." in text  # what was typed is kept
    assert 'aria-invalid="true"' in text
    assert not ErasureRequest.objects.exists()


def test_a_request_waits_for_the_team_and_a_double_click_makes_one(aino):
    for _ in range(2):
        response = aino.client.post("/my-data/erase/", {"reason": "  I changed jobs.  ", "confirm": "on"})
        assert response.status_code == 302 and response["Location"] == "/my-data/"
    (request,) = ErasureRequest.objects.all()
    assert request.user == aino.user and request.state == "pending" and request.reason == "I changed jobs."
    (entry,) = ActivityLog.objects.filter(action="privacy.erasure_requested")
    assert entry.actor == aino.user and entry.data == {}  # the reason is not copied into the log
    page = aino.client.get("/my-data/").content.decode()
    assert PERSON_LABELS["pending"] in page and "Cancel my request" in page
    assert aino.client.get("/my-data/erase/")["Location"] == "/my-data/"
    assert services.request_erasure(user=aino.user, reason="again") == request


def test_the_person_can_cancel_a_waiting_request(aino):
    aino.client.post("/my-data/erase/", {"confirm": "on"})
    assert aino.client.post("/my-data/erase/cancel/")["Location"] == "/my-data/"
    request = ErasureRequest.objects.get()
    assert request.state == "cancelled" and request.decided_at
    assert aino.client.get("/my-data/erase/").status_code == 200  # may ask again
    aino.user.refresh_from_db()
    assert aino.user.is_active and aino.user.full_name == "Aino Virtanen"


def test_staff_see_waiting_requests_and_refuse_with_a_note_the_person_reads(aino, officer, officer_client):
    aino.client.post("/my-data/erase/", {"reason": "I changed jobs.", "confirm": "on"})
    request = ErasureRequest.objects.get()
    index = officer_client.get("/staff/privacy/").content.decode()
    assert f'href="/staff/privacy/erasure/{request.pk}/"' in index and "aino@example.fi" in index
    detail = officer_client.get(f"/staff/privacy/erasure/{request.pk}/")
    assert detail.status_code == 200 and "I changed jobs." in detail.content.decode()
    assert "2 files" in detail.content.decode()

    response = officer_client.post(f"/staff/privacy/erasure/{request.pk}/", {"decision": "refuse", "note": ""})
    assert response.status_code == 200 and "Tell the person why" in response.content.decode()
    response = officer_client.post(f"/staff/privacy/erasure/{request.pk}/",
                                   {"decision": "refuse", "note": "<script>x</script>"})
    assert response.status_code == 200 and "plain text" in response.content.decode()
    response = officer_client.post(f"/staff/privacy/erasure/{request.pk}/", {"decision": "", "note": "x"})
    assert response.status_code == 200 and "approve or refuse" in response.content.decode()
    request.refresh_from_db()
    assert request.state == "pending"

    note = "We must keep your application until the selection ends on 29 May."
    response = officer_client.post(f"/staff/privacy/erasure/{request.pk}/", {"decision": "refuse", "note": note})
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.state, request.decided_by, request.note) == ("refused", officer, note)
    (entry,) = ActivityLog.objects.filter(action="privacy.erasure_refused")
    assert entry.actor == officer and entry.data == {}
    page = aino.client.get("/my-data/").content.decode()
    assert note in page and "Ask us to erase my data" in page
    aino.user.refresh_from_db()
    assert aino.user.is_active and aino.user.full_name == "Aino Virtanen"  # nothing erased


def test_a_decided_request_cannot_be_decided_again(aino, officer, officer_client):
    request = services.request_erasure(user=aino.user, reason="")
    services.decide_erasure(request=request, approve=False, note="Not yet.", actor=officer)
    response = officer_client.post(f"/staff/privacy/erasure/{request.pk}/", {"decision": "approve", "note": ""})
    assert response.status_code == 200  # the page, with the decision already taken
    request.refresh_from_db()
    assert request.state == "refused"
    aino.user.refresh_from_db()
    assert aino.user.is_active and not ActivityLog.objects.filter(action="privacy.erased").exists()


def test_the_state_machine():
    S = ErasureRequest.State
    assert ALLOWED[S.PENDING] == {S.APPROVED, S.REFUSED, S.CANCELLED}
    for final in (S.APPROVED, S.REFUSED, S.CANCELLED):
        assert ALLOWED[final] == set()
        request = ErasureRequest(state=final)
        with pytest.raises(TransitionNotAllowed):
            transition(request, S.APPROVED)
    assert set(PERSON_LABELS) == set(S.values)


def test_one_pending_request_per_person_is_a_database_rule(aino):
    from django.db import IntegrityError, transaction

    ErasureRequest.objects.create(user=aino.user)
    with pytest.raises(IntegrityError), transaction.atomic():
        ErasureRequest.objects.create(user=aino.user)
    ErasureRequest.objects.create(user=aino.user, state="refused")  # decided ones may be many


def test_the_staff_list_costs_a_fixed_number_of_queries(aino, officer, officer_client, django_assert_max_num_queries):
    User = get_user_model()
    for index in range(15):
        user = User.objects.create_user(email=f"person{index}@example.org", password=None, full_name=f"Person {index}")
        request = services.request_erasure(user=user, reason="why not")
        if index % 2:
            services.decide_erasure(request=request, approve=False, note="No.", actor=officer)
    with django_assert_max_num_queries(12):
        response = officer_client.get("/staff/privacy/")
    assert response.status_code == 200
    assert leaks(response.content.decode(), AINO_SECRETS) == []
