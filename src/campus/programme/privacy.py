"""Personal data held by the programme app (read by campus.privacy.registry; see docs/privacy.md)."""

_CONTACT_RETENTION = "Until no longer needed to answer (no automatic deletion yet); anonymised on erasure"

PERSONAL_DATA = {
    "programme.ContactMessage.name": ("Answer the message sent through the contact form", _CONTACT_RETENTION,
                                      "legitimate_interest"),
    "programme.ContactMessage.email": ("Answer the message sent through the contact form", _CONTACT_RETENTION,
                                       "legitimate_interest"),
    "programme.ContactMessage.organisation": ("Answer the message sent through the contact form",
                                              _CONTACT_RETENTION, "legitimate_interest"),
    "programme.ContactMessage.message": ("Answer the message sent through the contact form", _CONTACT_RETENTION,
                                         "legitimate_interest"),
    "programme.ContactMessage.staff_note": ("The team's note on the message", _CONTACT_RETENTION,
                                            "legitimate_interest"),
}

NOT_PERSONAL = {
    "programme.Programme.name": "The programme's name.",
    "programme.Programme.contact_email": "The programme team's functional address, published on the site.",
    "programme.Edition.name": "An edition's name, e.g. 2020–2021.",
    "programme.Partner.name": "The name of a partner organisation, published on the site.",
    "programme.Partner.country": "The country of a partner organisation.",
    "programme.Module.country": "Where a module takes place.",
    "programme.Meetup.country": "Where a meetup takes place.",
}

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the handler in privacy_handler.py.
HANDLING = {
    "programme.ContactMessage": "Access: the messages sent with any of the person's confirmed addresses. "
                                "Erasure: name, address, organisation, message and note cleared; topic, status "
                                "and date stay.",
}
