"""Asking the site as a role, and reading what it answered (HTML, text, PDF text, the files in a zip)."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import parse_qs, urlsplit

from django.core.cache import caches
from django.db import transaction
from pypdf import PdfReader

from .world import SECRET


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def readable(data: bytes) -> str:
    """The text a person could get out of ``data``: itself, a PDF's text, and (recursively) a zip's files."""
    parts = [data.decode("utf-8", "replace")]
    if data.startswith(b"%PDF"):
        parts.append(pdf_text(data))
    elif data.startswith(b"PK\x03\x04"):  # a zip: my-data, an XLSX export, a DOCX
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                parts.append(member.filename)
                parts.append(readable(archive.read(member)))
    return "\n".join(parts)


def visible(response, data: bytes | None = None) -> str:
    """Everything a response shows: its headers (file names!) and its readable content."""
    data = body(response) if data is None else data
    headers = "\n".join(f"{name}: {value}" for name, value in response.items())
    return headers + "\n" + readable(data)


def ask(client, method: str, url: str, data: dict | None = None):
    """One request in a savepoint that is rolled back (a POST that withdraws or logs out changes nothing
    for the next request); the client's cookies are put back as they were. Returns (response, body)."""
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    for cache in caches.all():
        cache.clear()  # rate limits and cached pages of one request must not decide the next
    try:
        with transaction.atomic():
            response = client.post(url, data or {}) if method == "POST" else client.get(url)
            data_bytes = body(response)  # read streams inside the savepoint
            transaction.set_rollback(True)
    finally:
        client.cookies.clear()
        for name, value in cookies.items():
            client.cookies[name] = value
    return response, data_bytes


def describe(response) -> str:
    if response.status_code in (301, 302, 303, 307, 308):
        return f"{response.status_code}→{response['Location']}"
    return str(response.status_code)


def mismatch(expected: str, response, data: bytes, url: str) -> str | None:
    """None when ``response`` is what ``expected`` says (see matrix.py for the notation), else why not."""
    status = response.status_code
    if expected.startswith("302→"):
        if status not in (301, 302, 303, 307, 308):
            return f"expected {expected}, got {describe(response)}"
        location = urlsplit(response["Location"])
        target = expected[len("302→"):]
        if target == "login":
            next_url = parse_qs(location.query).get("next", [""])[0]
            if location.path != "/accounts/login/" or not next_url.startswith(urlsplit(url).path):
                return f"expected a redirect to /accounts/login/?next={url}, got {describe(response)}"
            return None
        if target == "change":
            return None if location.path.endswith("/change/") else f"expected {expected}, got {describe(response)}"
        return None if location.path == target else f"expected {expected}, got {describe(response)}"
    wanted, _, secret = expected.partition("+")
    if str(status) != wanted:
        return f"expected {expected}, got {describe(response)}"
    if secret == "secret" and SECRET not in visible(response, data):
        return f"expected {expected}: the applicant's marker is not in what was served (the leak check is blind here)"
    return None


def directives(csp: str) -> dict[str, list[str]]:
    result = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            result[words[0].lower()] = words[1:]
    return result


def assert_strict_csp(csp: str) -> None:
    found = directives(csp)
    for name in ("script-src", "style-src"):
        sources = found.get(name, found.get("default-src"))
        assert sources, f"no {name} (nor default-src) in {csp!r}"
        for bad in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"):
            assert bad not in sources, f"{name} allows {bad}: {csp!r}"
    assert found.get("default-src") == ["'self'"], csp
    assert found.get("object-src") == ["'none'"], csp
    assert found.get("frame-ancestors") == ["'none'"], csp
    assert found.get("base-uri") == ["'self'"], csp
    assert found.get("form-action") == ["'self'"], csp
