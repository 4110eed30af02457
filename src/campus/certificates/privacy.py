"""Personal data held by the certificates app (read by campus.privacy.registry; see docs/privacy.md).

Decision: a certificate is the holder's proof, relied on by whoever they show it to, so it is kept for as long
as the holder may need it (no retention purge), not as a record the programme must keep. On erasure the holder's
name and the signed credential are deleted; the row keeps only its code, edition and date (the edition's count
of certificates stays true) and the public verification address answers "not found", exactly as for a code
that never existed: nothing about the erased person is confirmed to anyone.
"""

PERSONAL_DATA = {
    "certificates.Certificate.holder_name": (
        "Certifying that the participant completed the edition; shown on the public verification page",
        "Until erased on request (the holder's proof, kept for as long as they may need it)", "contract"),
    "certificates.Certificate.participant": (
        "Whose certificate it is (their page, their download)", "Until erased on request", "contract"),
    "certificates.Certificate.credential": (
        "The signed Open Badges credential (the holder's name, the programme, edition and date)",
        "Until erased on request", "contract"),
    "certificates.Certificate.note": (
        "Why a manager issued a certificate by hand", "With the certificate; cleared on erasure",
        "legitimate_interest"),
    "certificates.Certificate.revoke_reason": (
        "Why a certificate was revoked", "With the certificate; cleared on erasure", "legitimate_interest"),
    "certificates.Certificate.issued_by": (
        "Accountability of staff actions", "Set to nobody when that staff member is erased", "legitimate_interest"),
    "certificates.Certificate.revoked_by": (
        "Accountability of staff actions", "Set to nobody when that staff member is erased", "legitimate_interest"),
}

# How subject access and erasure treat each model (docs/privacy.md shows it). Done by privacy_handler.py.
HANDLING = {
    "certificates.Certificate": "Access: the person's certificates (code, name, programme, edition, date, state, "
                                "revocation date) and each signed credential. Erasure: name, credential, notes "
                                "and reasons deleted, the link to the participant removed, the state set to "
                                "erased; the public verification address then answers \"not found\" (404). "
                                "A staff member who issued or revoked one: set to nobody. No retention purge: "
                                "the certificate is the holder's proof.",
}

NOT_PERSONAL = {
    "certificates.IssuerKey.name": "The name of the issuer's signing key (\"1\"), part of its public key id.",
    "certificates.Certificate.programme_name": "The programme's name as printed on the certificate.",
    "certificates.Certificate.edition_name": "The edition's name as printed on the certificate.",
}
