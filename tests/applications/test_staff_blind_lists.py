"""Blind review reaches the lists and exports: a reviewer of the edition (not a manager) with the right to read
applications sees no name, address, organisation or document of an applicant in the staff list, its search and
its CSV/XLSX while the call's active review phase is blind; managers see everything; a phase that is not blind
hides nothing."""

import csv
import io

import pytest
from openpyxl import load_workbook

from campus.review.models import ReviewPhase
from campus.team.models import TeamMembership

from .staff_factories import (  # noqa: F401  (fixtures)
    SECRET_EMAIL, SECRET_NAME, SECRET_ORGANISATION, make_application, make_staff, media, secret_application,
)

pytestmark = pytest.mark.django_db
Role = TeamMembership.Role
SECRETS = (SECRET_NAME[0], SECRET_NAME[1], SECRET_EMAIL, SECRET_ORGANISATION)


def person(call, email, role):
    user = make_staff(email, "view_application", "view_document")
    TeamMembership.objects.create(edition=call.edition, user=user, role=role)
    return user


@pytest.fixture
def blind(call):
    ReviewPhase.objects.filter(call=call).delete()
    return ReviewPhase.objects.create(call=call, name="First", is_active=True, blind=True)


def leaks(text):
    return [secret for secret in SECRETS if secret in text]


def test_a_reviewer_reads_the_list_and_exports_without_identities_in_a_blind_phase(client, call, blind,
                                                                                   secret_application):
    client.force_login(person(call, "rita.reviewer@example.org", Role.REVIEWER))
    page = client.get(f"/staff/applications/?call={call.pk}").content.decode()
    assert secret_application.reference in page and not leaks(page)
    assert "Blind review: the names" in page and "/apply/documents/" not in page
    assert f'<th scope="row" class="staff-table__ref"><a href="/staff/applications/{secret_application.pk}/' in page
    # a name typed in the search finds nobody (else the search would name the applicant); the reference does
    page = client.get(f"/staff/applications/?call={call.pk}&q={SECRET_NAME[1]}").content.decode()
    assert "No applications match the filters" in page
    page = client.get(f"/staff/applications/?call={call.pk}&q={secret_application.reference}").content.decode()
    assert f"/staff/applications/{secret_application.pk}/" in page
    response = client.get(f"/staff/applications/export.csv?call={call.pk}")
    text = response.content.decode("utf-8-sig")
    assert response.status_code == 200 and not leaks(text)
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["Reference"] == secret_application.reference and "Name" not in row and "Email" not in row
    assert "Organisation" not in row and not any(": First name" in key or ": Phone" in key for key in row)
    assert row["Country"] == "Finland"  # what does not identify stays
    sheet = load_workbook(io.BytesIO(client.get(f"/staff/applications/export.xlsx?call={call.pk}").content)).active
    cells = " ".join(str(cell.value) for line in sheet.iter_rows() for cell in line)
    assert secret_application.reference in cells and not leaks(cells)


def test_managers_and_open_phases_show_the_identity(client, call, blind, secret_application):
    client.force_login(person(call, "max.manager@example.org", Role.MANAGER))
    page = client.get(f"/staff/applications/?call={call.pk}&q={SECRET_NAME[1]}").content.decode()
    assert SECRET_EMAIL in page and SECRET_ORGANISATION in page and "Blind review" not in page
    assert "Zelda Secretname" in client.get(f"/staff/applications/export.csv?call={call.pk}").content.decode()
    blind.blind = False
    blind.save()
    client.force_login(person(call, "rita.reviewer@example.org", Role.REVIEWER))
    page = client.get(f"/staff/applications/?call={call.pk}").content.decode()
    assert SECRET_EMAIL in page and "Blind review" not in page


def test_the_blind_list_costs_no_query_per_row(client, call, blind, django_assert_num_queries, media):
    client.force_login(person(call, "rita.reviewer@example.org", Role.REVIEWER))
    make_application(call, email="one@example.org")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(f"/staff/applications/?call={call.pk}")  # the content kept by the process (core.content_memo)
    with CaptureQueriesContext(connection) as few:
        client.get(f"/staff/applications/?call={call.pk}")
    for number in range(4):
        make_application(call, email=f"more{number}@example.org")
    with CaptureQueriesContext(connection) as many:
        client.get(f"/staff/applications/?call={call.pk}")
    assert len(many) == len(few)
