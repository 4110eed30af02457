"""The list as CSV and XLSX: one row per application, one column per question, the filters applied, and
nothing a spreadsheet would run: formulas are neutralised (read back with csv and openpyxl)."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from campus.core.exports import FORMULA_STARTS, neutralise
from campus.applications.selectors import STEP_LABELS, questions_of

from .staff_factories import (  # noqa: F401  (fixtures)
    FORMULA, HOSTILE_ANSWERS, SCRIPT, hostile_application, make_application, manager, media,
    secret_application, viewer, viewer_client,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _csv(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx(response):
    assert response["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(response.content)).active


def test_neutralise():
    for start in FORMULA_STARTS:
        assert neutralise(f"{start}x") == f"'{start}x"
    assert neutralise("Plain") == "Plain" and neutralise("") == "" and neutralise("a=b") == "a=b"


@pytest.mark.django_db
def test_csv_has_a_row_per_application_and_a_column_per_question(viewer_client, call, secret_application,
                                                                hostile_application):
    response = viewer_client.get("/staff/applications/export.csv")
    assert response.status_code == 200
    today = timezone.localdate(timezone.now(), call.zone).isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="BSR20-applications-{today}.csv"'
    rows = _csv(response)
    assert len(rows) == 2
    header = list(rows[0])
    assert header[:9] == ["Reference", "State", "Eligibility", "Eligibility overridden", "Name", "Email",
                          "Organisation", "Country", "Submitted at (UTC)"]
    assert header[9:] == [f"{STEP_LABELS[q.step]}: {q.label}" for q in questions_of(call)]
    assert len(set(header)) == len(header)
    row = next(r for r in rows if r["Reference"] == secret_application.reference)
    assert row["Name"] == "Zelda Secretname" and row["Email"] == "zelda.secret@example.org"
    assert row["State"] == "Submitted" and row["Eligibility"] == "Eligible" and row["Country"] == "Finland"
    assert row["Submitted at (UTC)"] == secret_application.submitted_at.astimezone(UTC).replace(
        microsecond=0).isoformat().replace("+00:00", "Z")
    assert datetime.fromisoformat(row["Submitted at (UTC)"]).tzinfo is not None
    assert row["Your cluster: Are you experienced in project management?"] == "Yes"  # display values, not raw "yes"
    assert row["Your cluster: Country of the cluster"] == "Finland"
    assert row["About you: Your English"].startswith("Fluent")


@pytest.mark.django_db
def test_csv_neutralises_formulas(viewer_client, hostile_application):
    row = _csv(viewer_client.get("/staff/applications/export.csv"))[0]
    assert row["About you: Organisation"] == "'" + FORMULA and row["Organisation"] == "'" + FORMULA
    assert row["About you: Your role"] == "'" + HOSTILE_ANSWERS["role"]
    assert row["About you: Languages you speak"] == "'-2+3"
    assert row["Your cluster: Name of your cluster"] == "'@SUM(1+1)"
    assert row["Your cluster: Sector or field"] == "'\tTabbed"
    assert row["Your cluster: Describe your project management experience briefly"] == "'\rCarriage return"
    assert row["About you: Phone number"] == "'+358 40 123 4567"
    assert row["About you: First name"] == SCRIPT  # not a formula: kept as written (a spreadsheet shows it as text)
    for value in row.values():
        assert not value.startswith(FORMULA_STARTS), value


@pytest.mark.django_db
def test_xlsx_writes_hostile_text_as_text_never_as_formulas(viewer_client, call, hostile_application,
                                                           secret_application):
    response = viewer_client.get("/staff/applications/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"') and "BSR20-applications-" in response[
        "Content-Disposition"]
    sheet = _xlsx(response)
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert len(rows) == 3 and header[0] == "Reference"
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
    hostile = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == hostile_application.reference)
    by_header = {header[index]: cell for index, cell in enumerate(hostile)}
    organisation = by_header["Organisation"]
    assert organisation.value == FORMULA and organisation.data_type == "s" and organisation.quotePrefix
    role = by_header["About you: Your role"]
    assert role.value == HOSTILE_ANSWERS["role"] and role.quotePrefix
    assert by_header["Your cluster: Name of your cluster"].value == "@SUM(1+1)"
    assert by_header["Name"].value == f"{SCRIPT} Mallory"
    assert not by_header["Reference"].quotePrefix


@pytest.mark.django_db
def test_xlsx_survives_control_characters(viewer_client, call, media):
    make_application(call, email="ctrl@example.org", cluster_name="Bell\x07 and\x0b tab")
    sheet = _xlsx(viewer_client.get("/staff/applications/export.xlsx"))
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Bell and tab" in values


@pytest.mark.django_db
def test_exports_follow_the_filters(viewer_client, call, media, secret_application):
    make_application(call, email="lars@example.se", first_name="Lars", last_name="Nilsson",
                     country_of_residence="SE", submit=False)
    rows = _csv(viewer_client.get("/staff/applications/export.csv?country=SE&q=nilsson"))
    assert [row["Name"] for row in rows] == ["Lars Nilsson"]
    assert rows[0]["Submitted at (UTC)"] == "" and rows[0]["State"] == "Draft"
    sheet = _xlsx(viewer_client.get("/staff/applications/export.xlsx?state=submitted"))
    assert [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Zelda Secretname"]
    html = viewer_client.get("/staff/applications/?country=SE&page=1").content.decode()
    assert 'href="/staff/applications/export.csv?country=SE"' in html


@pytest.mark.django_db
def test_an_overridden_eligibility_is_exported_as_decided(viewer_client, manager, secret_application):
    from campus.applications import services

    services.override_eligibility(application=secret_application, status="needs_check", reason="Check the CV.",
                                  actor=manager)
    row = _csv(viewer_client.get("/staff/applications/export.csv"))[0]
    assert row["Eligibility"] == "Needs a check" and row["Eligibility overridden"] == "yes"


@pytest.mark.django_db
def test_export_queries_do_not_grow_with_the_applications(viewer_client, call, media):
    make_application(call, email="one@example.org")
    make_application(call, email="two@example.org", submit=False)
    counts = []
    for fmt in ("csv", "xlsx"):
        viewer_client.get(f"/staff/applications/export.{fmt}")  # the content kept by the process (core.content_memo)
        with CaptureQueriesContext(connection) as few:
            viewer_client.get(f"/staff/applications/export.{fmt}")
        counts.append(len(few))
    for number in range(6):
        make_application(call, email=f"more{number}@example.org", submit=number % 2 == 0)
    for fmt, expected in zip(("csv", "xlsx"), counts):
        with CaptureQueriesContext(connection) as many:
            response = viewer_client.get(f"/staff/applications/export.{fmt}")
        assert response.status_code == 200
        assert len(many) == expected, fmt


@pytest.mark.django_db
def test_unknown_format_is_404(viewer_client, secret_application):
    assert viewer_client.get("/staff/applications/export.pdf").status_code == 404


@pytest.mark.django_db
def test_every_export_is_in_the_activity_log(viewer_client, call, secret_application, viewer):
    from campus.core.models import ActivityLog

    viewer_client.get("/staff/applications/export.csv?country=FI")
    viewer_client.get("/staff/applications/export.xlsx")
    entries = list(ActivityLog.objects.filter(action="applications.exported").order_by("id"))
    assert [(e.data["format"], e.data["applications"], e.actor_id) for e in entries] == [
        ("csv", 1, viewer.pk), ("xlsx", 1, viewer.pk)
    ]
    assert entries[0].data["filters"] == {"country": "FI"}
