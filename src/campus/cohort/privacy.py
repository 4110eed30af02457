"""Personal data held by the cohort app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "cohort.Participant.user": ("Running the edition with its participants", "Until erased on request", "contract"),
}

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the handler in privacy_handler.py.
HANDLING = {
    "cohort.Participant": "Access: the editions the person takes part in. Erasure: deleted (an erased person is no "
                          "longer in the cohort; their accepted offer stays, so the place is not offered again).",
}
