"""Staff edit the call (its window in its own time zone, its questions) in the content editor."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from campus.applications.models import Call, Question


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser(email="m@example.org", password="pw-1234567890"))
    return client


@pytest.mark.django_db
def test_call_window_is_edited_in_the_calls_zone_and_moves_the_published_deadline(staff_client, client, seeded):
    call = Call.objects.get(edition=seeded)
    page = staff_client.get(f"/staff/content/applications/call/{call.pk}/change/").content.decode()
    assert 'value="2020-05-01 00:00:00"' in page  # closes at midnight, Stockholm time
    data = {
        "edition": seeded.pk, "title": call.title, "local_start": "2020-03-01 00:00", "local_end": "2020-05-16 00:00",
        "timezone": "Europe/Stockholm", "reference_prefix": "BSR20", "motivation_word_limit": 400, "privacy_version": "1.0",
        "questions-TOTAL_FORMS": 0, "questions-INITIAL_FORMS": 0,
    }
    response = staff_client.post(f"/staff/content/applications/call/{call.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    call.refresh_from_db()
    assert call.closes_at == datetime(2020, 5, 16, tzinfo=ZoneInfo("Europe/Stockholm"))
    seeded.refresh_from_db()
    assert seeded.application_deadline == date(2020, 5, 15)
    assert "15 May 2020" in client.get("/admission/").content.decode()
    assert Question.objects.filter(call=call).count() == 21  # the questions were left alone


@pytest.mark.django_db
def test_a_call_that_closes_before_it_opens_is_refused(staff_client, seeded):
    call = Call.objects.get(edition=seeded)
    data = {
        "edition": seeded.pk, "title": call.title, "local_start": "2020-05-01 00:00", "local_end": "2020-03-01 00:00",
        "timezone": "Europe/Stockholm", "reference_prefix": "BSR20", "motivation_word_limit": 400, "privacy_version": "1.0",
        "questions-TOTAL_FORMS": 0, "questions-INITIAL_FORMS": 0,
    }
    response = staff_client.post(f"/staff/content/applications/call/{call.pk}/change/", data)
    assert response.status_code == 200
    assert "The call must end after it starts." in response.content.decode()
