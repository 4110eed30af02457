"""The corpus of hostile uploads (tests/core/upload_corpus): big enough, every file refused with a clear
message or accepted inert, and the inert ones served by the real /apply/documents/<id>/ view only as
sandboxed attachments, to the people who may see them.

Already tested elsewhere (reused, not repeated): each refusal and its message by the validator
(tests/core/test_files.py::test_hostile_file_is_refused_with_a_clear_message) and through the real step
forms, next to the file field, nothing stored (tests/applications/test_uploads.py); the serving helper's
headers behind a stand-in view (tests/core/test_files.py).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import tests.applications.test_uploads as form_tests
import tests.core.test_files as validator_tests
from campus.applications.models import Document
from tests.core.upload_corpus import HOSTILE, MESSAGES, pdf_with_html_and_a_link

from .http import body

INERT = {"pdf_with_html_and_a_link"}  # valid documents that could do harm if a browser opened them inline
SAFE_HEADERS = {
    "Content-Type": "application/pdf",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def test_the_corpus_has_at_least_15_hostile_files_each_refused_clearly_or_inert():
    refused = [sample for sample in HOSTILE if sample.code]
    accepted = {sample.id for sample in HOSTILE if not sample.code}
    assert len(HOSTILE) >= 15 and len(refused) >= 15
    assert accepted == INERT, "a hostile sample that is accepted must be served inert: add it to INERT and test it"
    for sample in refused:
        message = sample.expected_message
        assert message and message.endswith(".") and "Please" in message, (sample.id, message)
        assert sample.code in MESSAGES or sample.message, sample.id
    # every refused sample goes through both of these, parametrized over the corpus
    assert validator_tests.test_hostile_file_is_refused_with_a_clear_message.pytestmark
    assert form_tests.test_a_hostile_cv_is_refused_next_to_the_file_field_and_nothing_is_stored.pytestmark
    assert form_tests.REFUSED == refused


@pytest.fixture
def inert_document(world, db):
    """The other applicant uploads the PDF with HTML inside through the real CV step, claiming it is a web page."""
    client = Client()
    client.force_login(world.user("other"))
    upload = SimpleUploadedFile("<script>x</script>.html.pdf", pdf_with_html_and_a_link(), content_type="text/html")
    response = client.post("/apply/step/cv/", {"cv-file": upload})
    assert response.status_code == 302, body(response)[:2000]
    return Document.objects.get(application=world.other_application, kind="cv")


@pytest.mark.parametrize("role", ["other", "reviewer", "manager", "superuser"])
def test_an_inert_pdf_is_only_ever_served_as_a_sandboxed_attachment(world, inert_document, role):
    assert inert_document.content_type == "application/pdf"  # judged by content, not by the browser's claim
    client = Client()
    client.force_login(world.user(role))
    response = client.get(f"/apply/documents/{inert_document.pk}/")
    assert response.status_code == 200
    for header, value in SAFE_HEADERS.items():
        assert response[header] == value, header
    disposition = response["Content-Disposition"]
    assert disposition == "attachment; filename=\"script.html.pdf\"; filename*=UTF-8''script.html.pdf"  # .pdf last
    assert body(response) == pdf_with_html_and_a_link()  # stored as uploaded: never rewritten, never opened


@pytest.mark.parametrize("role", ["anonymous", "applicant", "participant", "lead"])
def test_the_inert_pdf_is_not_served_to_anyone_else(world, inert_document, role):
    client = Client()
    if role != "anonymous":
        client.force_login(world.user(role))
    response = client.get(f"/apply/documents/{inert_document.pk}/")
    assert response.status_code in (302, 404)
    assert pdf_with_html_and_a_link() not in body(response)
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
