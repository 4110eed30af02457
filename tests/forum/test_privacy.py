"""The forum's privacy handler and retention: a person's registrations are found by account or by a confirmed
address (never a registration someone else typed with their address and never confirmed, never another's);
the erasure anonymises through the services (the seat goes on); retention deletes, clears and anonymises."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campus.core.plugins.privacy import Person, Subject
from campus.forum import services
from campus.forum.models import Registration
from campus.forum.privacy_handler import ForumHandler

from .conftest import DETAILS, guest, make_event, make_user

pytestmark = pytest.mark.django_db
R = Registration.State


def person(user=None, emails=()):
    found = Person(subject=Subject(user=user, emails=list(emails)))
    ForumHandler().prepare(found)
    return found


def test_export_finds_the_account_and_confirmed_addresses_only(event, seeded):
    user = make_user("pia@example.org")
    services.register(event=event, email="", user=user, details={**DETAILS, "name": "Pia Person"})
    other_event = make_event(seeded, slug="other")
    guest(other_event, "pia.work@example.org", name="Pia at work")
    guest(make_event(seeded, slug="third"), "pia.work@example.org", name="Typed by someone", confirm=False)
    guest(event, "stranger@example.org", name="Stranger")
    handler = ForumHandler()
    found = person(user, ["pia@example.org", "pia.work@example.org"])
    data, files = handler.export(found)
    assert sorted(r["name"] for r in data["forum_registrations"]) == ["Pia Person", "Pia at work"]
    assert files == [] and "Stranger" not in str(data)
    assert handler.summary(found.subject) == {"forum_registrations": 2}
    assert handler.holds_address("pia.work@example.org") and not handler.holds_address("nobody@example.org")
    # a guest who only knows an address that was never confirmed finds nothing
    assert handler.export(person(None, ["typed@example.org"]))[0] == {"forum_registrations": []}


def test_erasure_anonymises_and_the_seat_goes_to_the_next(full_event):
    handler = ForumHandler()
    anna = person(None, ["anna@example.org"])
    part = handler.plan(anna)
    assert [s.title for s in handler.describe(part, anna)] == ["Forum registrations"]
    assert handler.erase(part, anna) == {"forum_registrations": 1}
    erased = Registration.objects.get(pk=part[0].pk)
    assert (erased.name, erased.email, erased.organisation, erased.dietary_needs, erased.state) == (
        "", "", "", "", R.CANCELLED)
    assert erased.anonymised_at and erased.token != part[0].token
    assert Registration.objects.get(email="cara@example.org").state == R.OFFERED
    assert person(None, ["anna@example.org"]).facts["forum_registrations"] == []


def test_retention_deletes_unconfirmed_after_a_week_clears_needs_then_anonymises(seeded):
    today = timezone.localdate()
    recent = make_event(seeded, slug="recent")
    stale = guest(recent, "stale@example.org", confirm=False)
    fresh = guest(recent, "fresh@example.org", confirm=False)
    kept = guest(recent, "kept@example.org")
    Registration.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert services.delete_unconfirmed(dry_run=True) == 1
    assert services.delete_unconfirmed() == 1
    assert set(Registration.objects.values_list("pk", flat=True)) == {fresh.pk, kept.pk}

    past = make_event(seeded, slug="past-two", starts_on=today - timedelta(days=60), ends_on=today - timedelta(days=59))
    older = make_event(seeded, slug="past-seven", starts_on=today - timedelta(days=220),
                       ends_on=today - timedelta(days=219))
    at_past = Registration.objects.create(event=past, name="Two", email="two@example.org", state=R.CONFIRMED,
                                          dietary_needs="vegan", accessibility_needs="ramp")
    at_older = Registration.objects.create(event=older, name="Seven", email="seven@example.org", state=R.CONFIRMED)
    expected = {"forum_unconfirmed_deleted": 0, "forum_needs_cleared": 1, "forum_registrations_anonymised": 1}
    assert services.purge_expired(dry_run=True) == expected
    assert Registration.objects.get(pk=at_past.pk).dietary_needs == "vegan"  # a dry run changes nothing
    assert services.purge_expired() == expected
    at_past.refresh_from_db()
    at_older.refresh_from_db()
    assert (at_past.name, at_past.dietary_needs, at_past.accessibility_needs) == ("Two", "", "")
    assert (at_older.name, at_older.email, at_older.state) == ("", "", R.CONFIRMED)  # the count stays true
    assert Registration.objects.get(pk=kept.pk).name == "Kept"
    assert services.purge_expired() == {"forum_unconfirmed_deleted": 0, "forum_needs_cleared": 0,
                                        "forum_registrations_anonymised": 0}
