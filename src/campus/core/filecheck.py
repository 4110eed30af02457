"""Structural checks of uploaded documents, after :func:`campus.core.files.validate_document` has told what
kind they are by their first bytes. A file only passes when it opens as what it claims to be and carries
nothing a CV or a letter never needs.

- PDF (:func:`check_pdf`): ends with ``%%EOF`` (only blank bytes after it; nothing appended, no zip hidden
  at its end), opens with pypdf, has 1 to ``PDF_MAX_PAGES`` pages, opens without a password, and has no
  JavaScript, launch or embedded-file actions, no attached files and no XFA forms anywhere in the objects
  reachable from its trailer. The walk is bounded in objects and time; every pypdf error means "not a
  readable PDF".
- DOCX and ODT (:func:`check_zip_sizes`, :func:`check_zip_content`): limits on members, on each member's
  and the total uncompressed size and on the compression ratio, all from the zip's directory; nested zips
  (a spreadsheet embedded in a Word document) are held to the same limits, one level deep, and count
  toward the same total; other archives inside are refused. Every XML part is parsed with expat, streamed,
  and refused at the first DTD or entity declaration (so no external entity and no entity expansion can
  ever happen); a part that is not well-formed XML makes the document damaged.
"""

import io
import time
import zipfile
import zlib
from xml.parsers import expat

from django.core.exceptions import ValidationError

MB = 1024 * 1024

# --- PDF -------------------------------------------------------------------------------------

PDF_MAX_PAGES = 200
PDF_MAX_OBJECTS = 100_000  # objects visited when looking for active content
PDF_TIME_LIMIT = 10.0  # seconds for opening and walking one PDF (checked between objects)
PDF_EOF_WINDOW = 1024  # %%EOF must be within this many bytes of the end (as readers look for it)

# Keys and action types that make a PDF do something when it is opened or clicked, or carry files.
ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/XFA", "/RichMedia"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/GoToE", "/ImportData", "/RichMediaExecute"}

PDF_MESSAGES = {
    "pdf_unreadable": (
        "This PDF cannot be read: it is damaged or incomplete. "
        "Please export or save your document as PDF again and upload the new file."
    ),
    "pdf_no_pages": "This PDF has no pages. Please export or save your document as PDF again and upload the new file.",
    "pdf_appended": (
        "This PDF has other data attached after its end, so we cannot accept it. "
        "Please export or save your document as PDF again and upload the new file."
    ),
    "pdf_active": (
        "This PDF contains scripts, actions that start programs or attached files, which we do not accept. "
        "Please export or print your document to a new PDF without them and upload the new file."
    ),
    "pdf_encrypted": (
        "This PDF is protected by a password, so we cannot open it. "
        "Please remove the password (save an unprotected copy) and upload the new file."
    ),
}


def _pdf_error(code: str) -> ValidationError:
    return ValidationError(PDF_MESSAGES[code], code=code)


def check_pdf(file) -> None:
    """Raise ``ValidationError`` unless ``file`` (seekable, already size-checked) is a plain, readable PDF."""
    file.seek(0)
    data = file.read()
    file.seek(0)

    tail = data[-PDF_EOF_WINDOW:]
    end = tail.rfind(b"%%EOF")
    if end < 0:
        raise _pdf_error("pdf_appended" if b"%%EOF" in data else "pdf_unreadable")
    if tail[end + 5 :].strip(b" \t\r\n\f\x00"):
        raise _pdf_error("pdf_appended")
    if zipfile.is_zipfile(io.BytesIO(data)):
        raise _pdf_error("pdf_appended")  # a zip (DOCX, ...) whose directory sits before the final %%EOF

    try:
        from pypdf import PasswordType, PdfReader

        deadline = time.monotonic() + PDF_TIME_LIMIT
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise _pdf_error("pdf_encrypted")
        pages = len(reader.pages)
        active = _has_active_content(reader.trailer, deadline)
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds (and RecursionError, ...) on hostile files
        raise _pdf_error("pdf_unreadable") from error
    if pages == 0:
        raise _pdf_error("pdf_no_pages")
    if pages > PDF_MAX_PAGES:
        raise ValidationError(
            f"This PDF has {pages} pages; the limit is {PDF_MAX_PAGES}. Please upload a shorter document.",
            code="pdf_too_many_pages",
        )
    if active:
        raise _pdf_error("pdf_active")


def _has_active_content(root, deadline: float) -> bool:
    """Whether any object reachable from ``root`` is JavaScript, a launch action or an attached file."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stack, seen, visited = [root], set(), 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        visited += 1
        if visited > PDF_MAX_OBJECTS or time.monotonic() > deadline:
            raise ValueError("too many objects to check")
        if isinstance(obj, DictionaryObject):
            for name, value in dict.items(obj):  # raw values: indirect references stay references
                if name in ACTIVE_KEYS:
                    return True
                if name == "/S" and value in ACTIVE_ACTIONS:
                    return True
                if isinstance(value, (DictionaryObject, ArrayObject, IndirectObject)):
                    stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(item for item in list.__iter__(obj)
                         if isinstance(item, (DictionaryObject, ArrayObject, IndirectObject)))
    return False


# --- DOCX and ODT ----------------------------------------------------------------------------

ZIP_MAX_MEMBERS = 2000
ZIP_MAX_UNCOMPRESSED = 100 * MB  # all members together, nested zips' members included
ZIP_MAX_MEMBER = 25 * MB  # one member
ZIP_MAX_RATIO = 100  # refused when also larger than ZIP_RATIO_FLOOR uncompressed
ZIP_RATIO_FLOOR = 10 * MB
ZIP_MAX_DEPTH = 1  # a zip inside the document is inspected; a zip inside that is refused

XML_SUFFIXES = (".xml", ".rels", ".rdf")
ARCHIVE_SIGNATURES = (
    b"PK\x03\x04", b"PK\x05\x06",  # zip (checked, one level deep)
    b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"\x28\xb5\x2f\xfd",  # others
)

# What reading a damaged member raises.
DAMAGED_ZIP = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError,
               ValueError, OSError, expat.ExpatError)


class _Declaration(Exception):
    """A DTD or entity declaration in an XML part."""


def zip_bomb_error(formats: str) -> ValidationError:
    return ValidationError(
        "This file would expand to far too much data when opened, so we cannot accept it. "
        f"Please save your document again as {formats} and upload the new file.",
        code="zip_bomb",
    )


def check_zip_sizes(members: list[zipfile.ZipInfo], formats: str) -> int:
    """Refuse a zip whose directory promises too many members or too much data; return its uncompressed total."""
    if len(members) > ZIP_MAX_MEMBERS:
        raise zip_bomb_error(formats)
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    if total > ZIP_MAX_UNCOMPRESSED or (total > ZIP_RATIO_FLOOR and total > ZIP_MAX_RATIO * max(packed, 1)):
        raise zip_bomb_error(formats)
    for member in members:
        if member.file_size > ZIP_MAX_MEMBER or (
            member.file_size > ZIP_RATIO_FLOOR and member.file_size > ZIP_MAX_RATIO * max(member.compress_size, 1)
        ):
            raise zip_bomb_error(formats)
    return total


def check_zip_content(archive: zipfile.ZipFile, formats: str) -> None:
    """Refuse a DOCX or ODT (already size-checked) with nested archives beyond the limits or unsafe XML."""
    try:
        outer = sum(info.file_size for info in archive.infolist())
        _check_members(archive, formats, depth=0, budget=[ZIP_MAX_UNCOMPRESSED - outer])
    except _Declaration:
        raise ValidationError(
            "This document contains XML declarations (DTD or entities) that word processors do not write, "
            f"so we cannot accept it. Please save your document again as {formats} and upload the new file.",
            code="xml_declarations",
        ) from None
    except DAMAGED_ZIP:
        raise ValidationError(
            "This document cannot be read: part of it is damaged. "
            f"Please save your document again as {formats} and upload the new file.",
            code="damaged",
        ) from None


def _check_members(archive: zipfile.ZipFile, formats: str, *, depth: int, budget: list[int]) -> None:
    for info in archive.infolist():
        if info.is_dir():
            continue
        with archive.open(info) as member:
            head = member.read(8)
        if info.filename.lower().endswith(XML_SUFFIXES):
            with archive.open(info) as member:
                _check_xml(member)
        elif head.startswith(ARCHIVE_SIGNATURES[:2]) and depth < ZIP_MAX_DEPTH:
            nested = zipfile.ZipFile(io.BytesIO(archive.read(info)))  # at most ZIP_MAX_MEMBER bytes
            with nested:
                budget[0] -= check_zip_sizes(nested.infolist(), formats)
                if budget[0] < 0:
                    raise zip_bomb_error(formats)
                _check_members(nested, formats, depth=depth + 1, budget=budget)
        elif head.startswith(ARCHIVE_SIGNATURES):
            raise ValidationError(
                "This document contains another compressed archive, which we do not accept. "
                f"Please remove it, save your document again as {formats} and upload the new file.",
                code="nested_archive",
            )


def _check_xml(member) -> None:
    """Parse one XML part, streamed; raise ``_Declaration`` at a DTD or entity, ``ExpatError`` if malformed."""

    def forbid(*args):
        raise _Declaration

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = forbid
    parser.EntityDeclHandler = forbid
    parser.UnparsedEntityDeclHandler = forbid
    parser.ExternalEntityRefHandler = forbid
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    while chunk := member.read(64 * 1024):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
