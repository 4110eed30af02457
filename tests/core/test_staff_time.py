"""One rule for times on staff pages: the call's own zone, labelled (``{{ moment|in_call_zone:call }}``), on
the applications list, the ranking board and the admissions home, the outbox list and the application page."""

from datetime import UTC, datetime, timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone

from campus.admissions.models import AdmissionSettings
from campus.applications.models import Application
from campus.communications.models import OutboxMessage
from campus.team.models import Role
from tests.admissions.conftest import bulk_applications
from tests.applications.conftest import call  # noqa: F401  (a fixture)
from tests.review.conftest import member

pytestmark = pytest.mark.django_db
SUMMER = datetime(2020, 6, 3, 11, 0, tzinfo=UTC)  # 14:00 in Helsinki (EEST), 13:00 in Stockholm (CEST)
WINTER = datetime(2020, 12, 3, 11, 0, tzinfo=UTC)  # 13:00 in Helsinki (EET)


def render(moment, where):
    return Template("{% load staff_time %}{{ moment|in_call_zone:where }}").render(
        Context({"moment": moment, "where": where}))


class Where:
    timezone = "Europe/Helsinki"


def test_the_filter_shows_the_zone_it_converts_to():
    assert render(SUMMER, Where()) == '<time datetime="2020-06-03T11:00:00Z">3 Jun 2020, 14:00 EEST</time>'
    assert render(WINTER, "Europe/Helsinki") == '<time datetime="2020-12-03T11:00:00Z">3 Dec 2020, 13:00 EET</time>'
    assert render(SUMMER, None) == '<time datetime="2020-06-03T11:00:00Z">3 Jun 2020, 11:00 UTC</time>'
    assert render(None, Where()) == "–"


@pytest.fixture
def helsinki(call):
    call.timezone = "Europe/Helsinki"
    call.save(update_fields=["timezone"])
    return call


def test_the_staff_lists_show_times_in_the_calls_zone_labelled(client, helsinki):
    manager = member(helsinki.edition, "max.manager@example.org", Role.MANAGER)
    manager.is_superuser = True  # reads applications too
    manager.save()
    application = bulk_applications(helsinki, 1)[0]
    Application.objects.filter(pk=application.pk).update(submitted_at=SUMMER)
    AdmissionSettings.objects.update_or_create(call=helsinki, defaults={"released_at": WINTER})
    message = OutboxMessage.objects.create(edition=helsinki.edition, event="offer", to_email="p@example.org",
                                           subject="S", body="B", dedupe_key="time-test")
    OutboxMessage.objects.filter(pk=message.pk).update(updated_at=SUMMER)
    client.force_login(manager)
    pages = {
        "applications": f"/staff/applications/?call={helsinki.pk}",
        "application": f"/staff/applications/{application.pk}/",
        "board": f"/staff/admissions/{helsinki.pk}/",
        "admissions": "/staff/admissions/",
        "outbox": "/staff/outbox/",
    }
    html = {name: client.get(url).content.decode() for name, url in pages.items()}
    for name in ("applications", "application", "outbox"):
        assert '<time datetime="2020-06-03T11:00:00Z">3 Jun 2020, 14:00 EEST</time>' in html[name], name
    for name in ("board", "admissions"):
        assert "3 Dec 2020, 13:00 EET" in html[name], name


def test_a_message_without_an_edition_is_shown_in_utc_labelled(client, helsinki, django_user_model):
    root = django_user_model.objects.create_superuser(email="root@example.org", password="a-long-password-1")
    message = OutboxMessage.objects.create(edition=None, event="offer", to_email="p@example.org", subject="S",
                                           body="B", dedupe_key="time-test-none")
    OutboxMessage.objects.filter(pk=message.pk).update(updated_at=SUMMER + timedelta(hours=1))
    client.force_login(root)
    assert "3 Jun 2020, 12:00 UTC" in client.get("/staff/outbox/").content.decode()
