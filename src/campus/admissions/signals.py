"""Signals of admissions, received by apps below it (cohort) so that admissions imports none of them.

``offer_accepted(sender=Offer, offer, actor)`` is sent inside the transaction that accepts the offer: a
receiver that fails rolls the acceptance back, so an accepted offer always has its participant record.
"""

from django.dispatch import Signal

offer_accepted = Signal()
