"""Personal data held by the forum app (read by campus.privacy.registry; see docs/privacy.md).

Retention (services/erasure.py, run by the privacy app's purge and, for unconfirmed ones, the job
forum.delete_unconfirmed): a registration whose address was never confirmed is deleted after 7 days; dietary and
accessibility needs are cleared one month after the event; every registration is anonymised six months after
the event (the row stays, with its state and dates, so the event's counts stay true)."""

_RUN = "Run the event: seats, waitlist, badges, check-in and the mails about it"
_KEPT = "Until six months after the event, then anonymised (unconfirmed: deleted after 7 days)"
_NEEDS = "Until one month after the event, then cleared"

PERSONAL_DATA = {
    "forum.Registration.name": (_RUN, _KEPT, "contract"),
    "forum.Registration.email": (_RUN, _KEPT, "contract"),
    "forum.Registration.user": ("Whose registration it is (a signed-in registrant)", _KEPT, "contract"),
    "forum.Registration.organisation": (_RUN + "; the badge and the attendee list", _KEPT, "contract"),
    "forum.Registration.country": (_RUN + "; the badge and the attendee list", _KEPT, "contract"),
    "forum.Registration.role": (_RUN + "; the badge", _KEPT, "contract"),
    "forum.Registration.dietary_needs": ("Catering at the event", _NEEDS, "consent"),
    "forum.Registration.accessibility_needs": ("Arranging the event so that the person can take part", _NEEDS,
                                               "consent"),
    "forum.Registration.on_attendee_list": ("Consent to appear on the attendee list", _KEPT, "consent"),
    "forum.Registration.checked_in_by": ("Accountability of staff actions", "Set to nobody when that staff "
                                         "member is erased", "legitimate_interest"),
}

HANDLING = {
    "forum.Registration": "Access: the person's registrations (by account, or with one of their confirmed "
                          "addresses): event, state, the details they gave, dates. Erasure: an active "
                          "registration is cancelled (its seat goes to the next on the waitlist, no mail), then "
                          "name, address, organisation, country, role, needs and consent cleared, the link to the "
                          "account removed and the personal links made void; state and dates stay for the "
                          "counts. Retention: unconfirmed deleted after 7 days; needs cleared a month after the "
                          "event; anonymised six months after it.",
}

NOT_PERSONAL = {
    "forum.Event.title": "An event's title, published on the site.",
    "forum.Event.country": "Where an event takes place.",
    "forum.Event.address": "The venue's address, published on the site.",
    "forum.AgendaSession.speakers": "Speakers of a session as published on the event's agenda (public roles).",
}
