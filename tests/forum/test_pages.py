"""The public pages: the events, an event's page (dates in its zone, agenda, seats, the register button while
the window is open), its .ics (parsed back), the registration form (guest and signed in) and the registrant's
token pages (a GET never changes anything; the POST does)."""

from datetime import datetime, timedelta

import icalendar
import pytest
from django.utils import timezone

from campus.communications.models import OutboxMessage
from campus.forum.models import AgendaSession, Event, Registration

from .conftest import guest, make_event, make_user

pytestmark = pytest.mark.django_db
R = Registration.State


def form_data(**extra):
    return {"name": "Gina Guest", "email": "gina@example.org", "organisation": "Cluster Oy", "country": "FI",
            "role": "Manager", "dietary_needs": "", "accessibility_needs": "", **extra}


def test_the_seed_forum_is_a_past_event_with_its_page(client, seeded):
    event = Event.objects.get(slug="forum-2022")
    assert (event.title, event.region, event.city, str(event.starts_on), str(event.ends_on), event.timezone) == (
        "Cluster Education Forum 2022", "Baltic Sea Region", "Vaasa", "2022-06-20", "2022-06-21", "Europe/Helsinki")
    assert event.edition == seeded and not event.sessions.exists()
    listing = client.get("/forum/").content.decode()
    assert "Past events" in listing and "Cluster Education Forum 2022" in listing and "20–21 June 2022" in listing
    page = client.get("/forum/forum-2022/").content.decode()
    assert "Registration is closed." in page and "Vaasa, Finland" in page and "/forum/forum-2022/register/" not in page
    assert client.get("/forum/forum-2022/register/").status_code == 200  # says closed, no form
    assert "Registration is closed" in client.get("/forum/forum-2022/register/").content.decode()
    # over, with no agenda: it does not promise one
    assert "No agenda was published for this event." in page and "will be published" not in page


def test_an_upcoming_event_without_sessions_says_its_agenda_will_come(client, seeded):
    make_event(seeded, slug="forum-next")
    page = client.get("/forum/forum-next/").content.decode()
    assert "The agenda will be published here." in page and "No agenda was published" not in page


def test_the_static_page_of_the_seed_gives_way_to_the_event(client, seeded):
    response = client.get("/forum-2022/")
    assert response.status_code == 302 and response["Location"] == "/forum/forum-2022/"
    event = Event.objects.get(slug="forum-2022")
    event.published = False
    event.save()  # the content editor's save: moves the content version, under which the footer link is kept
    assert client.get("/forum-2022/").status_code == 200  # unpublished: the static page again


def test_an_open_event_shows_seats_agenda_in_its_zone_and_the_register_button(client, event):
    start = datetime(2030, 6, 20, 9, 0, tzinfo=event.zone)
    AgendaSession.objects.create(event=event, starts_at=start, ends_at=start + timedelta(hours=1),
                                 title="Opening", room="Hall A", speakers="Aino Virtanen")
    guest(event, "one@example.org")
    page = client.get(f"/forum/{event.slug}/").content.decode()
    assert "2 of 3 seats left." in page and f'href="/forum/{event.slug}/register/"' in page
    assert "09:00" in page and "10:00" in page and "Hall A" in page and "Aino Virtanen" in page
    assert "Europe/Helsinki" in page and "Upcoming" in client.get("/forum/").content.decode()


def test_a_full_event_offers_the_waitlist(client, full_event):
    page = client.get("/forum/full/").content.decode()
    assert "Every seat is taken" in page and "2 waiting" in page and "Join the waitlist" in page


def test_unpublished_events_are_not_shown(client, seeded):
    make_event(seeded, slug="hidden", published=False)
    assert client.get("/forum/hidden/").status_code == 404
    assert client.get("/forum/hidden/event.ics").status_code == 404
    assert client.get("/forum/hidden/register/").status_code == 404
    assert "/forum/hidden/" not in client.get("/forum/").content.decode()


def test_the_ics_parses_back_with_the_zone_and_the_sessions(client, event):
    start = datetime(2030, 6, 20, 9, 30, tzinfo=event.zone)
    AgendaSession.objects.create(event=event, starts_at=start, ends_at=start + timedelta(minutes=45), title="Talk")
    response = client.get(f"/forum/{event.slug}/event.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Helsinki"
    whole, talk = calendar.walk("VEVENT")
    assert whole["DTSTART"].dt == event.starts_on and whole["DTEND"].dt == event.ends_on + timedelta(days=1)
    assert str(whole["SUMMARY"]) == event.title and "Vaasa" in str(whole["LOCATION"])
    assert talk["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert talk["DTSTART"].dt.hour == 9 and talk["DTSTART"].dt.minute == 30
    assert talk["DTSTART"].dt.utcoffset() == timedelta(hours=3)


def test_the_seed_ics_has_its_vtimezone_without_sessions(client, seeded):
    calendar = icalendar.Calendar.from_ical(client.get("/forum/forum-2022/event.ics").content)
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    assert len(calendar.walk("VEVENT")) == 1


def test_a_guest_registers_confirms_by_a_button_and_cancels_by_a_button(client, event):
    response = client.post(f"/forum/{event.slug}/register/", form_data())
    assert response.status_code == 302 and response["Location"] == f"/forum/{event.slug}/register/check-your-mail/"
    registration = Registration.objects.get()
    assert registration.state == R.UNCONFIRMED and registration.country == "FI"
    confirm = f"/forum/registration/{registration.token}/confirm/"
    page = client.get(confirm).content.decode()
    assert 'method="post"' in page and "Confirm" in page
    registration.refresh_from_db()
    assert registration.state == R.UNCONFIRMED  # a mail scanner's GET changes nothing
    assert client.post(confirm).status_code == 302
    registration.refresh_from_db()
    assert registration.state == R.CONFIRMED
    overview = client.get(f"/forum/registration/{registration.token}/")
    assert "You have a seat" in overview.content.decode() and "no-store" in overview["Cache-Control"]
    cancel = f"/forum/registration/{registration.token}/cancel/"
    client.get(cancel)
    registration.refresh_from_db()
    assert registration.state == R.CONFIRMED
    client.post(cancel)
    registration.refresh_from_db()
    assert registration.state == R.CANCELLED


def test_the_form_keeps_what_was_typed_and_names_the_field_in_error(client, event):
    response = client.post(f"/forum/{event.slug}/register/", form_data(name="", email="not-an-address",
                                                                       dietary_needs="no fish"))
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Please tell us your name." in page and "does not look like an email address" in page
    assert "no fish" in page and "not-an-address" in page and not Registration.objects.exists()


def test_a_signed_in_person_registers_with_the_account(client, event):
    user = make_user("pia@example.org")
    client.force_login(user)
    page = client.get(f"/forum/{event.slug}/register/").content.decode()
    assert "pia@example.org" in page and 'value="Pia Person"' in page
    response = client.post(f"/forum/{event.slug}/register/", form_data(name="Pia P.", email="other@example.org"))
    registration = Registration.objects.get()
    assert response["Location"] == f"/forum/registration/{registration.token}/"
    assert (registration.email, registration.user, registration.state) == ("pia@example.org", user, R.CONFIRMED)
    assert client.get(f"/forum/{event.slug}/register/")["Location"] == response["Location"]
    assert "You are registered." in client.get(f"/forum/{event.slug}/").content.decode()


def test_taking_an_offer_by_the_page(client, full_event):
    services_cancel(Registration.objects.get(email="anna@example.org"))
    cara = Registration.objects.get(email="cara@example.org")
    accept = f"/forum/registration/{cara.token}/accept/"
    assert "Take the seat" in client.get(accept).content.decode()
    client.post(accept)
    cara.refresh_from_db()
    assert cara.state == R.CONFIRMED
    refused = client.post(f"/forum/registration/{Registration.objects.get(email='dan@example.org').token}/accept/")
    assert refused.status_code == 200 and "no seat offered" in refused.content.decode()


def services_cancel(registration):
    from campus.forum import services

    services.cancel(registration=registration)


def test_unknown_or_erased_tokens_open_nothing(client, event):
    registration = guest(event, "gone@example.org")
    assert client.get("/forum/registration/nope/").status_code == 404
    assert client.get(f"/forum/registration/{'x' * 500}/cancel/").status_code == 404
    from campus.forum import services

    old = registration.token
    services.anonymise(registrations=[registration])
    assert client.get(f"/forum/registration/{old}/").status_code == 404


def test_the_event_page_costs_a_fixed_number_of_queries(client, event, django_assert_num_queries):
    for i in range(4):
        start = datetime(2030, 6, 20, 9 + i, 0, tzinfo=event.zone)
        AgendaSession.objects.create(event=event, starts_at=start, ends_at=start + timedelta(minutes=30), title=f"S{i}")
    for i in range(3):
        guest(event, f"p{i}@example.org")
    client.get(f"/forum/{event.slug}/")
    # event, sessions, seats; the layout: content version (programme, footer pages and the forum link are kept
    # per content version, core/content_memo.py; the request above built them)
    with django_assert_num_queries(4):
        client.get(f"/forum/{event.slug}/")
    assert OutboxMessage.objects.filter(event="forum_registered").count() == 3


def test_an_account_that_never_confirmed_its_address_never_sees_a_guest_registration_of_it(client, event):
    theirs = guest(event, "shared@example.org", name="Real Owner")
    squatter = make_user("shared@example.org", given="Squat", confirmed=False)
    client.force_login(squatter)
    assert theirs.token not in client.get(f"/forum/{event.slug}/").content.decode()
    page = client.get(f"/forum/{event.slug}/register/")
    assert page.status_code == 200 and "Real Owner" not in page.content.decode()
    response = client.post(f"/forum/{event.slug}/register/", form_data(name="Squat"))
    assert response["Location"] == f"/forum/{event.slug}/register/check-your-mail/"
    assert theirs.token not in response["Location"] and Registration.objects.count() == 1
    # the owner gets their links by mail; the squatter learns nothing
    assert OutboxMessage.objects.filter(event="forum_your_links", to_email="shared@example.org").count() == 1


def test_an_account_that_confirmed_its_address_finds_its_guest_registration(client, event):
    theirs = guest(event, "owner@example.org", name="Owner")
    client.force_login(make_user("owner@example.org"))
    assert f"/forum/registration/{theirs.token}/" in client.get(f"/forum/{event.slug}/").content.decode()
