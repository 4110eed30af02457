"""The only place that changes admissions: staged decisions, their release, offers, the waitlist.

Split by concern (``decisions``, ``offers``, ``waitlist``, ``letters``, and ``common`` for what they share);
everything public is re-exported here, so ``from campus.admissions import services; services.release(...)``
stays the way to call them. State changes go through ``campus.admissions.states``.

Rules (docs/admissions.md):

- Every change that touches capacity runs in one transaction with the call's row locked
  (``select_for_update``; on SQLite the IMMEDIATE transaction mode serialises writers the same way), so two
  managers releasing at once, or thirty people accepting at once, never put more live offers (open +
  accepted + suggested) than ``edition.capacity``.
- Releasing twice changes nothing: only staged, unreleased decisions are released; mails have dedupe keys.
- A promotion is tied to the offer it replaces (``Offer.replaces`` is one-to-one): the database refuses a
  second promotion for the same declined or expired offer.
- Mail only through the outbox: by-hand releases create DRAFTS that staff preview and send in bulk;
  automatic steps (automatic release, promotions, reminders) queue their mails at once.
"""

from .common import (
    LETTER_BATCH, LIVE, REMINDER_BEFORE, RESERVED, AdmissionError, live_offer_count, long_date, reply_by_for,
    save_settings, settings_for, shift_release,
)
from .decisions import Plan, Released, clear_decision, release, release_if_due, release_plan, stage_decisions
from .letters import ensure_confirmation, ensure_letter, ensure_letters
from .offers import Tick, accept_offer, application_withdrawn, decline_offer, expire_offer, send_reminder, tick
from .waitlist import confirm_promotion, dismiss_promotion, fill_free_places, free_places, waiting

__all__ = [
    "LETTER_BATCH", "LIVE", "REMINDER_BEFORE", "RESERVED", "AdmissionError", "Plan", "Released", "Tick",
    "accept_offer", "application_withdrawn", "clear_decision", "confirm_promotion", "decline_offer",
    "dismiss_promotion", "ensure_confirmation", "ensure_letter", "ensure_letters", "expire_offer",
    "fill_free_places", "free_places",
    "live_offer_count", "long_date", "release", "release_if_due", "release_plan", "reply_by_for",
    "save_settings", "send_reminder", "settings_for", "shift_release", "stage_decisions", "tick", "waiting",
]
