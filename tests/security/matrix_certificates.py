"""The certificates' URLs in the permission matrix (merged into matrix.py; see the notes there).

Staff pages: the edition's managers (and superusers) only; every other signed-in person gets 404, visitors sign
in first. The by-hand note and the revocation reason carry the secret marker (world_certificates.py): only the
manager and the superuser see them. /me/certificate/: the participant only (403 for anyone else signed in).
The verification address, the lookup form and the issuer's profile: public, GET only.
"""

from .matrix import LOGIN, Case, E

MANAGERS = {"manager": "200", "superuser": "200"}
STAFF_GET = E("404", anonymous=LOGIN, **MANAGERS)
GET_ONLY = E("405")
HOME = "302→/staff/certificates/"

MATRIX = {
    # --- staff (/staff/certificates/) ---------------------------------------------------------------------
    "staff_certificates:home": [
        Case("/staff/certificates/", STAFF_GET, GET_ONLY),
        Case("/staff/certificates/?edition={cert_edition}", STAFF_GET, GET_ONLY),
        Case("/staff/certificates/?edition=999999", E("404", anonymous=LOGIN), GET_ONLY),
    ],
    "staff_certificates:rules": [
        # an empty POST ticks no criterion: the rules become none (a valid form), back to the preview
        Case("/staff/certificates/editions/{cert_edition}/rules/", STAFF_GET,
             E("404", anonymous=LOGIN, manager=HOME, superuser=HOME)),
    ],
    "staff_certificates:issue": [
        # no rules in the world: nothing is issued, the preview says why
        Case("/staff/certificates/editions/{cert_edition}/issue/", E("405"),
             E("404", anonymous=LOGIN, manager=HOME, superuser=HOME)),
    ],
    "staff_certificates:by_hand": [
        # an empty note is refused on the form; the participant already holds one: refused there too
        Case("/staff/certificates/editions/{cert_edition}/by-hand/{cert_participant}/", STAFF_GET, STAFF_GET),
        Case("/staff/certificates/editions/{cert_edition}/by-hand/999999/", E("404", anonymous=LOGIN),
             E("404", anonymous=LOGIN)),
    ],
    "staff_certificates:list": [
        Case("/staff/certificates/editions/{cert_edition}/list/", STAFF_GET, GET_ONLY),
    ],
    "staff_certificates:export": [
        Case("/staff/certificates/editions/{cert_edition}/export.csv", E("404", anonymous=LOGIN,
             manager="200+secret", superuser="200+secret"), GET_ONLY),
        Case("/staff/certificates/editions/{cert_edition}/export.xlsx", E("404", anonymous=LOGIN,
             manager="200+secret", superuser="200+secret"), GET_ONLY),
        Case("/staff/certificates/editions/{cert_edition}/export.pdf", E("404", anonymous=LOGIN), GET_ONLY),
    ],
    "staff_certificates:certificate": [
        Case("/staff/certificates/{certificate}/", E("404", anonymous=LOGIN, manager="200+secret",
             superuser="200+secret"), STAFF_GET, note="an empty reason is refused on the form"),
        Case("/staff/certificates/{revoked_certificate}/", E("404", anonymous=LOGIN, manager="200+secret",
             superuser="200+secret"), STAFF_GET),
    ],
    "staff_certificates:pdf": [
        Case("/staff/certificates/{certificate}/pdf/", STAFF_GET, GET_ONLY),
        Case("/staff/certificates/{revoked_certificate}/pdf/", E("404", anonymous=LOGIN), GET_ONLY,
             note="a revoked certificate has no PDF"),
    ],
    # --- the participant (/me/certificate/) ----------------------------------------------------------------
    "certificates_me:home": [Case("/me/certificate/", E("403", anonymous=LOGIN, participant="200"), GET_ONLY)],
    "certificates_me:pdf": [Case("/me/certificate/pdf/", E("403", anonymous=LOGIN, participant="200"), GET_ONLY)],
    # --- public ---------------------------------------------------------------------------------------------
    "certificates:lookup": [Case("/certificates/", E("200"), GET_ONLY)],
    "certificates:issuer": [Case("/certificates/issuer/", E("200"), GET_ONLY)],
    "certificates:verify": [
        Case("/certificates/{cert_code}/", E("200"), GET_ONLY),
        Case("/certificates/{revoked_code}/", E("200"), GET_ONLY),
        Case("/certificates/ABCDE12345/", E("404"), GET_ONLY, note="not found"),
    ],
}
