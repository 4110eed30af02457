"""Ids outside the 64-bit signed range (issue 9, finding 7): refused at the field or matching nothing, never a
server error (SQLite's driver raised OverflowError for them). The fuzzing of every form and URL with such ids is
in test_fuzz.py (``test_huge_ids_in_every_form_and_url``); these pin the five places the issue names."""

import pytest

from campus.programme.models import ContactMessage

from .conftest import client_for
from .http import body

pytestmark = pytest.mark.django_db

HUGE = [str(2**63), str(-(2**63) - 1), str(10**30)]
ADMIN = "/staff/content/programme/contactmessage/"


@pytest.fixture
def manager(world):
    return client_for(world, "manager")


@pytest.mark.parametrize("huge", HUGE)
def test_assigning_reviewers_refuses_a_huge_application_id_at_the_field(world, manager, huge):
    response = manager.post(f"/staff/review/calls/{world.values['call']}/assignments/",
                            {"applications": [str(world.application.pk), huge],
                             "reviewers": [str(world.user("reviewer").pk)]})
    assert response.status_code == 200  # the page with its form and messages, 200 (as every refused form here)
    page = body(response).decode()
    assert "is not one of the choices (no id is that large)." in page and 'class="field__error"' in page


@pytest.mark.parametrize("huge", HUGE)
def test_a_huge_panel_member_is_refused_on_the_new_slots_form(world, manager, huge):
    response = manager.post(f"/staff/interviews/calls/{world.values['call']}/slots/new/", {
        "local_start": "2099-01-05 10:00", "length": "30", "count": "1", "gap": "0",
        "timezone": "Europe/Riga", "place": "Riga", "panel": huge})
    assert response.status_code == 200
    assert "is not one of the choices (no id is that large)." in body(response).decode()


@pytest.mark.parametrize("huge", HUGE)
def test_inviting_a_huge_application_id_says_so(world, manager, huge):
    response = manager.post("/staff/interviews/invite/", {"application": huge}, follow=True)
    assert response.status_code == 200
    assert f"“{huge}” is not the id of an application." in body(response).decode()


@pytest.mark.parametrize("huge", HUGE)
def test_the_admin_filters_and_actions_take_huge_ids(world, huge):
    superuser = client_for(world, "superuser")
    contact = ContactMessage.objects.order_by("pk").first()
    assert superuser.get(ADMIN, {"id__in": huge}).status_code == 200
    listed = superuser.get(ADMIN, {"id__in": f"{contact.pk},{huge}"})
    assert listed.status_code == 200 and f"{ADMIN}{contact.pk}/change/" in body(listed).decode()
    response = superuser.post(ADMIN, {"action": "delete_selected", "_selected_action": [huge]})
    assert response.status_code in (200, 302)
    assert ContactMessage.objects.exists()  # nothing was deleted


@pytest.mark.parametrize("huge", HUGE)
def test_sending_huge_outbox_ids_sends_nothing(world, manager, huge):
    response = manager.post("/staff/outbox/send/", {"message": [huge, "²"]}, follow=True)
    assert response.status_code == 200
    assert "Choose at least one draft to send." in body(response).decode()


def test_an_id_list_keeps_what_matches_and_drops_what_cannot(world):
    contact = ContactMessage.objects.order_by("pk").first()
    found = ContactMessage.objects.filter(pk__in=[contact.pk, 2**63, -(2**63) - 1, 10**30])
    assert list(found) == [contact]
    assert not ContactMessage.objects.filter(pk__in=[2**63]).exists()
