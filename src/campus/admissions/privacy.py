"""Personal data held by the admissions app (read by campus.privacy.registry; see docs/privacy.md)."""

_KEPT = "With the application; deleted on erasure"
_CONTACT = "While the managers keep it in the call's admission settings (they edit or clear it)"

PERSONAL_DATA = {
    "admissions.Decision.staged_by": ("Accountability of staff decisions", "Set to nobody when that staff member is erased", "legitimate_interest"),
    "admissions.Decision.note": ("The team's reasons for a decision", _KEPT, "legitimate_interest"),
    "admissions.AdmissionSettings.contact_name": ("The team member who signs the letters and answers the admitted",
                                                  _CONTACT, "legitimate_interest"),
    "admissions.AdmissionSettings.contact_email": ("Where the admitted write to the contact person", _CONTACT,
                                                   "legitimate_interest"),
    "admissions.AdmissionSettings.contact_phone": ("Where the admitted call the contact person", _CONTACT,
                                                   "legitimate_interest"),
    "admissions.Offer.letter": ("The offer letter of an admitted applicant (PDF with their name)", _KEPT, "contract"),
    "admissions.Offer.confirmation": ("The confirmation of an accepted place (PDF with their name)", _KEPT,
                                      "contract"),
}

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the handler in privacy_handler.py.
HANDLING = {
    "admissions.AdmissionSettings": "Access and erasure: the contact person is typed text, linked to no account; the "
                                    "managers change or clear it in the admission settings (letters already made "
                                    "keep the name they were signed with).",
    "admissions.Decision": "Access: the outcome and waitlist rank once released, never a staged decision (that would "
                           "show the team's work before the release); the note is for the team and not exported. "
                           "Erasure: the note cleared (also where another applicant's note names the person); the "
                           "outcome stays for the counts; the staff member who staged it: set to nobody.",
    "admissions.Offer": "Access: every offer made (state, how, made, reply-by, responded) and the letters (offer "
                        "letter, confirmation of the place) as PDFs in the zip; an offer only suggested and not yet "
                        "confirmed by a manager is not exported. Erasure: the letters deleted from disk and the "
                        "fields cleared. The erased person can no longer sign in to answer, so an open offer is declined on their behalf and a suggested promotion "
                        "dismissed (through the admissions services: the place goes to the next on the waitlist at "
                        "once); an accepted offer stays accepted (the place stays taken; a manager decides about "
                        "it); the offers' states and dates stay.",
}
