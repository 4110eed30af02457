"""Personal data held by the cohort app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "cohort.Participant.user": ("Running the edition with its participants", "Until erased on request", "contract"),
}
