import functools
from datetime import timedelta

import pytest
import typst
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from campus.applications.models import Call

GOOD_ANSWERS = {
    "about": {
        "first_name": "Aino", "last_name": "Virtanen", "email": "aino@example.fi", "phone": "+358 40 123 4567",
        "country_of_residence": "FI", "organisation": "Ostrobothnia Energy Cluster", "role": "Cluster manager",
        "languages": "Finnish, Swedish", "english_level": "fluent",
    },
    "cluster": {
        "cluster_name": "EnergyVaasa", "cluster_website": "https://energy.example.fi", "cluster_country": "FI",
        "cluster_sector": "Energy", "cluster_members": "140", "years_as_manager": "4", "project_management": "yes",
        "project_management_description": "I led three Interreg projects.",
    },
    "motivation": {"motivation_letter": "I want to build a strategy for our cluster and learn from peers."},
    "cv": {},
    "availability": {"can_join_all_modules": "yes"},
    "consent": {"accept": "on"},
}


@functools.lru_cache(maxsize=16)
def pdf_bytes(text="CV of Aino Virtanen") -> bytes:
    return typst.compile(f"= {text}\nExperience.".encode(), format="pdf")


def cv_upload(name="cv.pdf", content=None):
    return SimpleUploadedFile(name, content if content is not None else pdf_bytes(), content_type="application/pdf")


@pytest.fixture
def call(seeded):
    call = Call.objects.get(edition=seeded)
    call.opens_at = timezone.now() - timedelta(days=10)
    call.closes_at = timezone.now() + timedelta(days=20)
    call.save()
    return call


@pytest.fixture
def applicant(django_user_model):
    return django_user_model.objects.create_user(email="aino@example.fi", password="a-long-password-1", full_name="Aino Virtanen")


@pytest.fixture
def applicant_client(client, applicant):
    client.force_login(applicant)
    return client


def fill_all_steps(client, *, cv=True):
    """Answer every step through the views; with ``cv=False`` the CV step is skipped (no CV uploaded)."""
    assert client.post("/apply/begin/").status_code == 302
    for step, data in GOOD_ANSWERS.items():
        payload = dict(data)
        if step == "cv":
            if not cv:
                continue
            payload["cv-file"] = cv_upload()
        response = client.post(f"/apply/step/{step}/", payload)
        assert response.status_code == 302, (step, response.content.decode()[:3000])
