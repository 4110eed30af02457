"""The editions pages: who may open them (a reviewer, a module lead or a manager of another edition may not), the
clone form keeps what was typed, the preview writes nothing, "Create the draft" twice makes one edition, publish."""

from datetime import date

import pytest

from campus.core.plugins import clone
from campus.programme.models import Edition
from campus.team.models import Role, TeamMembership

from .conftest import person

ALL = [part.key for part in clone.parts()]


def form_data(source, **changes):
    data = {"source": source.pk, "parts": ALL, "name": "2027–2028", "slug": "2027-2028", "shift_by": "weeks",
            "weeks": "365", "start_on": "", "token": "tok-1"}
    data.update(changes)
    return data


@pytest.fixture
def other_manager(seeded):
    """A manager of another edition only (a draft of their own): no rights on the seed edition."""
    other = Edition.objects.create(programme=seeded.programme, name="Other", slug="other", capacity=10,
                                   application_deadline=date(2031, 1, 1), acceptance_letter_on=date(2031, 2, 1),
                                   hours_per_week_min=1, hours_per_week_max=2, published_at=None)
    user = person("olga.other@example.org")
    TeamMembership.objects.create(edition=other, user=user, role=Role.MANAGER)
    return user, other


def test_the_list_and_the_staff_bar(manager_client, seeded):
    page = manager_client.get("/staff/editions/")
    assert page.status_code == 200
    text = page.content.decode()
    assert str(seeded) in text and "Current" in text
    assert 'href="/staff/editions/"' in manager_client.get("/staff/").content.decode()


def test_the_list_query_count_is_fixed(manager_client, seeded, django_assert_num_queries):
    manager_client.get("/staff/editions/")
    with django_assert_num_queries(9):
        manager_client.get("/staff/editions/")
    Edition.objects.create(programme=seeded.programme, name="More", slug="more", capacity=10,
                           application_deadline=date(2031, 1, 1), acceptance_letter_on=date(2031, 2, 1),
                           hours_per_week_min=1, hours_per_week_max=2)
    manager_client.get("/staff/editions/")
    with django_assert_num_queries(10):  # one more: the manager's roles in the other edition (cached per edition)
        manager_client.get("/staff/editions/")


@pytest.mark.parametrize("who", ["reviewer", "lead", "other_manager", "participant"])
def test_people_without_the_right_get_404(client, seeded, other_manager, who):
    if who == "other_manager":
        user, _other = other_manager
    else:
        user = person(f"{who}@example.org", staff=who != "participant")
        if who != "participant":
            TeamMembership.objects.create(edition=seeded, user=user,
                                          role=Role.REVIEWER if who == "reviewer" else Role.MODULE_LEAD)
    client.force_login(user)
    if who != "other_manager":
        assert client.get("/staff/editions/").status_code == 404
    assert client.get(f"/staff/editions/{seeded.pk}/").status_code == 404
    assert client.post(f"/staff/editions/{seeded.pk}/unpublish/").status_code == 404
    if who == "other_manager":  # may open the list and clone their own edition, never the seed's
        page = client.get("/staff/editions/")
        assert str(seeded) not in page.content.decode()
        response = client.post("/staff/editions/clone/create/", form_data(seeded))
        assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert Edition.objects.filter(slug="2027-2028").count() == 0


def test_a_manager_of_another_edition_does_not_see_a_draft(client, seeded, other_manager, manager):
    _user, other = other_manager
    client.force_login(manager)
    assert client.get(f"/staff/editions/{other.pk}/").status_code == 404
    assert "Other" not in client.get("/staff/editions/").content.decode()
    assert client.post(f"/staff/editions/{other.pk}/publish/").status_code == 404


def test_bad_input_keeps_what_was_typed(manager_client, seeded):
    response = manager_client.post("/staff/editions/clone/", form_data(seeded, slug=seeded.slug, weeks="",
                                                                       name="Kept name"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "exists already" in text and "Enter a number of weeks" in text
    assert 'value="Kept name"' in text
    assert "There is a problem" in text


def test_the_preview_writes_nothing_and_create_twice_makes_one(manager_client, seeded, rich):
    count = Edition.objects.count()
    response = manager_client.post("/staff/editions/clone/", form_data(seeded))
    text = response.content.decode()
    assert response.status_code == 200 and "Create the draft" in text
    assert "Europe/Helsinki" in text and "Shared by every edition" in text
    assert Edition.objects.count() == count
    first = manager_client.post("/staff/editions/clone/create/", form_data(seeded))
    second = manager_client.post("/staff/editions/clone/create/", form_data(seeded))
    draft = Edition.objects.get(slug="2027-2028")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"/staff/editions/{draft.pk}/"
    assert Edition.objects.count() == count + 1
    page = manager_client.get(f"/staff/editions/{draft.pk}/")
    assert "Draft" in page.content.decode()


def test_a_new_start_date_becomes_whole_weeks(manager_client, seeded):
    response = manager_client.post("/staff/editions/clone/", form_data(
        seeded, shift_by="start", weeks="", start_on="2027-09-03"))  # a Friday: Module 1 started on a Tuesday
    text = response.content.decode()
    assert "Moved by 365 weeks" in text and "Tue 31 Aug 2027" in text and "whole weeks keep every weekday" in text


def test_publish_from_the_page(manager_client, seeded):
    manager_client.post("/staff/editions/clone/create/", form_data(seeded, parts=["modules"]))
    draft = Edition.objects.get(slug="2027-2028")
    response = manager_client.post(f"/staff/editions/{draft.pk}/publish/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.published_at is not None
    manager_client.post(f"/staff/editions/{draft.pk}/unpublish/")
    draft.refresh_from_db()
    assert draft.published_at is None


def test_publish_is_refused_with_errors(manager_client, seeded):
    manager_client.post("/staff/editions/clone/create/", form_data(seeded, weeks="313", parts=["modules"]))
    draft = Edition.objects.get(slug="2027-2028")
    response = manager_client.post(f"/staff/editions/{draft.pk}/publish/")
    assert response.status_code == 200 and "before publishing" in response.content.decode()
    draft.refresh_from_db()
    assert draft.published_at is None
