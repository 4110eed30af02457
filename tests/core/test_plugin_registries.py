"""Status sections and periodic jobs are plug-ins (campus.core.plugins.status, .jobs): what an app registers from
its plugin.py shows on the applicant's status page and runs with ``manage.py tick``; removed, it is gone."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from campus.core.plugins import jobs, status
from campus.core.plugins.status import StatusSection
from tests.applications.conftest import *  # noqa: F401,F403 - call, applicant, applicant_client, fill_all_steps
from tests.applications.conftest import fill_all_steps


def test_the_apps_register_their_parts_from_plugin_py():
    names = {provider.__module__ + "." + provider.__name__ for provider in status.providers()}
    assert names >= {"campus.interviews.status.interview_section", "campus.admissions.status.offer_section"}
    assert {job.name for job in jobs.jobs()} >= {"admissions.tick", "communications.requeue_stale",
                                                 "review.remind_reviewers"}


@pytest.mark.django_db
def test_a_registered_status_section_shows_on_the_status_page_and_may_replace_another(
    applicant_client, call, django_capture_on_commit_callbacks
):
    fill_all_steps(applicant_client)
    with django_capture_on_commit_callbacks(execute=True):
        assert applicant_client.post("/apply/submit/").status_code == 302

    def certificate(request, application):
        return StatusSection(html=f"<p>Certificate of {application.reference}</p>", label="Certificate ready",
                             order=90, key="tests-certificate")

    def replaced(request, application):
        return StatusSection(html="<p>Replaced section</p>", order=80, key="tests-old")

    def replacing(request, application):
        return StatusSection(html="<p>Replacing section</p>", order=85, replaces=("tests-old",))

    for provider in (certificate, replaced, replacing):
        status.register(provider)
    try:
        status.register(certificate)  # a second registration adds nothing
        assert status.providers().count(certificate) == 1
        html = applicant_client.get("/apply/status/").content.decode()
        assert "Certificate of " in html and "Certificate ready" in html
        assert "Replacing section" in html and "Replaced section" not in html
    finally:
        for provider in (certificate, replaced, replacing):
            status.unregister(provider)
    html = applicant_client.get("/apply/status/").content.decode()
    assert "Certificate ready" not in html and "Submitted – under review" in html


@pytest.mark.django_db
def test_a_registered_job_is_listed_and_run_by_tick(capsys):
    ran = []
    jobs.register("tests.count", lambda: ran.append(1) or f"ran {len(ran)}", every=timedelta(hours=1))
    try:
        call_command("tick", "--list")
        assert "tests.count: every 1:00:00" in capsys.readouterr().out
        call_command("tick")
        call_command("tick")  # not due again within the hour
        assert ran == [1] and "tests.count: ran 1" in capsys.readouterr().out
    finally:
        jobs.unregister("tests.count")
    call_command("tick", "--list")
    assert "tests.count" not in capsys.readouterr().out
