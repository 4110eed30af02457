"""Uploads through the real step forms: every hostile file of the corpus is refused with its message next
to the file field and nothing stored; good documents are stored privately under random names; a new upload
replaces the old file; the motivation step takes a written or an uploaded letter."""

import hashlib
import html
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from campus.applications import selectors, services
from campus.applications.models import Application, Document
from campus.core.files import validate_document
from tests.core.upload_corpus import GOOD, HOSTILE, MESSAGES, docx_bytes, odt_bytes, pdf_bytes

from .conftest import fill_all_steps

REFUSED = [sample for sample in HOSTILE if sample.code]
ACCEPTED = [sample for sample in GOOD + HOSTILE if not sample.code]
RANDOM_NAME = re.compile(r"^documents/\d{4}/[0-9a-f]{32}\.(pdf|docx|odt)$")
LETTER = "I apply because our cluster needs a strategy."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    return tmp_path / "media"


@pytest.fixture
def started(applicant_client, call):
    assert applicant_client.post("/apply/begin/").status_code == 302
    return Application.objects.get()


def stored_files(media: Path) -> list[Path]:
    return sorted(p for p in media.rglob("*") if p.is_file())


def error_text(response, field_id: str) -> str:
    page = response.content.decode()
    found = re.findall(rf'<p class="field__error" id="{re.escape(field_id)}-error">(.*?)</p>', page, re.S)
    assert len(found) == 1, f"no error next to {field_id}"
    return html.unescape(found[0])


def expected_message(sample) -> str:
    if sample.id == "size_claim_lies":
        # a browser cannot lie about the size over HTTP: the server counts the bytes it received
        return "This file is 50.0 MB; the limit is 10 MB. Please upload a smaller file."
    return sample.expected_message


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_corpus_is_what_these_tests_expect():
    assert {s.code for s in REFUSED} == {
        "file_type", "empty", "zip_bomb", "macros", "too_large", "pdf_unreadable", "pdf_no_pages", "pdf_appended",
        "pdf_active", "pdf_encrypted", "nested_archive", "xml_declarations", "damaged",
    }
    assert {"elf_executable", "html", "svg_with_script", "zip_bomb_101_mb", "fifty_mb", "path_and_nul_in_name"} <= {
        s.id for s in REFUSED
    }
    assert MESSAGES["file_type"].startswith("This file is not a PDF, Word (DOCX) or OpenDocument (ODT) document.")


@pytest.mark.parametrize("sample", REFUSED, ids=[s.id for s in REFUSED])
@pytest.mark.django_db
def test_a_hostile_cv_is_refused_next_to_the_file_field_and_nothing_is_stored(applicant_client, started, media, sample):
    with sample.make() as upload:
        response = applicant_client.post("/apply/step/cv/", {"cv-file": upload})
    assert response.status_code == 200
    assert error_text(response, "id_cv-file") == expected_message(sample)
    page = response.content.decode()
    assert re.search(r'aria-describedby="[^"]*\bid_cv-file-error\b', page)
    assert "Please upload your CV (PDF, DOCX or ODT)." not in page  # one message, the one that explains
    assert not Document.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize("sample", REFUSED, ids=[s.id for s in REFUSED])
@pytest.mark.django_db
def test_a_hostile_letter_is_refused_and_the_written_letter_is_kept(applicant_client, started, media, sample):
    with sample.make() as upload:
        payload = {"motivation_letter": LETTER, "letter-file": upload}
        response = applicant_client.post("/apply/step/motivation/", payload)
    assert response.status_code == 200
    assert error_text(response, "id_letter-file") == expected_message(sample)
    page = response.content.decode()
    assert f">\n{LETTER}</textarea>" in page  # what was typed is in the form again
    assert selectors.answers_of(started)["motivation_letter"] == LETTER  # and in the draft
    assert not Document.objects.exists()
    assert stored_files(media) == []


@pytest.mark.django_db
def test_a_hostile_upload_leaves_the_cv_already_there(applicant_client, started, media):
    good = next(s for s in GOOD if s.id == "pdf")
    with good.make() as upload:
        assert applicant_client.post("/apply/step/cv/", {"cv-file": upload}).status_code == 302
    before = Document.objects.get()
    files = stored_files(media)
    hostile = next(s for s in HOSTILE if s.id == "svg_with_script")
    with hostile.make() as upload:
        response = applicant_client.post("/apply/step/cv/", {"cv-file": upload})
    assert response.status_code == 200
    assert error_text(response, "id_cv-file") == MESSAGES["file_type"]
    page = response.content.decode()
    assert f'Uploaded: <a href="/apply/documents/{before.pk}/">Anna Virtanen CV.pdf</a>' in page
    assert list(Document.objects.all()) == [before]
    assert stored_files(media) == files


@pytest.mark.parametrize("sample", ACCEPTED, ids=[s.id for s in ACCEPTED])
@pytest.mark.django_db
def test_a_good_document_is_stored_privately_under_a_random_name(applicant_client, started, media, sample):
    with sample.make() as upload:
        upload.seek(0)
        content = upload.read()
        upload.seek(0)
        uploaded_name = upload.name
        response = applicant_client.post("/apply/step/cv/", {"cv-file": upload})
    assert response.status_code == 302 and response["Location"] == "/apply/step/availability/"

    document = Document.objects.get(application=started, kind="cv")
    assert RANDOM_NAME.match(document.file.name), document.file.name
    assert document.file.name.endswith("." + sample.kind)
    assert Path(uploaded_name).stem not in document.file.name
    path = Path(document.file.path)
    assert path.is_relative_to(media / "private")
    assert path.read_bytes() == content
    assert stored_files(media) == [path]
    assert document.size == len(content)
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.content_type == {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt": "application/vnd.oasis.opendocument.text",
    }[sample.kind]
    assert document.original_name.endswith("." + sample.kind)

    # the owner downloads it back, as an attachment
    served = applicant_client.get(f"/apply/documents/{document.pk}/")
    assert served.status_code == 200
    assert body(served) == content
    assert served["Content-Type"] == document.content_type
    assert served["Content-Disposition"].startswith("attachment;")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in served["Cache-Control"]


@pytest.mark.django_db
def test_the_uploaded_name_is_shown_cleaned_and_never_used_on_disk(applicant_client, started, media):
    upload = SimpleUploadedFile("Aino <b>Virtanen</b> CV.exe.pdf", pdf_bytes(), content_type="application/pdf")
    assert applicant_client.post("/apply/step/cv/", {"cv-file": upload}).status_code == 302
    document = Document.objects.get()
    assert "<" not in document.original_name and document.original_name.endswith(".pdf")
    assert "Virtanen" not in document.file.name
    page = applicant_client.get("/apply/step/cv/").content.decode()
    assert f">{document.original_name}</a>" in page
    assert "<b>Virtanen" not in page


@pytest.mark.django_db
def test_a_new_upload_replaces_the_old_file(applicant_client, started, media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        applicant_client.post("/apply/step/cv/", {"cv-file": SimpleUploadedFile("old.pdf", pdf_bytes())})
    old = Document.objects.get()
    old_path = Path(old.file.path)
    assert old_path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = applicant_client.post("/apply/step/cv/", {"cv-file": SimpleUploadedFile("new.odt", odt_bytes())})
    assert response.status_code == 302
    new = Document.objects.get()
    assert new.pk != old.pk
    assert new.original_name == "new.odt" and new.content_type == "application/vnd.oasis.opendocument.text"
    assert not old_path.exists()
    assert stored_files(media) == [Path(new.file.path)]
    assert Path(new.file.path).read_bytes() == odt_bytes()
    assert applicant_client.get(f"/apply/documents/{old.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_failed_replacement_keeps_the_old_file(
    applicant, started, media, monkeypatch, django_capture_on_commit_callbacks
):
    def save(name, content):
        upload = SimpleUploadedFile(name, content)
        return services.save_document(
            application=started, kind="cv", detected=validate_document(upload), content=upload, actor=applicant
        )

    with django_capture_on_commit_callbacks(execute=True):
        old = save("old.pdf", pdf_bytes())
    old_path = Path(old.file.path)

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "log_activity", broken)
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
        save("new.docx", docx_bytes())
    assert Document.objects.get() == old
    assert old_path.read_bytes() == pdf_bytes()  # the row was rolled back: its file must still be there


@pytest.mark.django_db
def test_removing_the_cv_deletes_the_file(applicant_client, started, media, django_capture_on_commit_callbacks):
    applicant_client.post("/apply/step/cv/", {"cv-file": SimpleUploadedFile("cv.pdf", pdf_bytes())})
    path = Path(Document.objects.get().file.path)
    with django_capture_on_commit_callbacks(execute=True):
        response = applicant_client.post("/apply/documents/cv/remove/")
    assert response["Location"] == "/apply/step/cv/"
    assert not Document.objects.exists()
    assert not path.exists()
    assert "CV: upload your CV" in selectors.missing_items(started)


@pytest.mark.django_db
def test_the_cv_step_asks_for_a_cv_when_none_is_there(applicant_client, started, media):
    response = applicant_client.post("/apply/step/cv/", {})
    assert response.status_code == 200
    assert error_text(response, "id_cv-file") == "Please upload your CV (PDF, DOCX or ODT)."


# --- the motivation step: written or uploaded ------------------------------------------------------


@pytest.mark.django_db
def test_the_motivation_step_accepts_a_written_letter(applicant_client, started):
    response = applicant_client.post("/apply/step/motivation/", {"motivation_letter": LETTER})
    assert response["Location"] == "/apply/step/cv/"
    assert selectors.answers_of(started)["motivation_letter"] == LETTER
    assert not Document.objects.exists()
    assert not any(item.startswith("Motivation:") for item in selectors.missing_items(started))


@pytest.mark.django_db
def test_the_motivation_step_accepts_an_uploaded_letter_instead(
    applicant_client, call, media, run_tasks, django_capture_on_commit_callbacks
):
    fill_all_steps(applicant_client)
    application = Application.objects.get()
    response = applicant_client.post(
        "/apply/step/motivation/",
        {"motivation_letter": "", "letter-file": SimpleUploadedFile("My letter.docx", docx_bytes())},
    )
    assert response["Location"] == "/apply/step/cv/"
    letter = Document.objects.get(kind="letter")
    assert letter.original_name == "My letter.docx"
    assert Path(letter.file.path).read_bytes() == docx_bytes()
    assert selectors.answers_of(application)["motivation_letter"] == ""
    assert selectors.missing_items(application) == []
    page = applicant_client.get("/apply/step/motivation/").content.decode()
    assert f'Uploaded letter: <a href="/apply/documents/{letter.pk}/">My letter.docx</a>' in page

    with django_capture_on_commit_callbacks(execute=True):
        assert applicant_client.post("/apply/submit/")["Location"] == "/apply/status/"
    application.refresh_from_db()
    assert application.state == "submitted"
    names = {d["kind"]: d["name"] for d in application.snapshot["documents"]}
    assert names == {"cv": "cv.pdf", "letter": "My letter.docx"}


@pytest.mark.django_db
def test_without_a_written_or_uploaded_letter_the_application_cannot_be_submitted(applicant_client, call, media):
    fill_all_steps(applicant_client)
    application = Application.objects.get()
    assert applicant_client.post("/apply/step/motivation/", {"motivation_letter": ""}).status_code == 302
    assert selectors.missing_items(application) == ["Motivation: write your motivational letter or upload it"]
    review = applicant_client.get("/apply/review/").content.decode()
    assert "<li>Motivation: write your motivational letter or upload it</li>" in review
    assert "Submit your application" not in review
    response = applicant_client.post("/apply/submit/", follow=True)
    assert "Some required parts are missing: Motivation: write your motivational letter or upload it." in html.unescape(
        response.content.decode()
    )
    application.refresh_from_db()
    assert application.state == "draft"
