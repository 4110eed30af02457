"""Personal data held by the communications app (read by campus.privacy.registry; see docs/privacy.md)."""

_MAIL = "Telling applicants about their application (the outbox keeps what was sent to whom)"
_KEPT = ("With the application; on erasure, unsent messages are cancelled and address, subject, text and "
         "error cleared (the row stays, so the same message is never composed again)")

PERSONAL_DATA = {
    "communications.OutboxMessage.recipient": (_MAIL, _KEPT, "contract"),
    "communications.OutboxMessage.to_email": (_MAIL, _KEPT, "contract"),
    "communications.OutboxMessage.body": (_MAIL + ": the text of the message", _KEPT, "contract"),
    "communications.OutboxMessage.created_by": ("Accountability of staff actions", "Set to nobody when that staff member is erased", "legitimate_interest"),
    "communications.OutboxMessage.sent_by": ("Accountability of staff actions", "Set to nobody when that staff member is erased", "legitimate_interest"),
}

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the handler in privacy_handler.py.
HANDLING = {
    "communications.OutboxMessage": "Access: the messages to the person's account, or without an account to their "
                                    "confirmed addresses, that were queued, "
                                    "sent or failed (event, address, subject, text, state, times); drafts and "
                                    "cancelled messages are the team's work and never went out. Erasure: "
                                    "messages not yet sent are cancelled first (nothing goes out afterwards), "
                                    "then address, subject, text and error of every message to the person are "
                                    "cleared; the rows stay, so the same message is never composed and sent "
                                    "again. In messages to others that name the person by full name or confirmed "
                                    "address (whole words), their names, addresses, phone and organisation are "
                                    "replaced. "
                                    "Staff who created or sent messages: set to nobody.",
}
