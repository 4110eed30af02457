"""The "convince your boss" page under /apply/: a short form, prefilled from the application, that returns
the one-page PDF. Open to anonymous visitors too; nothing typed is stored."""

import html
import io
import re

import pytest
from django.test import Client
from pypdf import PdfReader

from campus.applications.models import Application

from .conftest import GOOD_ANSWERS

VALUE = "An education worth an estimated 10\u202f000\u00a0€."



def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return re.sub(r"[ \n]+", " ", "\n".join(page.extract_text() for page in reader.pages))


def input_value(response, name) -> str | None:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', response.content.decode())
    assert match, name
    value = re.search(r'value="([^"]*)"', match.group(0))
    return html.unescape(value.group(1)) if value else None


def error_text(response, name) -> str:
    found = re.findall(rf'<p class="field__error" id="id_{name}-error">(.*?)</p>', response.content.decode(), re.S)
    assert len(found) == 1, name
    return html.unescape(found[0])


def assert_letter(response, *expected):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="convince-your-boss.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    text = pdf_text(response)
    for item in ("Karlshamn", "Vaasa", "Kaunas", "Wildau", VALUE, *expected):
        assert item in text, item
    return text


@pytest.mark.django_db
def test_get_is_prefilled_from_the_application(applicant_client, call):
    applicant_client.post("/apply/begin/")
    about = {**GOOD_ANSWERS["about"], "first_name": "Aino Maria", "role": "Head of cluster"}
    assert applicant_client.post("/apply/step/about/", about).status_code == 302
    response = applicant_client.get("/apply/boss-letter/")
    assert response.status_code == 200
    assert input_value(response, "applicant_name") == "Aino Maria Virtanen"
    assert input_value(response, "role") == "Head of cluster"
    assert input_value(response, "organisation") == "Ostrobothnia Energy Cluster"
    assert input_value(response, "boss_name") is None


@pytest.mark.django_db
def test_get_without_an_application_takes_the_name_of_the_account(applicant_client, call):
    response = applicant_client.get("/apply/boss-letter/")
    assert input_value(response, "applicant_name") == "Aino Virtanen"
    assert input_value(response, "organisation") is None
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_post_returns_the_letter_with_the_name_the_meetups_and_the_value(applicant_client, call):
    response = applicant_client.post("/apply/boss-letter/", {
        "applicant_name": "Aino Virtanen", "role": "Cluster manager", "organisation": "Ostrobothnia Energy Cluster",
        "boss_name": "Dr. Erik Lund",
    })
    assert_letter(response, "Aino Virtanen", "Dear Dr. Erik Lund,",
                  "As Cluster manager at Ostrobothnia Energy Cluster, I would like to take part")
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1


@pytest.mark.django_db
def test_anonymous_visitors_get_the_form_and_the_letter(call):
    client = Client()
    page = client.get("/apply/boss-letter/")
    assert page.status_code == 200
    assert input_value(page, "applicant_name") is None
    assert "Nothing you type here is stored." in page.content.decode()
    response = client.post("/apply/boss-letter/", {"applicant_name": "Jane <b>Doe</b>"})
    assert_letter(response, "Jane <b>Doe</b>", "Dear Manager,")
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("applicant_name", "", "This field is required."),
        ("applicant_name", "   ", "This field is required."),
        ("applicant_name", "N" * 101, "Ensure this value has at most 100 characters (it has 101)."),
        ("role", "R" * 101, "Ensure this value has at most 100 characters (it has 101)."),
        ("organisation", "O" * 151, "Ensure this value has at most 150 characters (it has 151)."),
        ("boss_name", "B" * 101, "Ensure this value has at most 100 characters (it has 101)."),
        ("applicant_name", "Jane\x00Doe", "Null characters are not allowed."),
    ],
)
@pytest.mark.django_db
def test_bad_input_gets_a_message_next_to_the_field(call, field, value, message):
    client = Client()
    typed = {"applicant_name": "Jane Doe", "role": "Director", "organisation": "Baltic <Cluster>", "boss_name": "Anna"}
    typed[field] = value
    response = client.post("/apply/boss-letter/", typed)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert error_text(response, field) == message
    assert re.findall(r'class="field__error" id="id_(\w+)-error"', response.content.decode()) == [field]
    assert "<title>Error: " in response.content.decode()
    for name, text in typed.items():
        if name != field:
            assert input_value(response, name) == text, name
    assert "Baltic <Cluster>" not in response.content.decode()  # kept, and escaped


@pytest.mark.django_db
def test_an_empty_form_is_refused_not_shown_again_as_new(call):
    response = Client().post("/apply/boss-letter/", {})
    assert response.status_code == 200
    assert error_text(response, "applicant_name") == "This field is required."
