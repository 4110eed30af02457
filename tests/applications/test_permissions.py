"""Who sees what, tested with data that could leak: applicant A has a submitted application with a CV
and an uploaded letter; applicant B, an anonymous visitor and a staff member without the role try to
reach it. Also the applicant's own data export (my-data zip)."""

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfReader

from campus.applications import selectors
from campus.applications.models import Application, Document
from campus.applications.permissions import can_manage_applications, can_view_application, can_view_applications
from tests.core.upload_corpus import docx_bytes

from .conftest import GOOD_ANSWERS, pdf_bytes

A_CV = pdf_bytes("CV of Aino Virtanen, secret salary 9000")
A_LETTER = docx_bytes()
B_CV = pdf_bytes("CV of Jonas Petraitis")
A_SECRETS = ["Aino", "Virtanen", "EnergyVaasa", "Ostrobothnia", "aino@example.fi", "Interreg"]

B_ANSWERS = {
    "about": {**GOOD_ANSWERS["about"], "first_name": "Jonas", "last_name": "Petraitis", "email": "jonas@example.lt",
              "phone": "+370 600 12345", "country_of_residence": "LT", "organisation": "Kaunas IT Cluster",
              "languages": "Lithuanian"},
    "cluster": {**GOOD_ANSWERS["cluster"], "cluster_name": "KITC", "cluster_website": "https://kitc.example.lt",
                "cluster_country": "LT", "project_management_description": "Two EU projects."},
    "motivation": {"motivation_letter": "I want to learn scouting."},
    "cv": {},
    "availability": {"can_join_all_modules": "yes"},
    "consent": {"accept": "on"},
}



def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def a_application(applicant_client, call, django_capture_on_commit_callbacks):
    """A's submitted application, with a CV and an uploaded letter."""
    assert applicant_client.post("/apply/begin/").status_code == 302
    files = {"cv": {"cv-file": SimpleUploadedFile("aino-cv.pdf", A_CV)},
             "motivation": {"letter-file": SimpleUploadedFile("aino-letter.docx", A_LETTER)}}
    for step, data in GOOD_ANSWERS.items():
        assert applicant_client.post(f"/apply/step/{step}/", {**data, **files.get(step, {})}).status_code == 302, step
    with django_capture_on_commit_callbacks(execute=True):
        assert applicant_client.post("/apply/submit/")["Location"] == "/apply/status/"
    application = Application.objects.get(applicant__email="aino@example.fi")
    assert application.state == "submitted"
    assert application.documents.count() == 2
    return application


@pytest.fixture
def b_user(django_user_model):
    return django_user_model.objects.create_user(
        email="jonas@example.lt", password="x" * 20, full_name="Jonas Petraitis"
    )


@pytest.fixture
def b_client(b_user):
    client = Client()
    client.force_login(b_user)
    return client


def fill_b(b_client, *, submit=False):
    assert b_client.post("/apply/begin/").status_code == 302
    for step, data in B_ANSWERS.items():
        payload = dict(data)
        if step == "cv":
            payload["cv-file"] = SimpleUploadedFile("jonas-cv.pdf", B_CV)
        assert b_client.post(f"/apply/step/{step}/", payload).status_code == 302, step
    if submit:
        assert b_client.post("/apply/submit/")["Location"] == "/apply/status/"
    return Application.objects.get(applicant__email="jonas@example.lt")


def assert_nothing_of_a(content: bytes | str, a_application):
    text = content.decode(errors="replace") if isinstance(content, bytes) else content
    for secret in [*A_SECRETS, a_application.reference, *(str(d.pk) for d in a_application.documents.all())]:
        assert secret not in text, secret
    if isinstance(content, bytes):
        assert A_CV not in content and A_LETTER not in content


# --- the predicates -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_predicates_with_leaky_data(applicant, a_application, b_user, django_user_model):
    staff = django_user_model.objects.create_user(email="team@example.org", password="x" * 20, is_staff=True)
    viewer = django_user_model.objects.create_user(email="viewer@example.org", password="x" * 20, is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_application"))
    not_staff = django_user_model.objects.create_user(email="perm@example.org", password="x" * 20)
    not_staff.user_permissions.add(Permission.objects.get(codename="view_application"))
    assert can_view_application(applicant, a_application)
    assert not can_view_application(b_user, a_application)
    assert not can_view_application(staff, a_application)
    assert not can_view_application(not_staff, a_application)  # the permission without being staff is not enough
    assert not can_view_application(AnonymousUser(), a_application)
    viewer = django_user_model.objects.get(pk=viewer.pk)  # fresh permission cache
    assert can_view_application(viewer, a_application)
    assert can_view_applications(viewer) and not can_manage_applications(viewer)
    assert not can_view_applications(applicant)
    applicant.is_active = False
    assert not can_view_application(applicant, a_application)


# --- another applicant ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_another_applicant_without_an_application_sees_nothing_of_a(b_client, a_application):
    status = b_client.get("/apply/status/")
    assert status.status_code == 302 and status["Location"] == "/apply/"
    start = b_client.get("/apply/")
    assert start.status_code == 200 and "Start your application" in start.content.decode()
    assert_nothing_of_a(start.content, a_application)
    for path in ("/apply/review/", "/apply/step/about/", "/apply/withdraw/"):
        response = b_client.get(path)
        assert response.status_code == 302 and response["Location"] == "/apply/", path
    receipt = b_client.get("/apply/receipt.pdf")
    assert receipt.status_code == 404
    assert_nothing_of_a(body(receipt), a_application)


@pytest.mark.django_db
def test_another_applicant_sees_only_their_own_application(b_client, a_application, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        b_application = fill_b(b_client, submit=True)
    status = b_client.get("/apply/status/")
    assert status.status_code == 200
    page = status.content.decode()
    assert b_application.reference in page and "jonas-cv.pdf" in page
    assert_nothing_of_a(page, a_application)
    receipt = b_client.get("/apply/receipt.pdf")
    assert receipt.status_code == 200
    assert b"%PDF" in body(receipt)[:8]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(body(receipt))).pages)
    assert "Jonas" in text and "KITC" in text
    assert_nothing_of_a(text, a_application)

    # A's withdraw cannot be triggered by B: B's POST withdraws B's own application only
    b_client.post("/apply/withdraw/")
    a_application.refresh_from_db()
    b_application.refresh_from_db()
    assert a_application.state == "submitted" and b_application.state == "withdrawn"


@pytest.mark.django_db
def test_another_applicant_cannot_download_a_document(b_client, a_application):
    fill_b(b_client)
    for document in a_application.documents.all():
        response = b_client.get(f"/apply/documents/{document.pk}/")
        assert response.status_code == 404
        assert_nothing_of_a(body(response), a_application)
        assert "Content-Disposition" not in response


@pytest.mark.django_db
def test_another_applicants_my_data_holds_nothing_of_a(b_client, a_application):
    b_application = fill_b(b_client)
    response = b_client.get("/apply/my-data.zip", follow=True)  # the privacy app's download (/my-data/)
    assert response.redirect_chain == [("/my-data/download.zip", 302)]
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == sorted(["data.json", f"{b_application.reference}/cv-jonas-cv.pdf"])
    for name in archive.namelist():
        assert_nothing_of_a(archive.read(name), a_application)
    assert archive.read(f"{b_application.reference}/cv-jonas-cv.pdf") == B_CV
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == "jonas@example.lt"
    assert [a["reference"] for a in data["applications"]] == [b_application.reference]


# --- anonymous visitors ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in_for_every_applicant_page(a_application):
    client = Client()  # not pytest-django's client: the fixture signed that one in as A
    document = a_application.documents.get(kind="cv")
    gets = [f"/apply/step/{step}/" for step in selectors.STEPS] + [
        "/apply/review/", "/apply/status/", "/apply/withdraw/", f"/apply/documents/{document.pk}/",
        "/apply/receipt.pdf", "/apply/my-data.zip",
    ]
    posts = ["/apply/begin/", "/apply/submit/", "/apply/withdraw/", "/apply/documents/cv/remove/",
             *(f"/apply/step/{step}/" for step in selectors.STEPS)]
    for method, path in [("get", p) for p in gets] + [("post", p) for p in posts]:
        response = getattr(client, method)(path)
        assert response.status_code == 302, (method, path)
        assert response["Location"].startswith("/accounts/login/?next="), (method, path)
        assert_nothing_of_a(body(response), a_application)
    a_application.refresh_from_db()
    assert a_application.state == "submitted" and a_application.documents.count() == 2


@pytest.mark.django_db
def test_anonymous_visitors_see_the_start_page_and_the_boss_letter(call):
    client = Client()
    start = client.get("/apply/")
    assert start.status_code == 200
    assert "Create an account to apply" in start.content.decode()
    letter = client.get("/apply/boss-letter/")
    assert letter.status_code == 200 and "A letter for your boss" in letter.content.decode()


# --- staff ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_without_the_role_get_404_for_a_document(a_application, django_user_model):
    client = Client()
    staff = django_user_model.objects.create_user(email="team@example.org", password="x" * 20, is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="change_programme"))
    client.force_login(staff)
    for document in a_application.documents.all():
        response = client.get(f"/apply/documents/{document.pk}/")
        assert response.status_code == 404
        assert_nothing_of_a(body(response), a_application)


@pytest.mark.django_db
def test_staff_with_the_role_may_download_it_as_an_attachment(a_application, django_user_model):
    client = Client()
    viewer = django_user_model.objects.create_user(email="viewer@example.org", password="x" * 20, is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_application"))
    client.force_login(viewer)
    document = a_application.documents.get(kind="cv")
    response = client.get(f"/apply/documents/{document.pk}/")
    assert response.status_code == 200
    assert body(response) == A_CV


@pytest.mark.django_db
def test_a_served_document_is_a_private_attachment(applicant_client, a_application):
    for document, content, content_type in (
        (a_application.documents.get(kind="cv"), A_CV, "application/pdf"),
        (a_application.documents.get(kind="letter"), A_LETTER,
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ):
        response = applicant_client.get(f"/apply/documents/{document.pk}/")
        assert response.status_code == 200
        assert body(response) == content
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == (
            f"attachment; filename=\"{document.original_name}\"; filename*=UTF-8''{document.original_name}"
        )
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "private, no-store"
        assert "sandbox" in response["Content-Security-Policy"]
    assert applicant_client.get("/apply/documents/00000000-0000-4000-8000-000000000000/").status_code == 404


# --- my data --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_my_data_holds_the_answers_and_the_files_and_nothing_else(applicant_client, a_application):
    response = applicant_client.get("/apply/my-data.zip", follow=True)  # the privacy app's download (/my-data/)
    assert response.redirect_chain == [("/my-data/download.zip", 302)]
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    reference = a_application.reference
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == sorted(
        ["data.json", f"{reference}/cv-aino-cv.pdf", f"{reference}/letter-aino-letter.docx"]
    )
    assert archive.read(f"{reference}/cv-aino-cv.pdf") == A_CV
    assert archive.read(f"{reference}/letter-aino-letter.docx") == A_LETTER

    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == "aino@example.fi"
    assert data["account"]["full_name"] == "Aino Virtanen"
    (entry,) = data["applications"]
    assert entry["reference"] == reference
    assert entry["state"] == "submitted"
    answers = selectors.answers_of(a_application)
    assert entry["answers"] == answers
    assert entry["answers"]["cluster_name"] == "EnergyVaasa"
    assert entry["answers"]["cluster_members"] == 140
    assert entry["answers"]["project_management_description"] == "I led three Interreg projects."
    assert entry["submitted_copy"] == a_application.snapshot
    assert entry["consent_version"] == a_application.call.privacy_version
    assert {d["kind"]: d["file"] for d in entry["documents"]} == {
        "cv": f"{reference}/cv-aino-cv.pdf", "letter": f"{reference}/letter-aino-letter.docx",
    }
    sha = {d.kind: d.sha256 for d in Document.objects.filter(application=a_application)}
    assert {d["kind"]: d["sha256"] for d in entry["documents"]} == sha
