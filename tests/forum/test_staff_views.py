"""The forum's staff pages with data that could leak: a manager of another edition never sees an event's
registrations (404 everywhere, absent from the list); filters, search, paging and exports; filters kept after
a POST; messages with a preview and count, queued through the outbox only on the confirming POST; staff offers
in the mode "staff confirms"."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from campus.communications.models import OutboxMessage
from campus.forum.models import Event, Registration
from campus.forum.views.staff import PAGE_SIZE

from .staff_world import PEOPLE, fill, make_event, make_staff, other_edition, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(seeded):
    return make_event(seeded)


@pytest.fixture
def manager(seeded):
    return make_staff(seeded, "maria.manager@example.org")


@pytest.fixture
def stranger(seeded):
    """A manager of another edition of the same programme."""
    return make_staff(other_edition(seeded), "olli.other@example.org", given="Olli")


def url(name, event, *args):
    return reverse(f"staff_forum:{name}", args=[event.pk, *args])


def test_the_events_list_shows_only_the_events_one_runs(client, seeded, event, manager, stranger):
    fill(event)
    lone = make_event(seeded, slug="lone", title="Stand-alone meetup", standalone=True)
    client.force_login(manager)
    text = client.get(reverse("staff_forum:home")).content.decode()
    assert "Cluster Education Forum Test" in text and "Stand-alone meetup" in text
    assert "5 of 10" in text
    client.force_login(stranger)
    text = client.get(reverse("staff_forum:home")).content.decode()
    assert "Cluster Education Forum Test" not in text and "Stand-alone meetup" in text
    assert client.get(reverse("staff_forum:registrations", args=[lone.pk])).status_code == 200


def test_a_manager_of_another_edition_gets_404_on_every_page_of_the_event(client, event, stranger):
    anna = fill(event)[0]
    client.force_login(stranger)
    for name, args in (("registrations", ()), ("export", ("csv",)), ("message", ()), ("badges", ()),
                       ("checkin", ()), ("checkin_count", ())):
        response = client.get(url(name, event, *args))
        assert response.status_code == 404, name
        assert b"Anna Aalto" not in response.content
    for name in ("offer", "checkin_do"):
        assert client.post(url(name, event), {"registration": anna.pk}).status_code == 404
    code = reverse("staff_forum:checkin_code", args=[anna.checkin_code])
    assert client.get(code).status_code == 404
    anna.refresh_from_db()
    assert anna.checked_in_at is None


def test_people_without_the_manager_role_get_404_and_visitors_sign_in(client, seeded, event):
    fill(event)
    client.force_login(make_staff(seeded, "rita.reviewer@example.org", role="reviewer", given="Rita"))
    assert client.get(reverse("staff_forum:home")).status_code == 404
    assert client.get(url("registrations", event)).status_code == 404
    client.logout()
    response = client.get(url("registrations", event))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("query, expected", [
    ({"state": "confirmed"}, {"Anna Aalto", "Bert Berg", "Cara Cole"}),
    ({"state": "waitlisted"}, {"Dan Dahl", "Eva Ek"}),
    ({"country": "NO"}, {"Bert Berg"}),
    ({"needs": "any"}, {"Anna Aalto", "Bert Berg", "Dan Dahl"}),
    ({"needs": "dietary"}, {"Anna Aalto", "Dan Dahl"}),
    ({"needs": "accessibility"}, {"Bert Berg", "Dan Dahl"}),
    ({"q": "cluster"}, {"Anna Aalto", "Cara Cole"}),
    ({"q": "eva"}, {"Eva Ek"}),
    ({"checked_in": "yes"}, {"Anna Aalto"}),
    ({"checked_in": "no", "state": "confirmed"}, {"Bert Berg", "Cara Cole"}),
    ({"state": "nonsense"}, {person[0] for person in PEOPLE}),  # an invalid filter is dropped
])
def test_the_registration_list_filters(client, seeded, manager, query, expected):
    event = make_event(seeded, capacity=3)
    people = fill(event)
    from campus.forum.services.staff import check_in

    check_in(registration=people[0], actor=manager)
    client.force_login(manager)
    response = client.get(url("registrations", event), query)
    assert response.status_code == 200
    rows = {r.name for r in response.context["rows"]}
    assert rows == expected


def test_the_list_pages_in_a_fixed_number_of_queries(client, event, manager, django_assert_num_queries):
    register(event, "Person first", "Org", "FI")
    client.force_login(manager)
    client.get(url("registrations", event))  # warm-up: programme, footer pages, forum link kept per content version
    with CaptureQueriesContext(connection) as few:
        client.get(url("registrations", event))
    for n in range(PAGE_SIZE + 4):
        register(event, f"Person {n:03d}", "Org", "FI")
    with django_assert_num_queries(len(few)):
        first = client.get(url("registrations", event))
    assert len(first.context["rows"]) == PAGE_SIZE and "Next page" in first.content.decode()
    second = client.get(url("registrations", event), {"page": 2})
    assert len(second.context["rows"]) == 5 and len(few) < 20


def test_exports_follow_the_filters_and_neutralise_formulas(client, event, manager):
    fill(event)
    register(event, "=HYPERLINK(\"http://evil\")", "Org", "FI")
    client.force_login(manager)
    response = client.get(url("export", event, "csv"), {"country": "FI"})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0][0] == "Name"
    names = [row[0] for row in table[1:]]
    assert names == ["'=HYPERLINK(\"http://evil\")", "Anna Aalto"]
    assert table[2][6] == "vegetarian"
    book = load_workbook(io.BytesIO(client.get(url("export", event, "xlsx")).content))
    sheet = book.active
    assert sheet.max_row == 7 and sheet["A1"].value == "Name"
    assert client.get(url("export", event, "pdf")).status_code == 404


def test_staff_offer_in_staff_confirms_mode_keeps_the_filters(client, seeded, manager):
    event = make_event(seeded, capacity=2, offer_mode=Event.OfferMode.STAFF)
    anna, bert, cara, dan, eva = fill(event)
    from campus.forum import services

    services.cancel(registration=anna)
    cara.refresh_from_db()
    assert cara.state == "waitlisted"  # staff confirm: the seat waits for staff
    client.force_login(manager)
    page = client.get(url("registrations", event), {"state": "waitlisted"}).content.decode()
    assert "Offer a seat" in page
    response = client.post(url("offer", event), {"registration": cara.pk, "state": "waitlisted", "q": "",
                                                 "country": "XX"})
    assert response.status_code == 302
    assert response["Location"] == url("registrations", event) + "?state=waitlisted"
    cara.refresh_from_db()
    assert cara.state == "offered"
    assert OutboxMessage.objects.filter(event="forum_offer", to_email=cara.email).count() == 1
    # no seat left: refused with a message, nothing changes
    response = client.post(url("offer", event), {"registration": dan.pk}, follow=True)
    assert "No seat is free" in response.content.decode()
    dan.refresh_from_db()
    assert dan.state == "waitlisted"


def test_a_message_is_previewed_and_counted_then_sent_once(client, event, manager, run_tasks,
                                                           django_capture_on_commit_callbacks):
    fill(event)
    client.force_login(manager)
    page = client.get(url("message", event), {"country": "DK"})
    assert page.status_code == 200 and page.context["count"] == 1
    data = {"country": "DK", "subject": "Bring your badge", "body": "See you in Vaasa.\nThe team", "step": "preview"}
    preview = client.post(url("message", event), data)
    text = preview.content.decode()
    assert "Dear Dan Dahl" in text and "See you in Vaasa." in text and "Send to 1 registrant" in text
    assert not OutboxMessage.objects.filter(event="forum_staff_message").exists()
    for _ in range(2):  # a double click queues one message
        with django_capture_on_commit_callbacks(execute=True):
            sent = client.post(url("message", event), {**data, "step": "send"})
        assert sent.status_code == 302 and sent["Location"].endswith("?country=DK")
    message = OutboxMessage.objects.get(event="forum_staff_message")
    assert message.to_email == "dan.dahl@example.org" and message.subject == "Bring your badge"
    assert "See you in Vaasa.\nThe team" in message.body
    run_tasks()
    message.refresh_from_db()
    assert message.state == "sent"


def test_a_message_to_everyone_active_and_an_empty_form(client, event, manager):
    fill(event)
    client.force_login(manager)
    refused = client.post(url("message", event), {"subject": "", "body": "", "step": "send"})
    assert refused.status_code == 200 and "There is a problem" in refused.content.decode()
    client.post(url("message", event), {"subject": "Hello", "body": "News", "step": "send"})
    assert OutboxMessage.objects.filter(event="forum_staff_message").count() == 5
    assert Registration.objects.count() == 5
