"""Personal data held by the applications app (read by campus.privacy.registry; see docs/privacy.md).

Applicants give their data with the application and accept the privacy notice (its version is stored):
the basis is their consent, which they withdraw by asking to be erased (/my-data/erase/).
"""

_APPLICATION = "Selecting the participants of an edition"
_KEPT = "Until erased on request (no automatic deletion of applications yet; to be decided with admissions)"

PERSONAL_DATA = {
    "applications.Application.applicant": (_APPLICATION, _KEPT, "consent"),
    "applications.Application.snapshot": (
        "The application as submitted (the applicant's copy, the team's review)", _KEPT + "; cleared on erasure",
        "consent",
    ),
    "applications.Application.full_name": ("Finding and listing applications (copied from the answers)",
                                           _KEPT + "; cleared on erasure", "consent"),
    "applications.Application.organisation": ("Finding and listing applications (copied from the answers)",
                                               _KEPT + "; cleared on erasure", "consent"),
    "applications.Application.country": ("Filtering and counting applications by country of residence",
                                          _KEPT + "; cleared on erasure", "consent"),
    "applications.Application.eligibility_reasons": ("Screening against the edition's requirements",
                                                     _KEPT + "; messages cleared on erasure", "consent"),
    "applications.Application.more_info_request": ("Asking the applicant for more information",
                                                   _KEPT + "; cleared on erasure", "consent"),
    "applications.Application.consent_version": ("Proof of the privacy notice accepted", _KEPT, "legal_obligation"),
    "applications.Application.eligibility_override_by": (
        "Accountability of staff decisions",
        "Kept with the application; set to nobody when that staff member is erased",
        "legitimate_interest",
    ),
    "applications.Application.eligibility_override_reason": ("Accountability of staff decisions",
                                                             _KEPT + "; cleared on erasure", "legitimate_interest"),
    "applications.Answer.value": (_APPLICATION + ": the answers to the call's questions",
                                  _KEPT + "; deleted on erasure", "consent"),
    "applications.Document.file": (
        _APPLICATION + ": CV and motivational letter",
        "Applicants not admitted: deleted N months after the call closes (N per edition, default 6: "
        "purge_expired_documents); deleted on erasure",
        "consent",
    ),
    "applications.Document.original_name": ("Showing the file's name to the applicant and the team",
                                            "With the file", "consent"),
}

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the handler in privacy_handler.py.
HANDLING = {
    "applications.Application": "Access: every application, its answers, the submitted copy, the consent given. "
                                "Erasure: the row stays (counts by state survive); name, organisation, country, "
                                "requests, screening messages and the values of the submitted copy cleared.",
    "applications.Answer": "Access: every answer. Erasure: deleted.",
    "applications.Document": "Access: the files, in the zip. Erasure and retention: the files deleted from disk, "
                             "the rows deleted.",
}
