"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C vc-di-eddsa): Ed25519 signatures over
the RDFC-1.0 canonical form of a credential.

Creating a proof (and checking one) follows the specification's steps:

1. the proof configuration is the proof without ``proofValue``, with the document's ``@context``;
2. both the configuration and the document without its proof are canonicalised (``jsonld.canonize``);
3. the data signed is ``sha256(canonical configuration) + sha256(canonical document)`` (64 bytes);
4. ``proofValue`` is the Ed25519 signature in multibase base58btc (``z...``).

Keys are Multikeys: ``publicKeyMultibase`` is ``z`` + base58btc(0xed 0x01 + 32 bytes); a secret key
``z`` + base58btc(0x80 0x26 + 32 bytes of seed).
"""

from __future__ import annotations

import copy
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from . import jsonld

CRYPTOSUITE = "eddsa-rdfc-2022"
ED25519_PUB = b"\xed\x01"
ED25519_PRIV = b"\x80\x26"
_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


class ProofError(Exception):
    """A proof is missing, malformed or not of this cryptosuite."""


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = _ALPHABET[rest] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        index = _ALPHABET.find(char)
        if index < 0:
            raise ValueError(f"not base58btc: {char!r}")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def multibase_decode(value: str) -> bytes:
    if not value.startswith("z"):
        raise ValueError("only multibase base58btc (z...) is supported")
    return b58decode(value[1:])


def public_multikey(public_key: Ed25519PublicKey) -> str:
    return "z" + b58encode(ED25519_PUB + public_key.public_bytes(Encoding.Raw, PublicFormat.Raw))


def public_key_from_multikey(value: str) -> Ed25519PublicKey:
    raw = multibase_decode(value)
    if not raw.startswith(ED25519_PUB) or len(raw) != 34:
        raise ValueError("not an Ed25519 public Multikey")
    return Ed25519PublicKey.from_public_bytes(raw[2:])


def secret_multikey(private_key: Ed25519PrivateKey) -> str:
    return "z" + b58encode(ED25519_PRIV + private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))


def private_key_from_multikey(value: str) -> Ed25519PrivateKey:
    raw = multibase_decode(value)
    if not raw.startswith(ED25519_PRIV) or len(raw) != 34:
        raise ValueError("not an Ed25519 secret Multikey")
    return Ed25519PrivateKey.from_private_bytes(raw[2:])


def _hash_data(document: dict, proof_config: dict) -> bytes:
    config = dict(proof_config)
    config["@context"] = document["@context"]
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    return (hashlib.sha256(jsonld.canonize(config).encode()).digest()
            + hashlib.sha256(jsonld.canonize(unsecured).encode()).digest())


def sign(document: dict, *, private_key: Ed25519PrivateKey, verification_method: str, created: str) -> dict:
    """``document`` with a ``DataIntegrityProof`` (``created``: an XML Schema dateTime, e.g. 2026-12-07T14:00:00Z)."""
    proof = {
        "type": "DataIntegrityProof", "cryptosuite": CRYPTOSUITE, "created": created,
        "verificationMethod": verification_method, "proofPurpose": "assertionMethod",
    }
    signature = private_key.sign(_hash_data(document, proof))
    secured = copy.deepcopy(document)
    secured["proof"] = {**proof, "proofValue": "z" + b58encode(signature)}
    return secured


def verify(document: dict, *, public_key: Ed25519PublicKey) -> bool:
    """True when ``document``'s proof is a valid eddsa-rdfc-2022 proof by ``public_key``; False when the
    signature does not match (a changed name, a changed date, another key); ProofError when there is no
    proof of this kind to check."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        raise ProofError("The document carries no single proof.")
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError(f"Not a DataIntegrityProof with cryptosuite {CRYPTOSUITE}.")
    if proof.get("proofPurpose") != "assertionMethod":
        raise ProofError("The proof's purpose is not assertionMethod.")
    try:
        signature = multibase_decode(proof.get("proofValue", ""))
    except ValueError as error:
        raise ProofError(str(error)) from error
    config = {key: value for key, value in proof.items() if key != "proofValue"}
    try:
        public_key.verify(signature, _hash_data(document, config))
    except InvalidSignature:
        return False
    return True
