"""News lists and their subscribers: double opt-in, one-click unsubscribe (docs/news.md).

A subscriber is an address (no account needed). Signing up makes pending subscriptions and sends a confirmation
link; the confirm page's button (a POST: mail scanners follow links) confirms them. Tokens: the confirmation token
is random and only its SHA-256 is stored; the unsubscribe token is an HMAC of the subscriber's id and a random
``secret`` (tokens.py), so it can be put into every mail and its List-Unsubscribe header at send time.
"""

from django.conf import settings
from django.db import models

from campus.core.models import TimeStampedModel
from campus.programme.models import Programme


class NewsList(TimeStampedModel):
    """A list people may sign up for ("The next edition", "The forum"): data, edited in the content editor."""

    key = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="One or two sentences shown on the sign-up page.")
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The programme whose name and address its mails carry (empty: the current one).")
    order = models.PositiveSmallIntegerField(default=0)
    is_open = models.BooleanField(default=True, help_text="Offered on the sign-up page.")

    class Meta:
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title


class Subscriber(TimeStampedModel):
    email = models.EmailField(unique=True)  # lower case
    name = models.CharField(max_length=200, blank=True)
    secret = models.CharField(max_length=64)  # random; part of the unsubscribe token's HMAC (tokens.py)
    confirm_hash = models.CharField(max_length=64, blank=True, db_index=True)  # SHA-256 of the pending token
    confirm_sent_at = models.DateTimeField(null=True, blank=True)
    confirm_sends = models.PositiveIntegerField(default=0)
    consent_text = models.TextField(blank=True)  # the wording shown when they signed up (last time)

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email


class Subscription(TimeStampedModel):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    news_list = models.ForeignKey(NewsList, on_delete=models.CASCADE, related_name="subscriptions")
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["news_list__order", "id"]
        constraints = [models.UniqueConstraint(fields=["subscriber", "news_list"], name="news_one_subscription")]


class NewsMessage(TimeStampedModel):
    """A message the team wrote to the confirmed subscribers of a list (one outbox message each)."""

    news_list = models.ForeignKey(NewsList, on_delete=models.CASCADE, related_name="messages")
    key = models.CharField(max_length=64, unique=True)  # the form's one-time key: a double click sends once
    subject = models.CharField(max_length=300)
    body = models.TextField()
    recipients = models.PositiveIntegerField(default=0)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
