"""Refused forms of the application and the public site: 200 with the form, an error summary at the top that
links to each invalid field, "Error: " in the title, every radio of a group in error tied to the message, the
required CV marked and `required` until a CV is stored, and the required-field note once per form."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from campus.applications.models import Application

from .conftest import cv_upload


class Page(HTMLParser):
    """The ids of the page, the summary's links, the title, and the attributes of every input."""

    def __init__(self, text: str):
        super().__init__()
        self.ids, self.links, self.inputs, self.title = set(), [], {}, ""
        self._in_summary = self._in_title = False
        self.summary_attrs = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "div" and "error-summary" in (attrs.get("class") or "").split():
            self._in_summary, self.summary_attrs = True, attrs
        if tag == "a" and self._in_summary:
            self.links.append(attrs["href"])
        if tag in ("input", "textarea", "select") and "id" in attrs:
            self.inputs[attrs["id"]] = attrs
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "ul" and self._in_summary:
            self._in_summary = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def refused(response) -> Page:
    assert response.status_code == 200, response.status_code
    page = Page(response.content.decode())
    assert page.title.startswith("Error: "), page.title
    attrs = page.summary_attrs
    assert attrs is not None and attrs["role"] == "alert" and attrs["tabindex"] == "-1" and "autofocus" in attrs
    assert page.links, "the summary links to no field"
    for href in page.links:
        assert href.startswith("#") and href[1:] in page.inputs, f"{href} is not an input of the page"
        assert page.inputs[href[1:]].get("aria-invalid") == "true", f"{href} is not an invalid field"
    return page


@pytest.fixture
def started(applicant_client, call):
    assert applicant_client.post("/apply/begin/").status_code == 302
    return Application.objects.get()


@pytest.mark.django_db
def test_a_refused_step_answers_200_with_a_summary_linking_every_invalid_field(applicant_client, started):
    response = applicant_client.post("/apply/step/about/", {"email": "not an address", "english_level": "klingon"})
    page = refused(response)
    assert "#id_first_name" in page.links and "#id_email" in page.links
    assert "#id_english_level_0" in page.links  # a radio group: the link goes to its first input
    assert response.content.decode().count("marks a required field") == 1


@pytest.mark.django_db
def test_each_radio_of_a_group_in_error_points_at_the_message_and_the_help(applicant_client, started):
    page = Page(applicant_client.post("/apply/step/about/", {"english_level": "klingon"}).content.decode())
    radios = {key: attrs for key, attrs in page.inputs.items() if key.startswith("id_english_level_")}
    assert len(radios) == 4
    for attrs in radios.values():
        assert attrs["aria-describedby"].split() == ["id_english_level-help", "id_english_level-error"]
        assert attrs["aria-invalid"] == "true"
    assert {"id_english_level-help", "id_english_level-error"} <= page.ids
    # before a submit: each radio still points at the group's help text, which is on the page
    page = Page(applicant_client.get("/apply/step/about/").content.decode())
    assert page.inputs["id_english_level_0"]["aria-describedby"] == "id_english_level-help"
    assert "id_english_level-help" in page.ids and "aria-invalid" not in page.inputs["id_english_level_0"]


@pytest.mark.django_db
def test_every_input_with_help_points_at_its_help_text(applicant_client, started):
    for step in ("about", "cluster", "availability", "motivation", "cv", "consent"):
        page = Page(applicant_client.get(f"/apply/step/{step}/").content.decode())
        for key, attrs in page.inputs.items():
            for target in (attrs.get("aria-describedby") or "").split():
                assert target in page.ids, f"{step}: {key} points at {target}, which is not on the page"


@pytest.mark.django_db
def test_the_cv_is_required_until_one_is_stored(applicant_client, started):
    html = applicant_client.get("/apply/step/cv/").content.decode()
    label = re.search(r'<label for="id_cv-file">(.*?)</label>', html, re.S).group(1)
    assert 'class="field__req"' in label
    assert "required" in Page(html).inputs["id_cv-file"]
    assert applicant_client.post("/apply/step/cv/", {"cv-file": cv_upload()}).status_code == 302
    html = applicant_client.get("/apply/step/cv/").content.decode()
    label = re.search(r'<label for="id_cv-file">(.*?)</label>', html, re.S).group(1)
    assert 'class="field__req"' not in label and "required" not in Page(html).inputs["id_cv-file"]


@pytest.mark.django_db
def test_the_contact_form_refused_and_rate_limited(seeded):
    client = Client()
    page = refused(client.post("/contact/", {"email": "nope"}))
    assert "#id_name" in page.links and "#id_topic_0" in page.links and "#id_email" in page.links
    html = client.get("/contact/").content.decode()
    assert "<title>Error" not in html and "error-summary" not in html
    assert html.count("marks a required field") == 1


@pytest.mark.django_db
def test_sign_up_and_the_account_name_form(seeded, applicant_client):
    page = refused(Client().post("/accounts/signup/", {"email": "x"}))
    assert "#id_email" in page.links and "#id_password1" in page.links
    page = refused(applicant_client.post("/accounts/name/", {"given_name": "", "family_name": ""}))
    assert "#id_given_name" in page.links
