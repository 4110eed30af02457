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
