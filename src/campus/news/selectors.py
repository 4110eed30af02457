"""Reads of the news app, each in a fixed number of queries."""

from django.db.models import Count, Q

from .models import NewsList, NewsMessage, Subscriber


def open_lists():
    return list(NewsList.objects.filter(is_open=True))


def lists_with_counts():
    """Every list with its confirmed and unconfirmed subscriber counts (one query)."""
    return list(NewsList.objects.annotate(
        confirmed=Count("subscriptions", filter=Q(subscriptions__confirmed_at__isnull=False)),
        unconfirmed=Count("subscriptions", filter=Q(subscriptions__confirmed_at__isnull=True)),
    ))


def confirmed_count(news_list) -> int:
    return news_list.subscriptions.filter(confirmed_at__isnull=False).count()


def recent_messages(limit: int = 20):
    return list(NewsMessage.objects.select_related("news_list", "sent_by")[:limit])


def subscriptions_of(subscriber: Subscriber):
    return list(subscriber.subscriptions.select_related("news_list"))


def export_rows(news_list):
    """Header and one row per subscriber of the list (confirmed first), for campus.core.exports."""
    rows = [("Email", "Name", "State", "Signed up (UTC)", "Confirmed (UTC)")]
    for s in news_list.subscriptions.select_related("subscriber").order_by("confirmed_at", "subscriber__email"):
        rows.append((s.subscriber.email, s.subscriber.name, "confirmed" if s.confirmed_at else "unconfirmed",
                     s.created_at.strftime("%Y-%m-%d %H:%M"),
                     s.confirmed_at.strftime("%Y-%m-%d %H:%M") if s.confirmed_at else ""))
    return rows


def open_lists_with_key(key: str):
    """The open lists with this key (a lazy queryset: at most one)."""
    return NewsList.objects.filter(is_open=True, key=key)


def lists_of_subscriber(lists, subscriber):
    """Of these lists (a queryset), those the subscriber has a subscription to (lazy)."""
    return lists.filter(subscriptions__subscriber=subscriber)
