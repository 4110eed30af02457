"""A name typed with a right-to-left override (or zero-width characters) is stored as typed, and staff see
the characters as visible markers in the list, the detail page and the answers (issue 9, quality bar)."""

import re

import pytest

from campus.applications import selectors
from campus.applications.models import Application

from .conftest import GOOD_ANSWERS
from .staff_factories import manager, manager_client, media  # noqa: F401  (fixtures)

FIRST = "Anna\u202eenoJ"  # shows as "AnnaJone" reversed in a browser without the marker
ORGANISATION = "Skåne\u200bFood"  # looks like "SkåneFood", is not the same string
MARKER = '<span aria-hidden="true">⟨U+202E⟩</span>'


@pytest.fixture
def typed(client, call, media):  # noqa: F811
    """An applicant types the name and organisation through the real step form."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(email="anna@example.fi", password=None)
    client.force_login(user)
    assert client.post("/apply/begin/").status_code == 302
    about = {**GOOD_ANSWERS["about"], "first_name": FIRST, "organisation": ORGANISATION}
    assert client.post("/apply/step/about/", about).status_code == 302
    client.logout()
    return Application.objects.get()


@pytest.mark.django_db
def test_the_name_is_stored_as_typed(typed):
    answers = selectors.answers_of(typed)
    assert answers["first_name"] == FIRST and answers["organisation"] == ORGANISATION
    assert typed.full_name.startswith(FIRST) and typed.organisation == ORGANISATION


@pytest.mark.django_db
def test_staff_see_the_invisible_characters_in_the_list(typed, manager_client):  # noqa: F811
    page = manager_client.get(f"/staff/applications/?call={typed.call_id}").content.decode()
    assert "\u202e" not in page and "\u200b" not in page
    assert f"Anna{MARKER}" in page.replace('<span class="invisible-char" title="Invisible character typed here: '
                                           'right-to-left override (U+202E)">', "")
    assert "⟨U+200B⟩" in page
    assert "[invisible character: right-to-left override, U+202E]" in page  # for screen readers


@pytest.mark.django_db
def test_staff_see_them_on_the_detail_page_title_heading_and_answers(typed, manager_client):  # noqa: F811
    page = manager_client.get(f"/staff/applications/{typed.pk}/").content.decode()
    assert "\u202e" not in page and "\u200b" not in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "⟨U+202E⟩" in title
    heading = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    assert MARKER in heading and heading.startswith("Anna<span")
    assert page.count("⟨U+200B⟩") >= 2  # the organisation in the summary and in the answers


@pytest.mark.django_db
def test_every_staff_page_that_names_the_applicant_shows_the_marker(
    call, media, client, django_user_model, django_capture_on_commit_callbacks  # noqa: F811
):
    from .staff_factories import make_application

    client.force_login(django_user_model.objects.create_superuser(email="root@example.org", password="x-long-pass-1"))

    with django_capture_on_commit_callbacks(execute=True):
        application = make_application(call, email="anna@example.fi", first_name=FIRST, organisation=ORGANISATION)
    pages = [
        f"/staff/review/calls/{call.pk}/assignments/",
        f"/staff/review/calls/{call.pk}/needs-reviews/",
        f"/staff/review/applications/{application.pk}/",
        f"/staff/admissions/{call.pk}/",
        f"/staff/admissions/{call.pk}/assistant/",
        "/staff/outbox/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "\u202e" not in page, url
        assert "⟨U+202E⟩" in page, url
