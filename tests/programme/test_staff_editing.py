"""Staff edit the content in the staff area (/staff/content/, the configured Django admin)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from campus.programme.models import FAQ, ContactMessage, Meetup, Module

CONTENT = ["programme", "edition", "module", "meetup", "partner", "benefit", "faq", "page", "contactmessage"]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(email="manager@example.org", password="a-long-password-1")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("model", CONTENT)
def test_staff_reach_every_content_list_and_edit_form(staff_client, seeded, model):
    response = staff_client.get(f"/staff/content/programme/{model}/")
    assert response.status_code == 200
    if model != "contactmessage":
        assert staff_client.get(f"/staff/content/programme/{model}/add/").status_code == 200


@pytest.mark.django_db
def test_module_edit_form_shows_meetups_in_local_time_and_markdown_help(staff_client, seeded):
    module = Module.objects.get(number=1)
    html = staff_client.get(f"/staff/content/programme/module/{module.pk}/change/").content.decode()
    assert 'value="2020-09-01 09:00:00"' in html  # the opening meetup, Stockholm wall-clock time
    assert "Markdown:" in html


@pytest.mark.django_db
def test_editing_a_faq_changes_the_public_page(staff_client, client, seeded):
    client.get("/admission/")  # cached
    faq = FAQ.objects.get(question="Will there be an interview?")
    response = staff_client.post(
        f"/staff/content/programme/faq/{faq.pk}/change/",
        {"programme": faq.programme_id, "category": "Admission", "question": "Is there an interview?",
         "answer": "Some applicants are interviewed by the project team.", "is_published": "on", "order": 2},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get("/admission/").content.decode()
    assert "Is there an interview?" in html and "Will there be an interview?" not in html


@pytest.mark.django_db
def test_editing_a_meetup_in_its_own_zone_reaches_pages_and_feeds(staff_client, client, seeded):
    meetup = Meetup.objects.get(module__number=3, kind="opening")
    client.get("/modules/3/")
    response = staff_client.post(
        f"/staff/content/programme/meetup/{meetup.pk}/change/",
        {"kind": "opening", "title": meetup.title, "local_start": "2021-03-16 10:00", "local_end": "2021-03-17 14:00",
         "timezone": "Europe/Vilnius", "venue": "KTU Santaka Valley", "city": "Kaunas", "country": "LT", "description": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    meetup.refresh_from_db()
    assert meetup.starts_at == datetime(2021, 3, 16, 10, tzinfo=ZoneInfo("Europe/Vilnius"))
    assert "Tue 16 Mar 2021, 10:00 – Wed 17 Mar, 14:00 EET" in client.get("/modules/3/").content.decode()
    assert "KTU Santaka Valley" in client.get("/modules/3/schedule.ics").content.decode()


@pytest.mark.django_db
def test_a_meetup_that_ends_before_it_starts_is_refused_with_a_message(staff_client, seeded):
    meetup = Meetup.objects.get(module__number=3, kind="opening")
    response = staff_client.post(
        f"/staff/content/programme/meetup/{meetup.pk}/change/",
        {"kind": "opening", "title": meetup.title, "local_start": "2021-03-16 10:00", "local_end": "2021-03-15 14:00",
         "timezone": "Europe/Vilnius", "city": "Kaunas", "country": "LT"},
    )
    assert response.status_code == 200
    assert "The meetup must end after it starts." in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_time_zone_is_refused(staff_client, seeded):
    meetup = Meetup.objects.get(module__number=3, kind="opening")
    response = staff_client.post(
        f"/staff/content/programme/meetup/{meetup.pk}/change/",
        {"kind": "opening", "title": meetup.title, "local_start": "2021-03-16 10:00", "local_end": "2021-03-17 14:00",
         "timezone": "Mars/Olympus_Mons", "city": "Kaunas", "country": "LT"},
    )
    assert response.status_code == 200
    assert "is not a time zone name" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "not_staff"])
def test_contact_messages_and_content_stay_with_staff(client, seeded, django_user_model, who):
    message = ContactMessage.objects.create(
        programme=seeded.programme, name="Secret Sender", email="secret@example.org", topic="other", message="private words"
    )
    if who == "not_staff":
        user = django_user_model.objects.create_user(email="applicant@example.org", password="pw-123456789x")
        client.force_login(user)
    for url in ("/staff/content/programme/contactmessage/", f"/staff/content/programme/contactmessage/{message.pk}/change/",
                "/staff/content/programme/module/", "/staff/content/core/activitylog/"):
        response = client.get(url)
        assert response.status_code == 302 and "/staff/content/login/" in response["Location"], url
        assert b"secret@example.org" not in response.content and b"private words" not in response.content
    assert b"Secret Sender" not in client.get("/").content


@pytest.mark.django_db
def test_staff_without_permission_see_no_contact_messages(client, seeded, django_user_model):
    ContactMessage.objects.create(programme=seeded.programme, name="Secret Sender", email="secret@example.org", topic="other", message="private words")
    editor = django_user_model.objects.create_user(email="editor@example.org", password="pw-123456789x", is_staff=True)
    client.force_login(editor)
    response = client.get("/staff/content/programme/contactmessage/")
    assert response.status_code == 403
    assert b"secret@example.org" not in response.content


@pytest.mark.django_db
def test_programme_team_members_edit_content_and_read_messages(client, seeded, django_user_model):
    from django.contrib.auth.models import Group

    ContactMessage.objects.create(programme=seeded.programme, name="Visible Sender", email="v@example.org", topic="other", message="hello team")
    member = django_user_model.objects.create_user(email="team@example.org", password="pw-123456789x", is_staff=True)
    member.groups.add(Group.objects.get(name="Programme team"))
    client.force_login(member)
    assert client.get("/staff/content/programme/module/").status_code == 200
    assert b"Visible Sender" in client.get("/staff/content/programme/contactmessage/").content
    assert client.get("/staff/content/accounts/user/").status_code == 403  # accounts stay with superusers
