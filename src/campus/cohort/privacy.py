"""Personal data held by the cohort app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "cohort.Participant.user": ("Running the edition with its participants", "Until erased on request", "contract"),
    "cohort.Participant.show_contact": ("The cohort directory: whether fellow participants see the person's e-mail "
                                        "address and phone number (the person's own choice, off by default)",
                                        "With the participation", "consent"),
    "cohort.Participant.feed_token": ("The private calendar feed: the secret address of the person's schedule",
                                      "Until the person turns the feed off or makes a new address; with the "
                                      "participation", "contract"),
}

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the handler in privacy_handler.py.
HANDLING = {
    "cohort.Participant": "Access: the editions the person takes part in, whether the directory shows their contact "
                          "details and whether their calendar feed is on (never its secret address). Erasure: "
                          "deleted, with the directory choice and the feed (its address answers 404 at once; an "
                          "erased person is no longer in the cohort; their accepted offer stays, so the place is not "
                          "offered again).",
}
