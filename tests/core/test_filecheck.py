"""Structural checks of PDFs and zip documents (campus.core.filecheck), beyond the corpus of
tests/core/upload_corpus: the limits, the decisions (password-free encryption, embedded spreadsheets, ODT
XML) and damaged files, which must only ever end in a ValidationError with a message."""

import io
import random
import zipfile

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campus.core import filecheck
from campus.core.files import validate_document

from .upload_corpus import (
    DOCX_PARTS, MESSAGES, XXE_DOCUMENT, docx_bytes, odt_bytes, pdf_bytes, pdf_with_javascript, pypdf_bytes, raw_pdf, upload, xlsx_bytes,
    zip_bytes,
)


def refusal(data: bytes, name: str = "cv.pdf") -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_document(upload(name, data))
    return caught.value


def test_a_pdf_over_the_page_limit_is_refused_with_the_count(monkeypatch):
    monkeypatch.setattr(filecheck, "PDF_MAX_PAGES", 3)
    assert validate_document(upload("cv.pdf", pypdf_bytes(pages=3))).kind == "pdf"
    error = refusal(pypdf_bytes(pages=4))
    assert error.code == "pdf_too_many_pages"
    assert error.messages == ["This PDF has 4 pages; the limit is 3. Please upload a shorter document."]


def test_the_walk_through_a_pdf_is_bounded_in_objects_and_time(monkeypatch):
    monkeypatch.setattr(filecheck, "PDF_MAX_OBJECTS", 2)
    assert refusal(pdf_bytes()).code == "pdf_unreadable"
    monkeypatch.setattr(filecheck, "PDF_MAX_OBJECTS", 100_000)
    monkeypatch.setattr(filecheck, "PDF_TIME_LIMIT", -1.0)
    assert refusal(pdf_bytes()).code == "pdf_unreadable"


def test_a_pdf_with_an_owner_password_only_is_checked_like_any_other():
    """It opens without a password, so its content is checked: JavaScript in it is still found."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_with_javascript())))
    writer.encrypt("", "owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert PdfReader(io.BytesIO(buffer.getvalue())).is_encrypted
    assert refusal(buffer.getvalue()).code == "pdf_active"


def test_a_link_to_a_web_page_is_fine_but_a_launch_in_a_link_is_not():
    def page_with(action: bytes) -> bytes:
        return raw_pdf([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] >>",
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 20] /A 5 0 R >>",
            action,
        ])

    assert validate_document(upload("cv.pdf", page_with(b"<< /S /URI /URI (https://example.org/) >>"))).kind == "pdf"
    assert refusal(page_with(b"<< /S /Launch /F (calc.exe) >>")).messages == [MESSAGES["pdf_active"]]


def test_pdf_trailing_bytes_beyond_the_window_are_refused_even_when_blank_would_be_fine():
    assert validate_document(upload("cv.pdf", pdf_bytes() + b"\n" * 100)).kind == "pdf"
    assert refusal(pdf_bytes() + b"x" * 2000).code == "pdf_appended"


def test_a_docx_with_a_small_embedded_spreadsheet_is_accepted_and_its_xml_is_checked_too():
    assert validate_document(upload("cv.docx", docx_bytes([("word/embeddings/a.xlsx", xlsx_bytes())]))).kind == "docx"
    evil_sheet = zip_bytes([("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", XXE_DOCUMENT)])
    assert refusal(docx_bytes([("word/embeddings/a.xlsx", evil_sheet)]), "cv.docx").code == "xml_declarations"


def test_nested_zips_count_toward_the_same_total(monkeypatch):
    sheet = xlsx_bytes()
    inner_total = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(sheet)).infolist())
    outer_total = sum(len(data) for _, data in DOCX_PARTS) + len(sheet)
    monkeypatch.setattr(filecheck, "ZIP_MAX_UNCOMPRESSED", outer_total + inner_total)
    docx = docx_bytes([("word/embeddings/a.xlsx", sheet)])
    assert validate_document(upload("cv.docx", docx)).kind == "docx"
    monkeypatch.setattr(filecheck, "ZIP_MAX_UNCOMPRESSED", outer_total + inner_total - 1)
    assert refusal(docx, "cv.docx").code == "zip_bomb"


def test_one_member_over_the_member_limit_is_a_zip_bomb(monkeypatch):
    monkeypatch.setattr(filecheck, "ZIP_MAX_MEMBER", 1000)
    assert refusal(docx_bytes([("word/media/big.bin", random.Random(1).randbytes(1001))]), "cv.docx").code == "zip_bomb"


def test_an_odt_with_an_external_entity_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(odt_bytes())) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, XXE_DOCUMENT if info.filename == "content.xml" else data)
    assert refusal(buffer.getvalue(), "cv.odt").code == "xml_declarations"


def test_a_utf16_xml_part_with_a_doctype_is_found_too():
    utf16 = XXE_DOCUMENT.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode().encode("utf-16")
    assert refusal(zip_bytes([(n, utf16 if n == "word/document.xml" else d) for n, d in DOCX_PARTS]),
                   "cv.docx").code == "xml_declarations"


def _mutations(data: bytes):
    return st.one_of(
        st.integers(1, len(data) - 1).map(lambda n: data[:n]),  # truncated
        st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)), min_size=1, max_size=8).map(
            lambda flips: bytes(_flip(data, flips))
        ),
    )


def _flip(data: bytes, flips):
    out = bytearray(data)
    for position, value in flips:
        out[position] = value
    return out


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(_mutations(pdf_bytes()), _mutations(pypdf_bytes()), _mutations(docx_bytes())))
def test_a_damaged_document_is_accepted_or_refused_with_a_message_never_an_exception(data):
    try:
        validate_document(upload("cv.pdf", data))
    except ValidationError as error:
        assert error.messages and error.messages[0].endswith(".") and "Please" in error.messages[0]
