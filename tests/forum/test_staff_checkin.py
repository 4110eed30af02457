"""Check-in at the door: search by name (GET), a POST checks in (twice: once), the count, the personal QR code's
page (a GET never checks in; a code of another edition's event or an unknown code: 404), the camera allowed on
the check-in page only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campus.core.activity import ActivityLog
from campus.forum import qr
from campus.forum.services import RegistrationError
from campus.forum.services.staff import check_in

from .staff_world import fill, make_event, make_staff, other_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(seeded):
    return make_event(seeded, capacity=4)


@pytest.fixture
def manager(seeded):
    return make_staff(seeded, "maria.manager@example.org")


def test_search_finds_people_with_a_seat_and_a_post_checks_them_in_once(client, event, manager):
    anna, bert, cara, dan, eva = fill(event)  # eva waits
    client.force_login(manager)
    page = client.get(reverse("staff_forum:checkin", args=[event.pk]), {"q": "ek"})
    assert page.status_code == 200 and "Nobody with a seat matches" in page.content.decode()  # Eva waits
    page = client.get(reverse("staff_forum:checkin", args=[event.pk]), {"q": "aalto"})
    text = page.content.decode()
    assert "Anna Aalto" in text and "Bert Berg" not in text and "<strong data-count=\"in\">0</strong>" in text
    assert "camera=(self)" in page["Permissions-Policy"]
    for _ in range(2):
        response = client.post(reverse("staff_forum:checkin_do", args=[event.pk]),
                               {"registration": anna.pk, "q": "aalto"})
        assert response.status_code == 302
        assert response["Location"] == reverse("staff_forum:checkin", args=[event.pk]) + "?q=aalto"
    anna.refresh_from_db()
    assert anna.checked_in_at is not None and anna.checked_in_by == manager
    assert ActivityLog.objects.filter(action="forum.checked_in").count() == 1
    count = client.get(reverse("staff_forum:checkin_count", args=[event.pk])).json()
    assert count == {"in": 1, "expected": 4}
    client.post(reverse("staff_forum:checkin_do", args=[event.pk]), {"registration": anna.pk, "undo": "1"})
    anna.refresh_from_db()
    assert anna.checked_in_at is None


def test_someone_without_a_seat_is_refused(client, event, manager):
    eva = fill(event)[4]
    with pytest.raises(RegistrationError):
        check_in(registration=eva, actor=manager)
    client.force_login(manager)
    response = client.post(reverse("staff_forum:checkin_do", args=[event.pk]), {"registration": eva.pk}, follow=True)
    assert "Only someone with a seat" in response.content.decode()
    eva.refresh_from_db()
    assert eva.checked_in_at is None


def test_a_registration_of_another_event_cannot_be_checked_in_through_this_one(client, seeded, event, manager):
    other = make_event(seeded, slug="other-event", title="Other event")
    stranger = fill(other)[0]
    client.force_login(manager)
    response = client.post(reverse("staff_forum:checkin_do", args=[event.pk]), {"registration": stranger.pk})
    assert response.status_code == 404


def test_the_qr_code_url_shows_the_person_and_never_checks_in_on_get(client, seeded, event, manager):
    anna = fill(event)[0]
    path = qr.CHECKIN_PATH.format(code=anna.checkin_code)
    assert path == reverse("staff_forum:checkin_code", args=[anna.checkin_code])
    client.force_login(manager)
    page = client.get(path)
    text = page.content.decode()
    assert page.status_code == 200 and "Anna Aalto" in text and "Check in Anna Aalto" in text
    anna.refresh_from_db()
    assert anna.checked_in_at is None
    response = client.post(reverse("staff_forum:checkin_do", args=[event.pk]),
                           {"registration": anna.pk, "from": "code"})
    assert response["Location"] == path
    anna.refresh_from_db()
    assert anna.checked_in_at is not None
    assert client.get("/staff/forum/check-in/code/not-a-code/").status_code == 404
    client.force_login(make_staff(other_edition(seeded), "olli.other@example.org", given="Olli"))
    assert client.get(path).status_code == 404
    client.logout()
    assert client.get(path).status_code == 302


def test_the_count_and_the_search_take_a_fixed_number_of_queries(client, event, manager,
                                                                 django_assert_num_queries):
    event.capacity = 20
    event.save()
    fill(event)
    client.force_login(manager)
    with django_assert_num_queries(5):  # session, user, event, the manager's roles, the count
        client.get(reverse("staff_forum:checkin_count", args=[event.pk]))
    client.get(reverse("staff_forum:checkin", args=[event.pk]), {"q": "a"})  # warm-up: the layout's content memo
    with CaptureQueriesContext(connection) as few:  # the people found, the count, the page's layout
        client.get(reverse("staff_forum:checkin", args=[event.pk]), {"q": "a"})
    fill(event, [(f"Ada {n}", "Org", "FI", "", "") for n in range(8)])
    with django_assert_num_queries(len(few)):
        page = client.get(reverse("staff_forum:checkin", args=[event.pk]), {"q": "a"})
    assert "Ada 7" in page.content.decode()


def test_a_nul_in_the_search_is_dropped_not_a_server_error(client, event, manager):
    fill(event)
    client.force_login(manager)
    page = client.get(reverse("staff_forum:checkin", args=[event.pk]), {"q": "aal\x00to"})
    assert page.status_code == 200 and "Anna Aalto" in page.content.decode()
