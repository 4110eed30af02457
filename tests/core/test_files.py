"""Private files: validation by content against a corpus of hostile uploads, private storage, safe serving."""

import hashlib
import os
import re
import stat

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import path

from campus.core.files import (
    PrivateStorage,
    content_disposition,
    private_file_response,
    safe_name,
    validate_document,
)

from .upload_corpus import DOCX_TYPE, GOOD, HOSTILE, MB, docx_bytes, pdf_bytes, pdf_with_html_and_a_link, upload

RANDOM_NAME = re.compile(r"^documents/\d{4}/[0-9a-f]{32}\.(pdf|docx|odt)$")


def serve(request, name):
    """A stand-in for the application's permission-checked view."""
    return private_file_response(
        PrivateStorage().path(name), download_name=request.GET["as"], content_type=request.GET["type"]
    )


urlpatterns = [path("private/<path:name>", serve)]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _read(uploaded) -> bytes:
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


# --- the corpus ------------------------------------------------------------------------------


def test_corpus_is_big_enough():
    assert len([s for s in HOSTILE if s.code]) >= 15
    assert len({s.id for s in HOSTILE + GOOD}) == len(HOSTILE + GOOD)


@pytest.mark.parametrize("sample", [s for s in HOSTILE if s.code], ids=lambda s: s.id)
def test_hostile_file_is_refused_with_a_clear_message(sample):
    uploaded = sample.make()
    try:
        with pytest.raises(ValidationError) as caught:
            validate_document(uploaded)
        assert caught.value.code == sample.code
        assert caught.value.messages == [sample.expected_message]
        assert uploaded.tell() == 0
    finally:
        uploaded.close()


@pytest.mark.parametrize("sample", GOOD + [s for s in HOSTILE if not s.code], ids=lambda s: s.id)
def test_document_is_accepted_by_its_content(sample):
    uploaded = sample.make()
    detected = validate_document(uploaded)
    data = _read(uploaded)
    assert detected.kind == detected.extension == sample.kind
    assert detected.size == len(data)
    assert detected.sha256 == hashlib.sha256(data).hexdigest()
    assert detected.safe_name.endswith("." + sample.kind)
    assert uploaded.tell() == 0


def test_content_types_are_the_real_ones():
    kinds = {s.kind: validate_document(s.make()).content_type for s in GOOD}
    assert kinds == {"pdf": "application/pdf", "docx": DOCX_TYPE, "odt": "application/vnd.oasis.opendocument.text"}


def test_a_docx_named_pdf_gets_a_docx_name():
    assert validate_document(upload("cv.pdf", docx_bytes())).safe_name == "cv.docx"


def test_allowed_kinds_and_message_follow_the_arguments():
    with pytest.raises(ValidationError) as caught:
        validate_document(upload("cv.docx", docx_bytes()), allowed=("pdf",))
    assert caught.value.messages == ["This file is not a PDF document. Please upload it in this format."]
    with pytest.raises(ValidationError) as caught:
        validate_document(upload("cv.pdf", pdf_bytes()), allowed=("odt", "docx"))
    assert caught.value.messages == [
        "This file is not an OpenDocument (ODT) or Word (DOCX) document. Please upload it in one of these formats."
    ]
    with pytest.raises(ValueError):
        validate_document(upload("cv.pdf", pdf_bytes()), allowed=("exe",))


def test_size_limit_follows_the_argument():
    with pytest.raises(ValidationError) as caught:
        validate_document(upload("cv.pdf", b"%PDF-1.4\n" + b"x" * 4991), max_bytes=4096)
    assert caught.value.messages == ["This file is 4.9 kB; the limit is 4 kB. Please upload a smaller file."]
    exactly = upload("cv.pdf", pdf_bytes())
    assert validate_document(exactly, max_bytes=len(pdf_bytes())).size == len(pdf_bytes())


def test_a_file_just_over_the_limit_never_reads_as_the_limit():
    with pytest.raises(ValidationError) as caught:
        validate_document(upload("cv.pdf", b"%PDF-1.4\n".ljust(MB + 1, b" ")), max_bytes=MB)
    assert caught.value.messages == ["This file is 1.1 MB; the limit is 1 MB. Please upload a smaller file."]


def test_works_on_a_plain_open_file(tmp_path):
    target = tmp_path / "cv.pdf"
    target.write_bytes(pdf_bytes())
    with open(target, "rb") as handle:
        assert validate_document(handle).safe_name == "cv.pdf"


# --- safe names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "original, extension, expected",
    [
        ("../../etc/passwd\x00.pdf", "pdf", "passwd.pdf"),
        ("..\\..\\Windows\\system32\\cv.exe", "pdf", "cv.pdf"),
        ("", "pdf", "document.pdf"),
        (None, "odt", "document.odt"),
        ("....", "pdf", "document.pdf"),
        (".bashrc", "pdf", "document.pdf"),
        ("cv.pdf.exe", "pdf", "cv.pdf"),
        ("cv.docx", "pdf", "cv.pdf"),
        ("cv\u202efdp.exe", "pdf", "cvfdp.pdf"),
        ("CV <script>alert(1)</script>.pdf", "pdf", "script.pdf"),  # "/" ends a path part
        ("CV <b>alert(1)<b>.pdf", "pdf", "CV balert1b.pdf"),
        ('my "best" cv;\r\nSet-Cookie: x=1.pdf', "pdf", "my best cv Set-Cookie x1.pdf"),
        ("Äijälä   CV\t2026.PDF", "pdf", "Äijälä CV 2026.pdf"),
        ("Łukasz Żółć — życiorys.docx", "docx", "Łukasz Żółć życiorys.docx"),
        ("简历.pdf", "pdf", "简历.pdf"),
        ("／etc／passwd.pdf", "pdf", "passwd.pdf"),  # fullwidth solidus becomes "/" under NFKC
        ("a" * 500 + ".pdf", "pdf", "a" * 96 + ".pdf"),
    ],
)
def test_safe_name(original, extension, expected):
    assert safe_name(original, extension) == expected


def test_safe_name_of_an_upload_uses_the_detected_extension():
    detected = validate_document(upload("../../etc/passwd\x00.docx", pdf_bytes()))
    assert detected.safe_name == "passwd.pdf"


# --- storage ---------------------------------------------------------------------------------


def test_storage_writes_under_media_root_private_with_a_random_name(media):
    storage = PrivateStorage()
    name = storage.save("../../etc/passwd\x00.pdf", ContentFile(pdf_bytes()))
    assert RANDOM_NAME.match(name), name
    assert "passwd" not in name
    stored = media / "private" / name
    assert stored.read_bytes() == pdf_bytes()
    assert storage.path(name) == str(stored)
    assert stat.S_IMODE(os.stat(stored).st_mode) == 0o640
    assert stat.S_IMODE(os.stat(stored.parent).st_mode) == 0o750
    assert list(media.iterdir()) == [media / "private"]  # nothing beside it, in a folder a web server might serve


def test_storage_never_reuses_a_name_and_keeps_only_the_extension(media):
    storage = PrivateStorage()
    names = {storage.save("cv.pdf", ContentFile(b"%PDF-1.4 one")) for _ in range(3)}
    assert len(names) == 3
    assert storage.save("cv.tar.GZ", ContentFile(b"x")).endswith(".gz")
    assert storage.save("no extension", ContentFile(b"x")).endswith(".bin")
    assert RANDOM_NAME.sub("", storage.random_name("Anna's CV.PDF")) == ""


def test_storage_reads_media_root_at_call_time(settings, tmp_path):
    storage = PrivateStorage()
    settings.MEDIA_ROOT = tmp_path / "one"
    first = storage.save("cv.pdf", ContentFile(b"1"))
    settings.MEDIA_ROOT = tmp_path / "two"
    second = storage.save("cv.pdf", ContentFile(b"2"))
    assert (tmp_path / "one" / "private" / first).exists()
    assert (tmp_path / "two" / "private" / second).exists()


def test_storage_has_no_url(media):
    storage = PrivateStorage()
    name = storage.save("cv.pdf", ContentFile(b"%PDF-1.4"))
    assert storage.base_url is None
    with pytest.raises(ValueError, match="no URL"):
        storage.url(name)


def test_private_files_are_not_reachable_under_media_url(media, client):
    name = PrivateStorage().save("cv.pdf", ContentFile(b"%PDF-1.4"))
    for url in (f"/media/private/{name}", f"/media/{name}", f"/private/{name}"):
        assert client.get(url).status_code == 404


def test_storage_deconstructs_to_itself_for_migrations():
    assert PrivateStorage().deconstruct() == ("campus.core.files.PrivateStorage", (), {})


def test_storage_moves_a_temporary_upload(media):
    from django.core.files.uploadedfile import TemporaryUploadedFile

    uploaded = TemporaryUploadedFile("cv.pdf", "application/pdf", 0, None)
    uploaded.write(pdf_bytes())
    uploaded.seek(0)
    detected = validate_document(uploaded)
    name = PrivateStorage().save(detected.safe_name, uploaded)
    assert hashlib.sha256((media / "private" / name).read_bytes()).hexdigest() == detected.sha256
    uploaded.close()  # the temporary file was moved, not copied


# --- serving ---------------------------------------------------------------------------------

SAFE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@pytest.mark.urls(__name__)
def test_pdf_with_html_inside_is_accepted_but_only_served_as_an_inert_attachment(media, client):
    uploaded = upload("../Anna\x00 CV.pdf", pdf_with_html_and_a_link())
    detected = validate_document(uploaded)
    assert detected.kind == "pdf"
    name = PrivateStorage().save(detected.safe_name, uploaded)

    response = client.get(f"/private/{name}", {"as": detected.safe_name, "type": detected.content_type})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "attachment; filename=\"Anna CV.pdf\"; filename*=UTF-8''Anna%20CV.pdf"
    for header, value in SAFE_HEADERS.items():
        assert response[header] == value  # after every middleware (django-csp must not replace ours)
    assert response["X-Frame-Options"] == "DENY"
    assert int(response["Content-Length"]) == detected.size
    assert b"".join(response.streaming_content) == pdf_with_html_and_a_link()


def test_serves_a_field_file_a_path_and_an_open_file(media):
    from django.db.models.fields.files import FieldFile, FileField

    storage = PrivateStorage()
    name = storage.save("cv.docx", ContentFile(docx_bytes()))
    data = (media / "private" / name).read_bytes()
    field = FileField(storage=storage)
    field_file = FieldFile(None, field, name)
    for source in (field_file, storage.path(name), open(storage.path(name), "rb")):  # noqa: SIM115
        response = private_file_response(source, download_name="cv.docx", content_type=DOCX_TYPE)
        assert b"".join(response.streaming_content) == data
        response.file_to_stream.close()  # (response.close() would also fire request_finished)
        assert response["Content-Type"] == DOCX_TYPE
        for header, value in SAFE_HEADERS.items():
            assert response[header] == value


@pytest.mark.parametrize(
    "download_name, expected",
    [
        ("cv.pdf", "attachment; filename=\"cv.pdf\"; filename*=UTF-8''cv.pdf"),
        (
            "Äijälä CV.pdf",
            "attachment; filename=\"Aijala CV.pdf\"; filename*=UTF-8''%C3%84ij%C3%A4l%C3%A4%20CV.pdf",
        ),
        ("简历.pdf", "attachment; filename=\"download.pdf\"; filename*=UTF-8''%E7%AE%80%E5%8E%86.pdf"),
        (
            'cv"; filename=evil.exe\r\nSet-Cookie: x=1.pdf',
            "attachment; filename=\"cv filenameevil.exe Set-Cookie x1.pdf\"; "
            "filename*=UTF-8''cv%20filenameevil.exe%20Set-Cookie%20x1.pdf",
        ),
        ("", "attachment; filename=\"download\"; filename*=UTF-8''download"),
    ],
)
def test_content_disposition_is_rfc_6266_safe(download_name, expected):
    assert content_disposition(download_name) == expected
