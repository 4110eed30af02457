"""Personal data held by the core app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "core.ActivityLog.actor": (
        "Accountability: who changed what (applicants, staff)",
        "Kept with the log; set to nobody when the person is erased",
        "legitimate_interest",
    ),
    "core.ActivityLog.data": (
        "Accountability: the details of a change (a step, a state, a reason, the filters of an export)",
        "Kept with the log; personal values removed when the person is erased",
        "legitimate_interest",
    ),
}

NOT_PERSONAL = {
    "core.PeriodicRun.name": "The name of a periodic job (campus.core.periodic).",
}

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the privacy app itself.
HANDLING = {
    "core.ActivityLog": "Access: the entries about the person, their applications, messages and requests, and what "
                        "they did. Erasure: the actor set to nobody, personal values removed from the details; the "
                        "action and time stay.",
}
