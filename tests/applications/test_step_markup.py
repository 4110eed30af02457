"""The step forms' markup is pinned byte for byte: golden files captured from the template-rendered forms
(includes/field.html and friends, before the fields were rendered in Python: core/forms_render.py) and
compared with what the pages render now. Only the CSRF token and the meetups' database ids (they depend on
the order in which the database was filled) are normalised.

Each step in three states: empty (just started), filled (every step answered) and refused (bad input on
every kind of field). To write the files again after a deliberate change of the markup:
CAMPUS_WRITE_GOLDEN=1 pytest tests/applications/test_step_markup.py, and read the diff.
"""

import os
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from campus.applications.models import Application
from campus.programme.models import Meetup

from .conftest import fill_all_steps

GOLDEN = Path(__file__).parent / "golden"
STEPS = ["about", "cluster", "motivation", "cv", "availability", "consent"]
BAD = {
    "about": {"first_name": "", "email": "aino(at)example.fi", "phone": "call me", "country_of_residence": "XX",
              "english_level": "klingon", "languages": "<b>Finnish</b> & \"Swedish\""},
    "cluster": {"cluster_website": "not a web address", "cluster_members": "forty", "years_as_manager": "61",
                "project_management": "yes", "project_management_description": ""},
    "motivation": {"motivation_letter": " ".join(["word"] * 501)},
    "cv": {},
    "availability": {"can_join_all_modules": "no", "meetups_might_miss": ["999999"],
                     "availability_note": "Not in <May>"},
    "consent": {},
}


def the_form(html: str, call) -> str:
    form = re.search(r'<form method="post" enctype="multipart/form-data".*?</form>', html, re.S).group(0)
    form = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value="CSRF"', form)
    meetups = Meetup.objects.filter(module__edition=call.edition).order_by("starts_at").values_list("pk", flat=True)
    for number, pk in enumerate(meetups, start=1):
        form = form.replace(f'value="{pk}"', f'value="meetup-{number}"')
    return form + "\n"


def check(name: str, html: str, call):
    path = GOLDEN / f"{name}.html"
    form = the_form(html, call)
    if os.environ.get("CAMPUS_WRITE_GOLDEN"):
        path.write_text(form)
    assert form == path.read_text(), f"the markup of {name} changed"


@pytest.mark.django_db
def test_empty_steps_render_as_pinned(applicant_client, call):
    applicant_client.post("/apply/begin/")
    for step in STEPS:
        response = applicant_client.get(f"/apply/step/{step}/")
        assert response.status_code == 200
        check(f"{step}-empty", response.content.decode(), call)


@pytest.mark.django_db
def test_filled_steps_render_as_pinned(applicant_client, call):
    fill_all_steps(applicant_client, cv=False)
    Application.objects.update(consent_at=datetime(2026, 3, 1, 12, tzinfo=timezone.utc))
    for step in STEPS:
        response = applicant_client.get(f"/apply/step/{step}/")
        assert response.status_code == 200
        check(f"{step}-filled", response.content.decode(), call)


@pytest.mark.django_db
def test_refused_steps_render_as_pinned(applicant_client, call):
    applicant_client.post("/apply/begin/")
    for step in STEPS:
        response = applicant_client.post(f"/apply/step/{step}/", {**BAD[step], "action": "next"})
        assert response.status_code == 200
        assert "field__error" in response.content.decode(), step
        check(f"{step}-refused", response.content.decode(), call)
