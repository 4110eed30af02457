"""The staff cohort pages (/staff/cohort/): participants (list, CSV/XLSX export with formulas neutralised),
module leads (assign, remove), meetup modes (a switch mails every participant through the outbox and shows at
once on every page and feed), onboarding (shown on the home of someone just admitted)."""

import io

import pytest
from django.test import Client

from campus.cohort.models import Participant
from campus.communications.models import OutboxMessage
from campus.programme.models import Meetup, Module
from campus.team.models import TeamMembership
from tests.cohort.conftest import admitted, future_meetups, make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(call):
    return [
        admitted(call, "aino@example.fi", first_name="Aino", last_name="Virtanen", organisation="=HYPERLINK(1)",
                 cluster_name="@SUM(A1)", cluster_sector="Energy"),
        admitted(call, "jonas@example.lt", first_name="Jonas", last_name="Petraitis", organisation="Kaunas IT"),
    ]


def test_only_managers_of_the_edition_use_the_pages(client, seeded, other_edition, cohort, django_user_model):
    url = f"/staff/cohort/editions/{seeded.pk}/"
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(cohort[0].user)
    assert client.get(url).status_code == 404
    foreign = django_user_model.objects.create_user(email="fred@example.org", password="a-long-password-1",
                                                    is_staff=True)
    TeamMembership.objects.create(edition=other_edition, user=foreign, role=TeamMembership.Role.MANAGER)
    client.force_login(foreign)
    assert client.get(url).status_code == 404
    assert client.get("/staff/cohort/").status_code == 200
    meetup = Meetup.objects.filter(module__edition=seeded).first()
    assert client.post(f"/staff/cohort/meetups/{meetup.pk}/mode/", {"mode": "remote"}).status_code == 404
    assert Meetup.objects.get(pk=meetup.pk).mode == "on_site"
    lead = TeamMembership.objects.create(edition=seeded, user=cohort[1].user, role=TeamMembership.Role.MODULE_LEAD,
                                         module=meetup.module)
    assert client.post(f"/staff/cohort/leads/{lead.pk}/remove/").status_code == 404
    assert client.get(f"/staff/cohort/editions/{seeded.pk}/export.csv").status_code == 404
    assert TeamMembership.objects.filter(pk=lead.pk).exists()


def test_the_participants_list_and_its_query_count(manager_client, seeded, call, cohort,
                                                   django_assert_num_queries):
    url = f"/staff/cohort/editions/{seeded.pk}/"
    html = manager_client.get(url).content.decode()
    assert "Aino Virtanen" in html and "aino@example.fi" in html and "Kaunas IT" in html
    # session, user, edition, roles (2), the participants with users and applications, the content version
    # (programme and footer pages kept per version), staff sections (2 permission reads): the same however many
    with django_assert_num_queries(9) as first:
        manager_client.get(url)
    for n in range(5):
        admitted(call, f"p{n}@example.org", first_name=f"P{n}")
    with django_assert_num_queries(len(first)):
        assert "p4@example.org" in manager_client.get(url).content.decode()


def test_exports_neutralise_formulas(manager_client, seeded, cohort):
    from openpyxl import load_workbook

    response = manager_client.get(f"/staff/cohort/editions/{seeded.pk}/export.csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and "'@SUM(A1)" in text and "Aino Virtanen" in text
    response = manager_client.get(f"/staff/cohort/editions/{seeded.pk}/export.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row}
    assert cells["=HYPERLINK(1)"].data_type == "s" and cells["=HYPERLINK(1)"].quotePrefix
    assert manager_client.get(f"/staff/cohort/editions/{seeded.pk}/export.pdf").status_code == 404


def test_assign_and_remove_a_module_lead(manager_client, seeded, django_user_model):
    lea = django_user_model.objects.create_user(email="lea@example.org", password="a-long-password-1",
                                                full_name="Lea Lead")
    module = Module.objects.get(edition=seeded, number=2)
    url = f"/staff/cohort/editions/{seeded.pk}/leads/"
    response = manager_client.post(url, {"module": module.pk, "email": "nobody@example.org"})
    assert response.status_code == 200 and b"No active account has this address" in response.content
    assert b'value="nobody@example.org"' in response.content  # what was typed is kept
    response = manager_client.post(url, {"module": module.pk, "email": "LEA@example.org"})
    assert response.status_code == 302
    membership = TeamMembership.objects.get(user=lea, role="module_lead")
    assert membership.module == module
    assert "Lea Lead" in manager_client.get(url).content.decode()
    response = manager_client.post(f"/staff/cohort/leads/{membership.pk}/remove/")
    assert response.status_code == 302
    assert not TeamMembership.objects.filter(pk=membership.pk).exists()


def test_switching_a_meetup_to_remote_mails_every_participant_and_shows_everywhere(
        manager_client, seeded, cohort, run_tasks):
    future_meetups(seeded)
    meetup = Meetup.objects.filter(module__edition=seeded).order_by("starts_at").first()
    public = Client()
    assert "On site" in public.get(f"/modules/{meetup.module.number}/").content.decode()  # now cached
    url = f"/staff/cohort/meetups/{meetup.pk}/mode/"
    assert manager_client.get(url).status_code == 200
    response = manager_client.post(url, {"mode": "remote", "note": "Storm warning: we meet online."})
    assert response.status_code == 302
    meetup.refresh_from_db()
    assert meetup.mode == "remote" and meetup.is_online and meetup.place == "Online"
    mails = OutboxMessage.objects.filter(event="meetup_mode_changed")
    assert sorted(mails.values_list("to_email", flat=True)) == ["aino@example.fi", "jonas@example.lt"]
    body = mails.first().body
    assert "is now Remote (it was On site)" in body and "Storm warning" in body and "(Europe/Stockholm)" in body
    # the same switch again sends nothing more
    manager_client.post(url, {"mode": "remote", "note": "Storm warning: we meet online."})
    assert mails.count() == 2
    # every page and feed shows it at once
    module_page = public.get(f"/modules/{meetup.module.number}/").content.decode()
    assert "Remote" in module_page and "Storm warning" in module_page
    assert "Remote" in public.get("/schedule/").content.decode()
    assert "Remote" in public.get("/schedule.ics").content.decode()
    participant = Client()
    participant.force_login(cohort[0].user)
    home = participant.get("/me/").content.decode()
    assert "Remote" in home and "Storm warning" in home
    assert f"{meetup.title} (Remote)" in participant.get("/me/schedule/").content.decode()
    participant.post("/me/schedule/feed/new/")
    token = Participant.objects.get(pk=cohort[0].pk).feed_token
    assert b"(Remote)" in Client().get(f"/me/calendar/{token}.ics").content


def test_a_refused_mode_keeps_the_note(manager_client, seeded):
    meetup = Meetup.objects.filter(module__edition=seeded).first()
    response = manager_client.post(f"/staff/cohort/meetups/{meetup.pk}/mode/", {"mode": "moon", "note": "Kept"})
    assert response.status_code == 200 and b"Kept" in response.content
    assert b"Select a valid choice" in response.content


def test_the_home_shows_the_next_meetup_and_onboarding_before_module_one(manager_client, seeded, client):
    future_meetups(seeded)
    Module.objects.filter(edition=seeded).update(starts_on="2099-01-01", ends_on="2099-02-01")  # not started
    meetup = Meetup.objects.filter(module__edition=seeded).order_by("starts_at").first()
    Meetup.objects.filter(pk=meetup.pk).update(travel_note="Take the **train** from Malmö.", venue="Netport")
    response = manager_client.post(f"/staff/cohort/editions/{seeded.pk}/onboarding/",
                                   {"text": "## Before we meet\n- Read the *welcome pack*"})
    assert response.status_code == 302
    pia = make_participant(seeded, "pia@example.org")
    client.force_login(pia.user)
    html = client.get("/me/").content.decode()
    assert "Next meetup" in html and meetup.title in html and "Netport" in html
    assert "(Europe/Stockholm)" in html and ("CEST" in html or "CET" in html)
    assert "<strong>train</strong>" in html
    assert "Before module 1" in html and "<em>welcome pack</em>" in html


def test_the_home_costs_the_same_with_a_next_meetup(client, seeded, django_assert_num_queries):
    future_meetups(seeded)
    pia = make_participant(seeded, "pia@example.org")
    client.force_login(pia.user)
    client.get("/me/")
    with django_assert_num_queries(12):  # as tests/cohort/test_door.py, the first module has started
        assert "Next meetup" in client.get("/me/").content.decode()


def test_the_meetups_and_leads_lists_cost_the_same_with_more_rows(manager_client, seeded, django_user_model,
                                                                  django_assert_num_queries):
    meetups, leads = f"/staff/cohort/editions/{seeded.pk}/meetups/", f"/staff/cohort/editions/{seeded.pk}/leads/"
    manager_client.get(meetups)
    manager_client.get(leads)
    # session, user, edition, roles (2), the meetups with modules, the content version (programme and footer pages
    # kept per version), staff sections (2)
    with django_assert_num_queries(9) as meetup_queries:
        manager_client.get(meetups)
    # the same, with the leads (users, modules) and the form's modules (read twice by the select)
    with django_assert_num_queries(11) as lead_queries:
        manager_client.get(leads)
    module = Module.objects.get(edition=seeded, number=1)
    template = Meetup.objects.filter(module=module).first()
    for n in range(5):
        Meetup.objects.create(module=module, title=f"Extra {n}", starts_at=template.starts_at,
                              ends_at=template.ends_at, timezone="Europe/Helsinki")
        user = django_user_model.objects.create_user(email=f"lead{n}@example.org", password="a-long-password-1")
        TeamMembership.objects.create(edition=seeded, user=user, role="module_lead", module=module)
    # read the counts now (a request resets the connection's query log), then warm up again: saving meetups bumps
    # the content version, so the next request reads the programme and footer pages again
    meetup_count, lead_count = len(meetup_queries), len(lead_queries)
    manager_client.get(meetups)
    with django_assert_num_queries(meetup_count):
        assert "Extra 4" in manager_client.get(meetups).content.decode()
    with django_assert_num_queries(lead_count):
        assert "lead4@example.org" in manager_client.get(leads).content.decode()


def test_a_switch_without_participants_and_the_same_switch_again(manager_client, seeded):
    meetup = Meetup.objects.filter(module__edition=seeded).first()
    url = f"/staff/cohort/meetups/{meetup.pk}/mode/"
    response = manager_client.post(url, {"mode": "blended", "note": ""}, follow=True)
    assert "is blended now; 0 participants mailed." in response.content.decode()
    response = manager_client.post(url, {"mode": "blended", "note": ""}, follow=True)
    assert "Nothing changed" in response.content.decode()
    meetup.refresh_from_db()
    assert meetup.mode == "blended" and not meetup.is_online and meetup.place  # blended keeps its place


def test_is_online_is_the_mode_remote():
    meetup = Meetup(is_online=True)  # older code and data set the flag
    assert meetup.mode == "remote" and meetup.is_online and meetup.place == "Online"
    meetup.is_online = False
    assert meetup.mode == "on_site"
    meetup.mode = "blended"
    meetup.is_online = False  # a blended meetup stays blended
    assert meetup.mode == "blended" and not meetup.is_online
