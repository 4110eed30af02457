"""eddsa-rdfc-2022 Data Integrity proofs: the published W3C test vector verifies with our verify code; what we
sign verifies; a changed word does not; the JSON-LD contexts come from the repository, never the network."""

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from campus.certificates import jsonld, proof

VECTORS = Path(__file__).resolve().parent / "vectors"


def vector():
    return (json.loads((VECTORS / "eddsa-rdfc-2022-signed.json").read_text()),
            json.loads((VECTORS / "key-pair.json").read_text()))


def test_the_published_test_vector_verifies():
    document, keys = vector()
    public = proof.public_key_from_multikey(keys["publicKeyMultibase"])
    assert proof.verify(document, public_key=public) is True
    # the specification's intermediate value: sha256(proof config) + sha256(document)
    config = {k: v for k, v in document["proof"].items() if k != "proofValue"}
    assert proof._hash_data(document, config).hex() == (
        "4c4d3890a157f8d611b13c265c2c22f39aa0a567c7c7dd9ba3e45cd579784eeb"
        "517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017")


def test_the_vector_signed_again_gives_the_published_proof_value():
    document, keys = vector()
    private = proof.private_key_from_multikey(keys["privateKeyMultibase"])
    assert proof.public_multikey(private.public_key()) == keys["publicKeyMultibase"]
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    signed = proof.sign(unsigned, private_key=private, verification_method=document["proof"]["verificationMethod"],
                        created=document["proof"]["created"])
    assert signed["proof"] == document["proof"]  # Ed25519 is deterministic


def test_a_changed_vector_fails():
    document, keys = vector()
    document["credentialSubject"]["alumniOf"] = "The School of Forgeries"
    assert proof.verify(document, public_key=proof.public_key_from_multikey(keys["publicKeyMultibase"])) is False


def test_sign_then_verify_and_a_changed_name_or_key_fails():
    key = Ed25519PrivateKey.generate()
    document = {
        "@context": [jsonld.CREDENTIALS_V2, jsonld.OPEN_BADGES_V3],
        "id": "https://campus.example/certificates/ABCDE12345/",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://campus.example/certificates/issuer/", "type": ["Profile"], "name": "Campus"},
        "validFrom": "2026-12-07T14:00:00Z",
        "name": "Certificate",
        "credentialSubject": {"type": ["AchievementSubject"], "identifier": [
            {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": "Pia Participant"}],
            "achievement": {"id": "https://campus.example/certificates/issuer/#a", "type": ["Achievement"],
                            "name": "BSR", "criteria": {"narrative": "Done."}}},
    }
    signed = proof.sign(document, private_key=key, verification_method="https://campus.example/k#1",
                        created="2026-12-07T14:00:00Z")
    assert proof.verify(signed, public_key=key.public_key())
    signed["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory Participant"
    assert not proof.verify(signed, public_key=key.public_key())
    signed["credentialSubject"]["identifier"][0]["identityHash"] = "Pia Participant"
    assert not proof.verify(signed, public_key=Ed25519PrivateKey.generate().public_key())
    with pytest.raises(proof.ProofError):
        proof.verify(document, public_key=key.public_key())


def test_contexts_are_never_fetched(monkeypatch):
    import urllib.request

    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: pytest.fail("a context was fetched"))
    with pytest.raises(jsonld.UnknownContext):
        jsonld.document_loader("https://example.org/unknown-context")
    with pytest.raises(Exception):  # pyld wraps the loader's refusal
        jsonld.canonize({"@context": "https://example.org/unknown-context", "name": "x"})
    for url in jsonld.BUNDLED:
        assert jsonld.document_loader(url)["document"]["@context"]


@pytest.mark.parametrize("data", [b"", b"\0\0abc", bytes(range(40))])
def test_base58_round_trip(data):
    assert proof.b58decode(proof.b58encode(data)) == data
