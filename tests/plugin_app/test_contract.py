"""The plug-in contract, proved by an installed app (issue 10): ``tests.plugin_app`` is a folder, one
``INSTALLED_APPS`` line and one ``include()``; from its plugin.py it registers a staff section, a mail event,
a privacy handler, a status section, a periodic job and a dashboard panel, and each shows up where it should:
the staff bar and the staff home (only for those its predicate lets in; 403 on its pages for everyone else), the
dashboard on the staff home (its count per open call, for those its predicate lets in), the template
editor, the person's download and the erasure (with the approval page), the status page, ``manage.py tick``."""

import io
import json
import re
import sys
import zipfile

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from campus.core.plugins import dashboard, jobs, mail, privacy, staff, status
from campus.privacy import services as privacy_services
from campus.team.models import Role, TeamMembership
from tests.applications.conftest import *  # noqa: F401,F403 - call, applicant, applicant_client, fill_all_steps
from tests.applications.conftest import fill_all_steps

from . import store

pytestmark = pytest.mark.django_db
NOTE = "Bring boots for the harbour visit in Vaasa."
PASSWORD = "a-long-staff-password-1"


@pytest.fixture
def installed():
    """The app installed: its line in INSTALLED_APPS, its include() in the URLs; taken off again after."""
    store.clear()
    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, "tests.plugin_app"],
                           ROOT_URLCONF="tests.plugin_app.root_urls"):
        plugin = sys.modules["tests.plugin_app.plugin"]  # imported by CoreConfig.ready(), like every app's
        yield plugin
    plugin.unregister_all()
    del sys.modules["tests.plugin_app.plugin"]  # the next install registers afresh
    store.clear()


def _member(django_user_model, email, edition, *roles, **extra):
    user = django_user_model.objects.create_user(email=email, password=PASSWORD, is_staff=True, **extra)
    for role in roles:
        TeamMembership.objects.create(edition=edition, user=user, role=role)
    return user


def test_its_plugin_py_registers_one_of_each(installed):
    assert installed.SECTION in staff.sections()
    assert mail.get("field_note_shared") is installed.EVENT
    assert installed.HANDLER in privacy.handlers()
    assert installed.field_note_section in status.providers()
    assert "field_notes.count" in [job.name for job in jobs.jobs()]
    assert installed.PANEL in dashboard.panels()


def test_uninstalled_nothing_of_it_is_left():
    assert "tests.plugin_app" not in settings.INSTALLED_APPS
    assert "field_notes:home" not in [section.url_name for section in staff.sections()]
    assert mail.get("field_note_shared") is None
    assert "field_notes" not in [handler.key for handler in privacy.handlers()]
    assert "field_notes.count" not in [job.name for job in jobs.jobs()]
    assert "field_notes" not in [panel.key for panel in dashboard.panels()]


def test_its_staff_section_opens_for_module_leads_only(installed, client, django_user_model, call):
    lead = _member(django_user_model, "lead@example.org", call.edition, Role.MODULE_LEAD)
    others = [
        _member(django_user_model, "reviewer@example.org", call.edition, Role.REVIEWER),
        _member(django_user_model, "manager@example.org", call.edition, Role.MANAGER),
        _member(django_user_model, "staff@example.org", call.edition),
    ]
    store.NOTES[lead.pk] = NOTE
    client.force_login(lead)
    home = client.get("/staff/").content.decode()
    bar = re.search(r'<nav aria-label="Staff area">(.*?)</nav>', home, re.S).group(1)
    assert 'href="/staff/field-notes/"' in bar and "Field notes" in bar
    assert "Notes the module leads keep about the cohort" in home
    assert client.get("/staff/field-notes/").status_code == 200
    assert client.get(f"/staff/field-notes/{lead.pk}/").content.decode() == NOTE
    for person in others:  # every staff URL of the section: 403, and no link to it
        client.force_login(person)
        assert "/staff/field-notes/" not in client.get("/staff/").content.decode()
        for url in ("/staff/field-notes/", f"/staff/field-notes/{lead.pk}/"):
            response = client.get(url)
            assert response.status_code == 403 and NOTE not in response.content.decode()
    client.logout()
    assert client.get("/staff/field-notes/")["Location"].startswith("/accounts/login/")


def test_its_dashboard_panel_counts_on_the_staff_home_for_module_leads_only(installed, client, django_user_model,
                                                                            call):
    lead = _member(django_user_model, "lead@example.org", call.edition, Role.MODULE_LEAD)
    manager = _member(django_user_model, "manager@example.org", call.edition, Role.MANAGER)
    store.NOTES.update({lead.pk: NOTE, manager.pk: "Another note."})
    client.force_login(lead)
    home = client.get("/staff/").content.decode()
    block = home.split(f'id="call-{call.pk}"', 1)[1]
    assert "<h3>Field notes</h3>" in block
    assert re.search(r'<a href="/staff/field-notes/"><span class="dashboard__n">2</span> '
                     r'<span class="dashboard__label">Field notes to read</span>', block)
    client.force_login(manager)  # the manager's panels, not the module leads'
    home = client.get("/staff/").content.decode()
    assert "Field notes to read" not in home and "<h3>Admissions</h3>" in home


def test_its_mail_event_is_in_the_template_editor(installed, client, django_user_model, call):
    manager = _member(django_user_model, "manager@example.org", call.edition, Role.MANAGER)
    client.force_login(manager)
    listing = client.get("/staff/outbox/templates/").content.decode()
    assert "A field note was shared with you" in listing
    editor = client.get(f"/staff/outbox/templates/field_note_shared/{call.edition.pk}/").content.decode()
    assert "<code>{note}</code>" in editor and "the text of the note" in editor


def test_its_data_is_in_the_download_and_goes_with_the_erasure(installed, client, applicant, django_user_model,
                                                                django_capture_on_commit_callbacks):
    store.NOTES[applicant.pk] = NOTE
    client.force_login(applicant)
    response = client.get("/my-data/download.zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content) if response.streaming
                                         else response.content))
    assert json.loads(archive.read("data.json"))["field_notes"] == [NOTE]

    officer = django_user_model.objects.create_superuser(email="officer@example.org", password=PASSWORD)
    request = privacy_services.request_erasure(user=applicant, reason="")
    client.force_login(officer)
    page = client.get(f"/staff/privacy/erasure/{request.pk}/").content.decode()
    assert "Field notes (1)" in page and NOTE in page
    with django_capture_on_commit_callbacks(execute=True):
        privacy_services.decide_erasure(request=request, approve=True, note="", actor=officer)
    assert applicant.pk not in store.NOTES


def test_its_status_section_is_on_the_status_page(installed, applicant, applicant_client, call,
                                                  django_capture_on_commit_callbacks):
    fill_all_steps(applicant_client)
    with django_capture_on_commit_callbacks(execute=True):
        assert applicant_client.post("/apply/submit/").status_code == 302
    assert "Your field note" not in applicant_client.get("/apply/status/").content.decode()
    store.NOTES[applicant.pk] = NOTE
    page = applicant_client.get("/apply/status/").content.decode()
    assert "Your field note" in page and NOTE in page


def test_its_job_runs_with_tick(installed):
    out = io.StringIO()
    call_command("tick", stdout=out)
    assert store.RUNS == ["ran"]
    assert "field_notes.count" in out.getvalue()
    call_command("tick", stdout=io.StringIO())
    assert store.RUNS == ["ran"]  # every hour: not again at once
