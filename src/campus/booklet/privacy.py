"""Personal data held by the booklet app (read by campus.privacy.registry; see docs/privacy.md).

Decision: the profile exists for the booklet the participant chose to appear in; who may see it is their
recorded consent (nobody by default). Consent rows are kept as long as the profile, as the record of what the
person agreed to and when. Erasure deletes the profile, its photo and its consent rows; so does the end of the
participation (the profile belongs to it).
"""

_PROFILE = ("The participant's page in the booklet (public pages, the cohort's booklet, the printed booklet), "
            "shown to whom their consent allows")
_KEPT = "As long as the participation; deleted on erasure"

PERSONAL_DATA = {
    "booklet.BookletProfile.participant": ("Whose profile it is", _KEPT, "consent"),
    "booklet.BookletProfile.photo": (_PROFILE + "; stored re-encoded, without metadata", _KEPT, "consent"),
    "booklet.BookletProfile.photo_sha256": ("Recognising the stored photo (caching)", _KEPT, "consent"),
    "booklet.BookletProfile.display_name": (_PROFILE, _KEPT, "consent"),
    "booklet.BookletProfile.role": (_PROFILE, _KEPT, "consent"),
    "booklet.BookletProfile.organisation": (_PROFILE, _KEPT, "consent"),
    "booklet.BookletProfile.cluster_name": (_PROFILE, _KEPT, "consent"),
    "booklet.BookletProfile.cluster_website": (_PROFILE, _KEPT, "consent"),
    "booklet.BookletProfile.country": (_PROFILE + "; the booklet's filters and index", _KEPT, "consent"),
    "booklet.BookletProfile.sector": (_PROFILE + "; the booklet's filters", _KEPT, "consent"),
    "booklet.BookletProfile.sector_detail": (_PROFILE, _KEPT, "consent"),
    "booklet.BookletProfile.cluster_description": (_PROFILE, _KEPT, "consent"),
    "booklet.BookletProfile.why_applied": (_PROFILE, _KEPT, "consent"),
    "booklet.BookletProfile.expectations": (_PROFILE, _KEPT, "consent"),
    "booklet.BookletProfile.contact_email": ("Optional contact details in the profile", _KEPT, "consent"),
    "booklet.BookletProfile.contact_phone": ("Optional contact details in the profile", _KEPT, "consent"),
    "booklet.BookletProfile.linkedin": ("Optional contact details in the profile", _KEPT, "consent"),
    "booklet.BookletProfile.locked_by": ("Accountability of staff actions (the lock before printing)",
                                         "Set to nobody when that staff member is erased", "legitimate_interest"),
    "booklet.BookletConsent.profile": ("Whose consent it is", _KEPT, "legal_obligation"),
    "booklet.BookletConsent.level": ("The record of who the person allowed to see their profile, and when",
                                     _KEPT, "legal_obligation"),
    "booklet.BookletConsent.wording": ("The text the person agreed to", _KEPT, "legal_obligation"),
    "booklet.BookletConsent.given_at": ("When the person chose", _KEPT, "legal_obligation"),
    "booklet.BookletConsent.given_by": ("Who recorded the choice (the person, or staff on their behalf)",
                                        "Set to nobody when that account is erased", "legal_obligation"),
}

HANDLING = {
    "booklet.BookletProfile": "Access: every field of the person's profiles and the photo as stored (in the zip). "
                              "Erasure: the profile and its photo deleted (before the participation). A staff "
                              "member who locked one: set to nobody.",
    "booklet.BookletConsent": "Access: every recorded choice with its wording, time and whether staff recorded "
                              "it. Erasure: deleted with the profile. Staff who recorded one: set to nobody.",
}

NOT_PERSONAL = {
    "booklet.BookletProfile.photo_content_type": "The stored photo's format (always JPEG).",
    "booklet.BookletConsent.wording_version": "Which version of the consent text was shown.",
    "booklet.BookletSettings.introduction": "The edition's booklet introduction, written by staff.",
}
