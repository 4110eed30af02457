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
