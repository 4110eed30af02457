"""The two tokens of a subscriber.

- Confirmation: random (``secrets``), sent once in the mail; only its SHA-256 is stored, so a copy of the
  database confirms nobody. A new confirmation mail makes a new token (the older link stops working).
- Unsubscribe and "manage my lists": ``<id>-<HMAC(SECRET_KEY, id, secret)>``. Nothing that matches it is stored
  (``secret`` is random and useless without the site's key); it is made again when each message is sent, for
  its text and its ``List-Unsubscribe`` header. Changing ``secret`` (erasure deletes the row) voids every link.
"""

import hashlib
import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "campus.news.unsubscribe"


def new_secret() -> str:
    return secrets.token_hex(16)


def new_confirm_token() -> tuple[str, str]:
    """(token for the mail, hash to store)."""
    token = secrets.token_urlsafe(32)
    return token, digest(token)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def unsubscribe_token(subscriber) -> str:
    mac = salted_hmac(SALT, f"{subscriber.pk}:{subscriber.secret}", algorithm="sha256").hexdigest()[:40]
    return f"{subscriber.pk}-{mac}"


def subscriber_id(token: str) -> int | None:
    """The id a well-formed token names (not yet checked against its subscriber)."""
    head, _, mac = token.partition("-")
    if not head.isdigit() or len(head) > 12 or len(mac) != 40:
        return None
    return int(head)


def matches(subscriber, token: str) -> bool:
    return constant_time_compare(unsubscribe_token(subscriber), token)
