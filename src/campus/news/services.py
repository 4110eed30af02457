"""Everything that changes news subscriptions (keyword-only, atomic, logged; mail through the outbox).

- ``sign_up``: an address asks for lists. New lists become pending subscriptions and a confirmation mail goes out
  (at most one per ``RESEND_AFTER`` per address: a second sign-up while unconfirmed re-sends it, later). The
  caller shows the same page whatever happened, so nobody learns whether an address is subscribed.
- ``confirm``: the confirmation page's button; ``unsubscribe`` (one click, RFC 8058) and ``choose_lists``.
- ``write_to_list``: the team's message, one outbox message per confirmed subscriber, each with its own
  unsubscribe link and List-Unsubscribe headers (plugin.py registers the headers provider).
- ``purge_unconfirmed`` (a periodic job) and ``erase`` (the privacy handler).
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from campus.communications import services as outbox
from campus.core import ratelimit
from campus.core.activity import log_activity
from campus.programme.selectors import current_edition, current_programme

from . import tokens
from .mail import CONFIRM_EVENT, MESSAGE_EVENT
from .models import NewsList, NewsMessage, Subscriber, Subscription

RESEND_AFTER = timedelta(minutes=10)
CONFIRM_VALID = timedelta(days=7)  # an unconfirmed sign-up is deleted after this (purge_unconfirmed)


class RateLimited(Exception):
    """Too many sign-ups from one client in an hour."""


def _edition_of(news_list: NewsList | None):
    programme = news_list.programme if news_list is not None and news_list.programme_id else current_programme()
    return current_edition(programme)


def links_of(subscriber: Subscriber) -> dict:
    token = tokens.unsubscribe_token(subscriber)
    base = outbox.site_url()
    return {"unsubscribe_url": base + reverse("news:unsubscribe", args=[token]),
            "manage_url": base + reverse("news:manage", args=[token])}


def sign_up(*, email: str, name: str, lists, consent_text: str, client: str) -> None:
    """Ask for ``lists`` for ``email``. Returns nothing on purpose: the page says the same in every case."""
    if not ratelimit.hit(f"news-rate:{client}", limit=settings.CAMPUS_NEWS_RATE, seconds=3600):
        raise RateLimited
    email = email.strip().lower()
    try:
        with transaction.atomic():
            _sign_up(email=email, name=name.strip(), lists=list(lists), consent_text=consent_text)
    except IntegrityError:  # the same address signed up at the same moment: that one counts
        return


def _sign_up(*, email, name, lists, consent_text) -> None:
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is None:
        subscriber = Subscriber.objects.create(email=email, name=name, secret=tokens.new_secret(),
                                               consent_text=consent_text)
        log_activity(action="news.signed_up", target=subscriber, lists=[n.key for n in lists])
    have = {s.news_list_id: s for s in subscriber.subscriptions.all()}
    new = [n for n in lists if n.pk not in have]
    Subscription.objects.bulk_create(Subscription(subscriber=subscriber, news_list=n) for n in new)
    pending = [n for n in lists if n.pk not in have or have[n.pk].confirmed_at is None]
    if not pending:
        return  # every list asked for is confirmed already: nothing to send
    now = timezone.now()
    if not new and subscriber.confirm_sent_at and now - subscriber.confirm_sent_at < RESEND_AFTER:
        return  # asked again within minutes: the mail is on its way
    if name and not subscriber.name:
        subscriber.name = name
    token, subscriber.confirm_hash = tokens.new_confirm_token()
    subscriber.confirm_sent_at, subscriber.confirm_sends = now, subscriber.confirm_sends + 1
    subscriber.consent_text = consent_text or subscriber.consent_text
    subscriber.save()
    all_pending = list(NewsList.objects.filter(subscriptions__subscriber=subscriber,
                                               subscriptions__confirmed_at__isnull=True))
    outbox.compose(
        event=CONFIRM_EVENT, edition=_edition_of(pending[0]), to_user=None, to_email=subscriber.email,
        context={"name": subscriber.name, "email": subscriber.email,
                 "lists": "\n".join(f"- {n.title}" for n in all_pending),
                 "confirm_url": outbox.site_url() + reverse("news:confirm", args=[token])},
        dedupe_key=f"news.confirm:{subscriber.pk}:{subscriber.confirm_sends}", related=subscriber, send=True,
    )
    log_activity(action="news.confirmation_sent", target=subscriber, sends=subscriber.confirm_sends)


def pending_by_token(token: str) -> Subscriber | None:
    """The subscriber whose confirmation link this is, while it is valid."""
    if not token or len(token) > 100:
        return None
    return Subscriber.objects.filter(confirm_hash=tokens.digest(token),
                                     confirm_sent_at__gte=timezone.now() - CONFIRM_VALID).first()


@transaction.atomic
def confirm(*, token: str) -> Subscriber | None:
    """Confirm every pending list of the link's subscriber; None for a link that is unknown, used or expired."""
    subscriber = pending_by_token(token)
    if subscriber is None:
        return None
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    count = subscriber.subscriptions.filter(confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    subscriber.confirm_hash = ""
    subscriber.save(update_fields=["confirm_hash", "updated_at"])
    log_activity(action="news.confirmed", target=subscriber, lists=count)
    return subscriber


def by_unsubscribe_token(token: str) -> Subscriber | None:
    subscriber_id = tokens.subscriber_id(token)
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first() if subscriber_id else None
    return subscriber if subscriber is not None and tokens.matches(subscriber, token) else None


@transaction.atomic
def unsubscribe(*, subscriber: Subscriber, how: str) -> int:
    """Leave every list (one click). The address stays as long as it is on no list only for the log: it is
    deleted here, so nothing of it remains (its unsubscribe links then show "you are not subscribed")."""
    count = subscriber.subscriptions.count()
    log_activity(action="news.unsubscribed", target=subscriber, lists=count, how=how)
    subscriber.delete()
    return count


@transaction.atomic
def choose_lists(*, subscriber: Subscriber, keep) -> Subscriber | None:
    """Keep only ``keep`` of the subscriber's lists; none left: the address is deleted (returns None)."""
    keep_ids = {n.pk for n in keep}
    removed = subscriber.subscriptions.exclude(news_list_id__in=keep_ids).delete()[0]
    if not subscriber.subscriptions.exists():
        unsubscribe(subscriber=subscriber, how="page")
        return None
    log_activity(action="news.lists_chosen", target=subscriber, removed=removed)
    return subscriber


def write_to_list(*, news_list: NewsList, subject: str, body: str, key: str, actor) -> NewsMessage:
    """One outbox message (queued) per confirmed subscriber of ``news_list``. ``key`` (the form's one-time key)
    makes a double click or a retried request send once: the second call returns the first message."""
    try:
        with transaction.atomic():
            message = NewsMessage.objects.create(news_list=news_list, key=key, subject=subject, body=body,
                                                 sent_by=actor)
            subscribers = list(Subscriber.objects.filter(subscriptions__news_list=news_list,
                                                         subscriptions__confirmed_at__isnull=False).order_by("pk"))
            edition = _edition_of(news_list)
            for subscriber in subscribers:
                outbox.compose(
                    event=MESSAGE_EVENT, edition=edition, to_user=None, to_email=subscriber.email,
                    context={"name": subscriber.name, "email": subscriber.email, "subject": subject, "message": body,
                             "list_title": news_list.title, **links_of(subscriber)},
                    dedupe_key=f"news.message:{message.pk}:{subscriber.pk}", related=subscriber, actor=actor,
                    send=True,
                )
            message.recipients = len(subscribers)
            message.save(update_fields=["recipients", "updated_at"])
            log_activity(action="news.message_sent", target=message, actor=actor, recipients=len(subscribers))
    except IntegrityError:
        return NewsMessage.objects.get(key=key)
    return message


@transaction.atomic
def purge_unconfirmed(*, now=None, dry_run: bool = False) -> dict:
    """Delete sign-ups left unconfirmed for ``CONFIRM_VALID``: addresses with no confirmed list, and pending
    lists of confirmed subscribers (the periodic job ``news.purge_unconfirmed``; retention in privacy.py).
    ``dry_run``: only count."""
    cutoff = (now or timezone.now()) - CONFIRM_VALID
    stale = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff)
    stale = stale.exclude(subscriber__confirm_sent_at__gte=cutoff)
    # addresses left with no list once the stale ones are gone (or that never had one)
    orphans = Subscriber.objects.filter(created_at__lt=cutoff).exclude(
        subscriptions__in=Subscription.objects.exclude(pk__in=stale.values("pk")))
    if dry_run:
        return {"news_pending_lists": stale.count(), "news_addresses": orphans.count()}
    orphan_ids = list(orphans.values_list("pk", flat=True))
    lists = stale.delete()[0]
    addresses = Subscriber.objects.filter(pk__in=orphan_ids).delete()[0]
    if lists or addresses:
        log_activity(action="news.purged", lists=lists, addresses=addresses)
    return {"news_pending_lists": lists, "news_addresses": addresses}


@transaction.atomic
def erase(*, subscriber_ids) -> int:
    """Delete the subscribers (the privacy handler; their outbox messages are the outbox's handler's)."""
    ids = list(Subscriber.objects.filter(pk__in=list(subscriber_ids)).values_list("pk", flat=True))
    if ids:
        Subscriber.objects.filter(pk__in=ids).delete()
        log_activity(action="news.erased", addresses=len(ids))
    return len(ids)


def preview(*, news_list: NewsList, subject: str, body: str) -> tuple[str, str]:
    """(subject, text) as a subscriber will get it (the template filled in; a sample unsubscribe link)."""
    base = outbox.site_url()
    return outbox.render(event=MESSAGE_EVENT, edition=_edition_of(news_list), to_user=None, context={
        "name": "", "subject": subject, "message": body, "list_title": news_list.title,
        "unsubscribe_url": base + reverse("news:unsubscribe", args=["…"]),
        "manage_url": base + reverse("news:manage", args=["…"])})
