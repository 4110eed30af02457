"""Personal data held by the interviews app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "interviews.Invitation.invited_by": ("Accountability of staff actions", "Set to nobody when that staff member is erased", "legitimate_interest"),
    "interviews.Invitation.message": ("Inviting the applicant to an interview", "With the application; cleared on erasure", "contract"),
    "interviews.InterviewSlot.panel": ("Organising interviews: who sits on the panel",
                                       "Until the slot is deleted; removed when the panel member is erased",
                                       "legitimate_interest"),
    "interviews.InterviewSlot.booked_by": ("Organising interviews: which applicant booked which time",
                                           "Until the slot is deleted; released when the applicant is erased",
                                           "contract"),
}

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the handler in privacy_handler.py.
HANDLING = {
    "interviews.Invitation": "Access: the invitation, its message and the booked slot (time, zone, place or "
                             "link), without the panel's names. Erasure: the message cleared, the invitation "
                             "cancelled; the staff member who invited: set to nobody.",
    "interviews.InterviewSlot": "Access: the applicant's booking (with the invitation); a team member's panels. "
                                "Erasure of the applicant: the booking released (the slot is free again). Erasure "
                                "of a panel member: removed from every panel.",
}
