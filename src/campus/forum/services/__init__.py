"""The forum's services: the only code that changes registrations (keyword-only arguments, one transaction
each, the event row locked, the activity log, mail through the outbox after the commit).

- ``register``, ``confirm_email``, ``cancel``, ``accept_offer`` (registration.py): the registrant's steps;
- ``fill_free_seats``, ``offer_seat``, ``offer_next``, ``confirm_directly``, ``lapse_offers`` (waitlist.py):
  the waitlist, for the staff pages and the periodic job;
- ``anonymise``, ``delete_unconfirmed`` (erasure.py): the privacy handler's erasure and retention.
"""

from .common import RegistrationError, counts, registration_window_open  # noqa: F401
from .erasure import anonymise, delete_unconfirmed, purge_expired  # noqa: F401
from .registration import accept_offer, address_confirmed, cancel, confirm_email, register  # noqa: F401
from .waitlist import confirm_directly, fill_free_seats, lapse_offers, offer_next, offer_seat, waitlist  # noqa: F401
