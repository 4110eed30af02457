"""The certificate as an Open Badges 3.0 credential: a W3C Verifiable Credential 2.0 of type
``OpenBadgeCredential``, signed with a ``DataIntegrityProof`` (``eddsa-rdfc-2022``, see ``proof.py``).

What it says about the holder is their name only (an ``IdentityObject`` of type ``name``, not hashed): no
address, no e-mail, no account id. The issuer is the site's issuer profile (``/certificates/issuer/``), which
publishes the public key as a Multikey; ``proof.verificationMethod`` is that key's id
(``.../certificates/issuer/#key-<name>``). The credential is built and signed once, when the certificate is
issued, and stored: the same bytes are served every time, and the stored words (name, programme, edition,
date) are the ones the signature covers.
"""

from __future__ import annotations

from django.urls import reverse

from . import jsonld, proof

ISSUER_PATH_NAME = "certificates:issuer"


def absolute(base: str, url_name: str, **kwargs) -> str:
    return base.rstrip("/") + reverse(url_name, kwargs=kwargs or None)


def issuer_id(base: str) -> str:
    return absolute(base, ISSUER_PATH_NAME)


def key_id(base: str, key_name: str) -> str:
    return f"{issuer_id(base)}#key-{key_name}"


def achievement_id(base: str, edition) -> str:
    return f"{issuer_id(base)}#achievement-{edition.pk}"


def build(*, base: str, code: str, holder_name: str, programme_name: str, edition_name: str, edition,
          issued_at, criteria_text: str, issuer_name: str) -> dict:
    """The unsigned credential of one certificate (``base``: the site's address, e.g. https://campus.example)."""
    moment = issued_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    title = f"{programme_name} {edition_name}".strip()
    return {
        "@context": [jsonld.CREDENTIALS_V2, jsonld.OPEN_BADGES_V3],
        "id": absolute(base, "certificates:verify", code=code),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"Certificate: {title}",
        "issuer": {"id": issuer_id(base), "type": ["Profile"], "name": issuer_name, "url": base.rstrip("/") + "/"},
        "validFrom": moment,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                            "identityHash": holder_name}],
            "achievement": {
                "id": achievement_id(base, edition),
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": title,
                "description": f"Completed the {title}.",
                "criteria": {"narrative": criteria_text or "Completed the programme."},
            },
        },
    }


def sign(document: dict, *, key, base: str, created) -> dict:
    return proof.sign(document, private_key=proof.private_key_from_multikey(key.secret_multikey),
                      verification_method=key_id(base, key.name), created=created.strftime("%Y-%m-%dT%H:%M:%SZ"))


def verify(document: dict, *, key) -> bool:
    """True when ``document`` carries a valid proof by the issuer key ``key``."""
    try:
        return proof.verify(document, public_key=proof.public_key_from_multikey(key.public_multikey))
    except (proof.ProofError, ValueError):
        return False
