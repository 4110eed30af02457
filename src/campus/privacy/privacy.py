"""Personal data held by the privacy app, and by the Django parts every app shares (admin log, sessions,
queued tasks). Read by campus.privacy.registry; see docs/privacy.md."""

PERSONAL_DATA = {
    "privacy.ErasureRequest.user": (
        "Handling the person's request to be erased (GDPR Art. 17)",
        "Kept as the record that the request was handled; the account it points to is anonymised",
        "legal_obligation",
    ),
    "privacy.ErasureRequest.reason": (
        "Handling the request to be erased", "Cleared when the request is approved", "legal_obligation",
    ),
    "privacy.ErasureRequest.decided_by": (
        "Accountability: who decided the request",
        "Kept with the request; set to nobody when that staff member is erased",
        "legal_obligation",
    ),
    "privacy.ErasureRequest.note": (
        "Telling the person why a request was refused",
        "Kept with the request; the person's identifiers removed on erasure",
        "legal_obligation",
    ),
    "admin.LogEntry.user": (
        "Accountability of changes made in the content editor",
        "Kept with the log; the person is anonymised on erasure",
        "legitimate_interest",
    ),
    "admin.LogEntry.object_repr": (
        "Accountability: the name of the changed row (can be a person's name)",
        "Kept with the log; replaced on erasure",
        "legitimate_interest",
    ),
    "sessions.Session.session_data": (
        "Keeping a person signed in (the account's number; the only cookie besides csrftoken)",
        "Until sign-out or two weeks; expired rows removed by clearsessions (scheduled); deleted on erasure",
        "contract",
    ),
    "django_tasks_database.DBTaskResult.args_kwargs": (
        "Background work, e.g. a mail to send: its address and text",
        "14 days after the task finished (prune_db_task_results, scheduled); deleted on erasure",
        "legitimate_interest",
    ),
}

NOT_PERSONAL = {
    "auth.Group.name": "The name of a staff role.",
    "auth.Permission.name": "The name of a permission.",
}

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the privacy app itself.
HANDLING = {
    "privacy.ErasureRequest": "Access: the person's requests. Erasure: the reason cleared; the request stays as "
                              "the record that it was handled.",
    "admin.LogEntry": "Access: not exported (the team's repairs of raw data). Erasure: the names of the person's "
                      "rows and any of their identifiers replaced.",
    "sessions.Session": "Access: not exported (a signed account number). Erasure: the sessions of the "
                        "person's account deleted, and those holding a confirmed address of theirs as a value.",
    "django_tasks_database.DBTaskResult": "Access: not exported (mail on its way). Erasure: tasks addressed to a "
                                          "confirmed address of the person, or naming them by full name, deleted.",
}
