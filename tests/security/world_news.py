"""The news app's objects in the security world: a list only the team sees ("Board news <secret>", not offered on
the sign-up page), a confirmed subscriber named with the applicant's secret marker on it, a second subscriber
(two lists open to the public) whose token pages must show only their own lists, a third for "manage my lists",
and a pending sign-up with its confirmation token."""

from django.utils import timezone

from campus.core.plugins import links
from campus.news import tokens
from campus.news.models import NewsList, Subscriber, Subscription

from .world import SECRET


def _subscriber(email, name, lists, *, confirmed=True):
    subscriber = Subscriber.objects.create(email=email, name=name, secret=tokens.new_secret())
    for news_list in lists:
        Subscription.objects.create(subscriber=subscriber, news_list=news_list,
                                    confirmed_at=timezone.now() if confirmed else None)
    return subscriber


def extend(world) -> None:
    public = list(NewsList.objects.filter(is_open=True))
    hidden = NewsList.objects.create(key="board", title=f"Board news {SECRET}", is_open=False, order=9)
    _subscriber("secret.reader@example.org", f"Reader {SECRET}", [hidden, *public])
    other = _subscriber("plain.reader@example.org", "Plain Reader", public)
    third = _subscriber("third.reader@example.org", "Third Reader", public)
    pending = _subscriber("pending.reader@example.org", "", public[:1], confirmed=False)
    token, pending.confirm_hash = tokens.new_confirm_token()
    pending.confirm_sent_at = timezone.now()
    pending.save()
    world.values.update(
        news_list=public[0].pk, news_hidden_list=hidden.pk, news_unsubscribe=tokens.unsubscribe_token(other),
        news_manage=tokens.unsubscribe_token(third), news_confirm=token,
        news_training=links.link("apply").url or "/news/",
    )
