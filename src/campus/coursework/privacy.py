"""Personal data held by the coursework app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "coursework.Attempt.participant": ("Running the edition: a participant's assignments, feedback and revisions",
                                       "Until erased on request", "contract"),
    "coursework.Attempt.text": ("Running the edition: the participant's answer to an assignment",
                                "Until erased on request", "contract"),
    "coursework.Attempt.handed_in_snapshot": ("Running the edition: what the participant handed in besides text "
                                              "and files (e.g. a canvas): its title and the copy kept with the "
                                              "attempt", "Until erased on request", "contract"),
    "coursework.Attempt.feedback_by": ("Accountability of staff actions: who gave the feedback",
                                       "Set to nobody when that staff member is erased", "legitimate_interest"),
    "coursework.AttemptFile.file": ("Running the edition: files the participant submitted",
                                    "Until erased on request", "contract"),
    "coursework.JournalEntry.participant": ("The participant's reflection journal (private unless shared with a "
                                            "module lead)", "Until erased on request", "consent"),
    "coursework.JournalEntry.body": ("The participant's reflection journal (private unless shared with a module "
                                     "lead)", "Until erased on request", "consent"),
    "coursework.JournalComment.author": ("A module lead's comment on a shared reflection",
                                         "Set to nobody when that staff member is erased", "legitimate_interest"),
}

# How subject access and erasure treat each model (docs/privacy.md shows it). Done by privacy_handler.py.
HANDLING = {
    "coursework.Attempt": "Access: every attempt with its text, state, lateness and the feedback. Erasure: deleted "
                          "(with its files); a staff member who gave feedback: set to nobody.",
    "coursework.AttemptFile": "Access: the files, in the download. Erasure: deleted with the attempt (the file "
                              "too).",
    "coursework.JournalEntry": "Access: every entry, whether and with which module it is shared, and its comments. "
                               "Erasure: deleted with its comments.",
    "coursework.JournalComment": "Access: with the entry it belongs to; a team member's own comments. Erasure of "
                                 "the entry's writer: deleted; of the commenting team member: the author set to "
                                 "nobody.",
}

NOT_PERSONAL = {
    "coursework.Material.file": "Course material the module lead publishes for the whole cohort",
}
