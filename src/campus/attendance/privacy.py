"""Personal data held by the attendance app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "attendance.Attendance.participant": ("Running the edition: who attended which session (and the certificate's "
                                          "attendance rule)", "Until erased on request", "contract"),
    "attendance.Attendance.remark": ("Running the edition: a note on someone's attendance (e.g. why excused)",
                                     "With the attendance record", "contract"),
    "attendance.Attendance.recorded_by": ("Accountability of staff actions: who recorded the attendance",
                                          "Set to nobody when that staff member is erased", "legitimate_interest"),
}

# How subject access and erasure treat each model (docs/privacy.md shows it). Done by privacy_handler.py.
HANDLING = {
    "attendance.Attendance": "Access: the person's attendance per session (status, remark, how and when it was "
                             "recorded), without who recorded it. Erasure: the person's attendance rows deleted; a "
                             "staff member who recorded others' attendance: set to nobody.",
}
