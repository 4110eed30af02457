"""Personal data held by the admissions app (read by campus.privacy.registry; see docs/privacy.md)."""

_KEPT = "With the application; deleted on erasure"

PERSONAL_DATA = {
    "admissions.Decision.staged_by": ("Accountability of staff decisions", "Set to nobody when that staff member is erased", "legitimate_interest"),
    "admissions.Decision.note": ("The team's reasons for a decision", _KEPT, "legitimate_interest"),
    "admissions.Offer.letter": ("The acceptance letter of an admitted applicant (PDF with their name)", _KEPT, "contract"),
}
