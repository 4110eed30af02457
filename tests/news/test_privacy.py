"""The news app's privacy handler: subject access finds the subscriptions of a person's confirmed addresses (never
by an unconfirmed one), erasure deletes them, an address alone is found; unconfirmed sign-ups are purged by the
privacy retention run too."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from campus.core.plugins.privacy import Person, Subject, handlers
from campus.news import tokens
from campus.news.models import Subscriber, Subscription

pytestmark = pytest.mark.django_db


def handler():
    return next(h for h in handlers() if h.key == "news")


def subscribe(email, news_list, *, confirmed=True, name="Ada"):
    subscriber = Subscriber.objects.create(email=email, name=name, secret=tokens.new_secret(),
                                           consent_text="We use your address only ...")
    Subscription.objects.create(subscriber=subscriber, news_list=news_list,
                                confirmed_at=timezone.now() if confirmed else None)
    return subscriber


def test_export_by_confirmed_address_and_erasure(lists, django_user_model):
    user = django_user_model.objects.create_user(email="ada@example.org", password="a-long-password-1")
    EmailAddress.objects.create(user=user, email="ada@example.org", verified=True, primary=True)
    mine = subscribe("ada@example.org", lists["forum"])
    subscribe("ada.other@example.org", lists["forum"], name="Someone else")
    person = Person(subject=Subject(user=user, emails=["ada@example.org"]))
    data, files = handler().export(person)
    assert files == [] and [s["email"] for s in data["news"]] == ["ada@example.org"]
    assert data["news"][0]["lists"][0]["list"] == "The forum" and data["news"][0]["lists"][0]["confirmed_at"]
    assert data["news"][0]["consent"].startswith("We use your address")
    assert handler().export(Person(subject=Subject(user=user, emails=[], unconfirmed=["ada@example.org"])))[0] == {
        "news": []}
    assert handler().holds_address("ADA@example.org") and not handler().holds_address("nobody@example.org")
    part = handler().plan(person)
    assert [s.pk for s in part] == [mine.pk]
    assert handler().erase(part, person) == {"news_addresses": 1}
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["ada.other@example.org"]


def test_retention_purge_of_the_handler_deletes_unconfirmed_sign_ups(lists):
    old = subscribe("old@example.org", lists["forum"], confirmed=False)
    Subscriber.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    Subscription.objects.update(created_at=timezone.now() - timedelta(days=8))
    subscribe("kept@example.org", lists["forum"])
    dry = handler().purge(now=timezone.now(), dry_run=True, months_of=None, retained={})
    assert dry == {"news_pending_lists": 1, "news_addresses": 1} and Subscriber.objects.count() == 2
    counts = handler().purge(now=timezone.now(), dry_run=False, months_of=None, retained={})
    assert counts == {"news_pending_lists": 1, "news_addresses": 1}
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["kept@example.org"]
