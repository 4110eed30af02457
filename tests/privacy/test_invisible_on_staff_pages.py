"""The privacy team sees a right-to-left override in a person's name as a visible marker on the list of
requests and on the approval page (issue 9, quality bar); the name stays stored as typed."""

import pytest
from django.contrib.auth import get_user_model

from campus.privacy.models import ErasureRequest

from .conftest import PASSWORD, signed_in

pytestmark = pytest.mark.django_db

NAME = "Anna\u202eenoJ"
MARKER = '<span aria-hidden="true">⟨U+202E⟩</span>'


def test_an_override_in_a_requesters_name_is_shown_as_a_marker(officer_client):
    user = get_user_model().objects.create_user(email="anna@example.fi", password=PASSWORD, full_name=NAME)
    assert signed_in(user).post("/my-data/erase/", {"reason": "bye\u200b", "confirm": "on"}).status_code == 302
    request = ErasureRequest.objects.get(user=user)
    listing = officer_client.get("/staff/privacy/").content.decode()
    page = officer_client.get(f"/staff/privacy/erasure/{request.pk}/").content.decode()
    for html in (listing, page):
        assert MARKER in html
        assert NAME not in html  # never the raw override, which would turn the rest of the line around
    assert "⟨U+200B⟩" in page  # in the reason too
    user.refresh_from_db()
    assert user.full_name == NAME


def test_the_plan_counts_what_it_lists(officer_client):
    """Each kind's heading gives the number of rows it changes, and a kind shown by numbers lists no zeros."""
    user = get_user_model().objects.create_user(email="anna@example.fi", password=PASSWORD, full_name="Anna Jones")
    assert signed_in(user).post("/my-data/erase/", {"reason": "", "confirm": "on"}).status_code == 302
    request = ErasureRequest.objects.get(user=user)
    page = officer_client.get(f"/staff/privacy/erasure/{request.pk}/").content.decode()
    assert "Sessions (1)" in page and "1 session of their account" in page
    assert "Background tasks (0)" in page and "0 tasks" not in page
    assert "0 entries" not in page and "1 entries" not in page
