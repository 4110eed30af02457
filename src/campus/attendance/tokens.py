"""The rotating token of a session's QR code: an HMAC of the session's id and the time window (``WINDOW``
seconds long). The check-in accepts the current window and the one before (a code scanned just before it
changed); a code of an earlier window is refused, so a photo sent to someone elsewhere stops working within a
minute. The token names its session and window in the clear (``<session>-<window>-<mac>``): only the MAC is
secret, made with the site's SECRET_KEY."""

import hmac
from dataclasses import dataclass

from django.utils import timezone
from django.utils.crypto import salted_hmac

WINDOW = 30  # seconds
SALT = "campus.attendance.check-in"


def window_of(moment) -> int:
    return int(moment.timestamp()) // WINDOW


def _mac(session_id: int, window: int) -> str:
    return salted_hmac(SALT, f"{session_id}:{window}", algorithm="sha256").hexdigest()[:24]


def make(session_id: int, *, now=None) -> str:
    window = window_of(now or timezone.now())
    return f"{session_id}-{window}-{_mac(session_id, window)}"


def seconds_left(*, now=None) -> int:
    """Seconds until the current window ends (the QR screen refreshes then)."""
    moment = now or timezone.now()
    return WINDOW - int(moment.timestamp()) % WINDOW


@dataclass(frozen=True)
class Reading:
    session_id: int | None
    verdict: str  # "ok", "expired" (an earlier window), "invalid" (not ours, or from the future)


def read(token: str, *, now=None) -> Reading:
    parts = (token or "").split("-")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit() or len(parts[0]) > 12 \
            or len(parts[1]) > 12:
        return Reading(None, "invalid")
    session_id, window, mac = int(parts[0]), int(parts[1]), parts[2]
    if not hmac.compare_digest(_mac(session_id, window), mac):
        return Reading(None, "invalid")
    current = window_of(now or timezone.now())
    if window > current:
        return Reading(None, "invalid")
    if window < current - 1:
        return Reading(session_id, "expired")
    return Reading(session_id, "ok")
