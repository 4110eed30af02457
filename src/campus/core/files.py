"""Private files: uploads judged by their content, stored under random names, served only as attachments.

Three pieces, used together by any app that takes documents from people (CVs, motivational letters):

- :func:`validate_document` reads an upload and says what it really is (PDF, DOCX or ODT, by content,
  never by its name or the browser's word), or raises a ``ValidationError`` that tells the user what is
  allowed. The first bytes say which kind it claims to be; :mod:`campus.core.filecheck` then checks its
  structure (a PDF opens with pypdf, has pages and no scripts; a zip's sizes, nested archives and XML).
  Zip-based formats are streamed through, never extracted to disk.
- :class:`PrivateStorage` keeps files under ``MEDIA_ROOT/private/`` with random names and no URL.
- :func:`private_file_response` streams one back as a download that no browser will render or run.
  Permission checks belong to the calling view.
"""

import hashlib
import math
import os
import re
import unicodedata
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from campus.core.filecheck import check_pdf, check_zip_content, check_zip_sizes

MB = 1024 * 1024
CHUNK_SIZE = 64 * 1024

# What zipfile raises on damaged, truncated or encrypted archives.
UNREADABLE_ZIP = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError,
                  ValueError, OSError)

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

# kind -> (label shown to people, content type)
KINDS = {
    "pdf": ("PDF", "application/pdf"),
    "docx": ("Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "odt": ("OpenDocument (ODT)", "application/vnd.oasis.opendocument.text"),
}

_PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")


@dataclass(frozen=True)
class DetectedFile:
    """What an upload really is. ``safe_name`` is for display and downloads, never for storage paths."""

    kind: str  # "pdf", "docx" or "odt"
    extension: str  # without the dot
    content_type: str
    size: int
    sha256: str
    safe_name: str


# --- validation ------------------------------------------------------------------------------


def validate_document(uploaded_file, *, allowed=("pdf", "docx", "odt"), max_bytes=10 * MB) -> DetectedFile:
    """Judge ``uploaded_file`` by its content; return a :class:`DetectedFile` or raise ``ValidationError``.

    ``uploaded_file`` is any seekable binary file object with a ``name`` (a Django ``UploadedFile``,
    ``File`` or an open file). It is left at position 0.
    """
    unknown = set(allowed) - set(KINDS)
    if unknown:
        raise ValueError(f"Unknown document kinds: {sorted(unknown)}")
    formats = _formats(allowed)

    declared = getattr(uploaded_file, "size", None)
    if declared is not None and declared > max_bytes:
        raise _too_large(declared, max_bytes)

    # One pass in chunks: size (whatever .size claimed), hash and the first bytes.
    digest, size, head = hashlib.sha256(), 0, b""
    uploaded_file.seek(0)
    while chunk := uploaded_file.read(CHUNK_SIZE):
        size += len(chunk)
        if size > max_bytes:
            uploaded_file.seek(0)
            raise _too_large(size, max_bytes)
        digest.update(chunk)
        if len(head) < 1024:
            head += chunk[: 1024 - len(head)]
    uploaded_file.seek(0)
    if size == 0:
        limit = _human(max_bytes, limit=True)
        raise ValidationError(
            f"This file is empty. Please choose your document again: {formats}, at most {limit}.", code="empty"
        )

    kind = None
    if _PDF_HEADER.match(head):
        kind = "pdf"
    elif head.startswith(b"PK\x03\x04"):
        try:
            kind = _zip_kind(uploaded_file, formats)
        finally:
            uploaded_file.seek(0)
    if kind not in allowed:
        article = "an" if formats[0] in "AEIOU" else "a"
        these = "one of these formats" if len(allowed) > 1 else "this format"
        raise ValidationError(
            f"This file is not {article} {formats} document. Please upload it in {these}.", code="file_type"
        )
    if kind == "pdf":
        try:
            check_pdf(uploaded_file)
        finally:
            uploaded_file.seek(0)

    return DetectedFile(
        kind=kind,
        extension=kind,
        content_type=KINDS[kind][1],
        size=size,
        sha256=digest.hexdigest(),
        safe_name=safe_name(getattr(uploaded_file, "name", "") or "", kind),
    )


def _zip_kind(file, formats: str) -> str | None:
    """'docx', 'odt' or None for a zip; raise ValidationError for zips no document should be."""
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            check_zip_sizes(members, formats)
            names = [m.filename for m in members]
            if any(name.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", name) for name in names):
                return None  # paths that escape the archive: not something Word or LibreOffice writes

            if "[Content_Types].xml" in names and "word/document.xml" in names:
                if any(name.lower().endswith("vbaproject.bin") for name in names):
                    raise ValidationError(
                        "This Word document contains macros, which we do not accept. "
                        "Please save it as a normal Word document (DOCX) or as PDF and upload it again.",
                        code="macros",
                    )
                check_zip_content(archive, formats)
                return "docx"
            first = members[0] if members else None
            if first is not None and first.filename == "mimetype" and first.file_size == len(ODT_MIMETYPE):
                with archive.open(first) as member:
                    if member.read(len(ODT_MIMETYPE) + 1) == ODT_MIMETYPE:
                        check_zip_content(archive, formats)
                        return "odt"
            return None
    except UNREADABLE_ZIP:
        return None  # damaged, encrypted or otherwise unreadable: not a document we accept


def _formats(kinds) -> str:
    labels = [KINDS[kind][0] for kind in kinds]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]


def _human(size: int, *, limit: bool = False) -> str:
    """Bytes as people read them. A file's size is rounded up ("10.1 MB", never "10.0 MB" for a file
    over a 10 MB limit); a limit is shown plainly ("10 MB")."""
    unit, scale = ("MB", MB) if size >= MB else ("kB", 1024)
    if limit:
        return f"{round(size / scale, 1):g} {unit}"
    return f"{math.ceil(size * 10 / scale) / 10:.1f} {unit}"


def _too_large(size: int, max_bytes: int) -> ValidationError:
    return ValidationError(
        f"This file is {_human(size)}; the limit is {_human(max_bytes, limit=True)}. Please upload a smaller file.",
        code="too_large",
    )


def safe_name(original: str, extension: str, *, max_length: int = 100) -> str:
    """A display name from an uploader's file name: no folders, no control characters, the real extension.

    Keeps letters (any script), digits, space, dot, dash and underscore; ``"../../etc/passwd\\x00.pdf"``
    becomes ``"passwd.pdf"`` and an empty or unusable name becomes ``"document.<extension>"``.
    """
    name = _clean(original)
    stem = name.rpartition(".")[0] if "." in name else name
    while stem.lower().endswith("." + extension):
        stem = stem[: -len(extension) - 1]
    stem = stem.strip(" .-_")[: max_length - len(extension) - 1].strip(" .-_")
    return f"{stem or 'document'}.{extension}"


def _clean(name: str) -> str:
    """The last path part of ``name`` with only letters, marks, digits, dot, dash, underscore and single spaces."""
    name = re.split(r"[/\\]", unicodedata.normalize("NFKC", name or ""))[-1]
    name = "".join(
        " " if ch.isspace() else ch
        for ch in name
        if ch.isspace() or ch.isalnum() or ch in ".-_" or unicodedata.category(ch).startswith("M")
    )
    return " ".join(name.split())


# --- storage ---------------------------------------------------------------------------------


@deconstructible(path="campus.core.files.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Files under ``MEDIA_ROOT/private/``, saved under random names, with no URL.

    The location is read from settings on every use (tests override ``MEDIA_ROOT``). Whatever name a
    caller passes, only its extension survives: ``documents/<year>/<uuid4 hex>.<ext>``.
    The web server must never serve this folder; files go out through :func:`private_file_response`.
    """

    def __init__(self):
        super().__init__(file_permissions_mode=0o640, directory_permissions_mode=0o750)

    @property
    def base_location(self):
        return os.path.join(settings.MEDIA_ROOT, "private")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no URL; serve them with campus.core.files.private_file_response.")

    @staticmethod
    def random_name(filename: str) -> str:
        """``documents/<year>/<uuid4 hex>.<ext>``; only a short alphanumeric extension is kept."""
        extension = re.sub(r"[^a-z0-9]", "", Path(str(filename or "")).suffix.lower())[:8] or "bin"
        return f"documents/{timezone.now():%Y}/{uuid.uuid4().hex}.{extension}"

    def save(self, name, content, max_length=None):
        return super().save(self.random_name(name or getattr(content, "name", "")), content, max_length)


# --- serving ---------------------------------------------------------------------------------


def private_file_response(file_field_or_path, *, download_name: str, content_type: str) -> FileResponse:
    """Stream a private file as a download that browsers neither sniff, render, cache nor run.

    ``file_field_or_path``: a FieldFile (``document.file``), a path, or an open binary file.
    The caller has already checked that the requester may see it.
    """
    if isinstance(file_field_or_path, (str, os.PathLike)):
        handle = open(file_field_or_path, "rb")  # noqa: SIM115 - FileResponse closes it
    elif hasattr(file_field_or_path, "storage"):
        handle = file_field_or_path.storage.open(file_field_or_path.name, "rb")
    else:
        handle = file_field_or_path
    response = FileResponse(handle, content_type=content_type)
    response.headers["Content-Disposition"] = content_disposition(download_name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def content_disposition(download_name: str) -> str:
    """``attachment`` with an ASCII ``filename`` fallback and the full name in ``filename*`` (RFC 6266)."""
    name = _clean(download_name).strip(" .") or "download"
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""

    def ascii_only(text: str) -> str:
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().strip(" .")

    fallback = (ascii_only(stem) or "download") + (f".{ascii_only(extension)}" if ascii_only(extension) else "")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
