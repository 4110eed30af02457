""""Continue your application" reopens the first step that is still unfinished, not the step saved last."""

import re

import pytest

from .conftest import GOOD_ANSWERS, cv_upload


def continue_link(client) -> str:
    page = client.get("/apply/status/").content.decode()
    match = re.search(r'<a class="button" href="([^"]+)">Continue your application</a>', page)
    assert match, "no Continue button on the status page"
    return match.group(1)


@pytest.mark.django_db
def test_continue_leads_to_the_first_unfinished_step(applicant_client, call):
    applicant_client.post("/apply/begin/")
    applicant_client.post("/apply/step/about/", GOOD_ANSWERS["about"])
    applicant_client.post("/apply/step/cluster/", GOOD_ANSWERS["cluster"])  # saved last, and complete
    assert continue_link(applicant_client) == "/apply/step/motivation/"
    assert applicant_client.post("/apply/begin/")["Location"] == "/apply/step/motivation/"


@pytest.mark.django_db
def test_a_skipped_step_comes_before_the_one_saved_last(applicant_client, call):
    applicant_client.post("/apply/begin/")
    applicant_client.post("/apply/step/about/", GOOD_ANSWERS["about"])
    applicant_client.post("/apply/step/motivation/", GOOD_ANSWERS["motivation"])  # "Your cluster" was skipped
    assert continue_link(applicant_client) == "/apply/step/cluster/"


@pytest.mark.django_db
def test_a_complete_draft_continues_on_the_review_page(applicant_client, call):
    applicant_client.post("/apply/begin/")
    for step, data in GOOD_ANSWERS.items():
        payload = {**data, "cv-file": cv_upload()} if step == "cv" else data
        applicant_client.post(f"/apply/step/{step}/", payload)
    assert continue_link(applicant_client) == "/apply/review/"
    assert applicant_client.post("/apply/begin/")["Location"] == "/apply/review/"
