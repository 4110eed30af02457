"""JSON-LD for the credentials, offline: the contexts they use are files of this app (``contexts/``), served to
pyld by a document loader that never touches the network (an unknown context is an error, not a fetch).

RDF Dataset Canonicalization (RDFC-1.0, the algorithm pyld calls URDNA2015) turns a document into N-Quads whose
bytes do not depend on key order or blank-node names: what the eddsa-rdfc-2022 proof hashes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pyld import jsonld

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"

# context URL -> bundled file (the published documents, copied into the repository)
BUNDLED = {
    CREDENTIALS_V2: "credentials-v2.jsonld",
    "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
    OPEN_BADGES_V3: "ob-v3p0-3.0.3.jsonld",
    DATA_INTEGRITY_V2: "data-integrity-v2.jsonld",
    MULTIKEY_V1: "multikey-v1.jsonld",
}


class UnknownContext(Exception):
    """A document names a context that is not bundled: it is never fetched."""


@lru_cache(maxsize=None)
def _bundled(url: str) -> str:
    return (CONTEXTS_DIR / BUNDLED[url]).read_text()


def document_loader(url: str, options=None) -> dict:
    """pyld's loader: the bundled context for ``url``; anything else is refused (no network at run time)."""
    if url not in BUNDLED:
        raise UnknownContext(f"JSON-LD context not bundled (never fetched): {url}")
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(_bundled(url))}


def canonize(document: dict) -> str:
    """The RDFC-1.0 canonical N-Quads of ``document``. Terms that no context defines are an error (``safe``
    mode), so nothing that is signed is silently dropped from the signature."""
    return jsonld.normalize(document, {
        "algorithm": "URDNA2015", "format": "application/n-quads",
        "documentLoader": document_loader, "safe": True,
    })
