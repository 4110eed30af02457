"""Exports of a call for its managers: the spreadsheet (CSV, XLSX) with answers, scores, decisions and offers;
every CV as one zip. Content, hostile text, permissions with data that could leak, headers, logging, queries."""

import csv
import io
import zipfile
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campus.admissions import exports
from campus.admissions.models import Decision, Offer
from campus.applications import selectors as application_selectors
from campus.applications.exports import question_headers
from campus.applications.models import Application, Call
from campus.core.models import ActivityLog
from campus.review.models import Criterion, Kind, Review, Score
from campus.team.models import TeamMembership
from tests.applications.staff_factories import FORMULA, make_application

from .conftest import bulk_applications
from .test_assistant import other_edition, reviewer_user, score

CSV_URL = "/staff/admissions/{}/export.csv"
XLSX_URL = "/staff/admissions/{}/export.xlsx"
ZIP_URL = "/staff/admissions/{}/cvs.zip"


def review_with_scores(application, values, *, reviewer, kind=Kind.REVIEW):
    """A review whose per-criterion scores are ``values`` (in criterion order) and whose total is their
    weighted mean (as the review service computes it)."""
    criteria = list(Criterion.objects.filter(call=application.call, kind=kind).order_by("order", "id"))
    weights = sum(c.weight for c in criteria)
    total = Decimal(sum(c.weight * v for c, v in zip(criteria, values, strict=True)) / weights).quantize(Decimal("0.01"))
    review = Review.objects.create(application=application, reviewer=reviewer, kind=kind, recommendation="yes",
                                   total=total, submitted_at=timezone.now())
    Score.objects.bulk_create([Score(review=review, criterion=c, value=v) for c, v in zip(criteria, values, strict=True)])
    return review


@pytest.fixture
def exported(call):
    """Two full applications (one hostile), reviews with scores, an interview, a decision and an offer."""
    aino = make_application(call, email="aino.export@example.fi", first_name="Aino", last_name="Virtanen")
    mallory = make_application(call, email="mallory@example.org", first_name="Mallory", last_name="Evil",
                               organisation=FORMULA)
    draft = make_application(call, email="draft@example.org", submit=False, first_name="Dora", last_name="Draft")
    one, two = reviewer_user("r.one@example.org"), reviewer_user("r.two@example.org")
    review_with_scores(aino, [5, 4, 4, 3], reviewer=one)
    review_with_scores(aino, [3, 4, 2, 5], reviewer=two)
    review_with_scores(aino, [4, 5], reviewer=one, kind=Kind.INTERVIEW)
    review_with_scores(mallory, [1, 2, 1, 1], reviewer=one)
    now = timezone.now()
    Decision.objects.create(application=aino, outcome="admit", released_at=now)
    Decision.objects.create(application=mallory, outcome="waitlist", waitlist_rank=1)
    Offer.objects.create(application=aino, state=Offer.State.ACCEPTED, made_at=now, reply_by=now, responded_at=now)
    return {"aino": aino, "mallory": mallory, "draft": draft}


def parse_csv(content: bytes) -> list[dict]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.mark.django_db
def test_csv_has_answers_scores_decisions_and_offers(manager_client, call, exported, team_manager):
    response = manager_client.get(CSV_URL.format(call.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="BSR20-admissions-')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    content = b"".join(response.streaming_content)
    rows = parse_csv(content)
    assert [row["Reference"] for row in rows] == sorted([exported["aino"].reference, exported["mallory"].reference])
    header = list(rows[0])
    # every question, in order, as in the applications export
    questions = question_headers(application_selectors.questions_of(call))
    assert header[9:9 + len(questions)] == questions
    aino = next(row for row in rows if row["Reference"] == exported["aino"].reference)
    mallory = next(row for row in rows if row["Reference"] == exported["mallory"].reference)
    assert aino["Name"] == "Aino Virtanen"
    assert aino["About you: First name"] == "Aino"
    # totals: (3*5+2*4+2*4+3)/8 = 4.25 and (9+8+4+5)/8 = 3.25: mean 3.75; interview (4+5)/2 = 4.5
    assert aino["Review mean"] == "3.75" and aino["Review median"] == "3.75" and aino["Reviews"] == "2"
    assert aino["Interview mean"] == "4.5" and aino["Interviews"] == "1"
    assert aino["Score"] == "4.12"  # (3.75 + 4.5) / 2, as on the ranking board
    assert aino["Review criterion: Experience in cluster management (mean)"] == "4.0"
    assert aino["Review criterion: Contribution to the cohort (mean)"] == "3.0"
    assert aino["Interview assessment criterion: Commitment and fit (mean)"] == "5.0"
    assert aino["Decision"] == "Admit" and aino["Offer"] == "Accepted" and aino["Decision released at (UTC)"].endswith("Z")
    assert mallory["Decision"] == "Waitlist (staged)" and mallory["Waitlist rank"] == "1" and mallory["Offer"] == ""
    # hostile text is neutralised
    assert mallory["Organisation"] == "'" + FORMULA
    # logged: who took which export
    entry = ActivityLog.objects.get(action="applications.exported")
    assert entry.actor == team_manager and entry.data["format"] == "csv" and entry.data["applications"] == 2
    assert entry.data["filters"] == {"export": "admissions"}


@pytest.mark.django_db
def test_xlsx_has_numbers_as_numbers_and_text_never_as_formulas(manager_client, call, exported):
    from openpyxl import load_workbook

    response = manager_client.get(XLSX_URL.format(call.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith('attachment; filename="BSR20-admissions-')
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook["Admissions"]
    values = list(sheet.iter_rows(values_only=True))
    header = list(values[0])
    rows = [dict(zip(header, row, strict=True)) for row in values[1:]]
    aino = next(row for row in rows if row["Reference"] == exported["aino"].reference)
    assert aino["Review mean"] == 3.75 and aino["Reviews"] == 2 and aino["Score"] == 4.12
    mallory_row = next(i for i, row in enumerate(rows, start=2) if row["Reference"] == exported["mallory"].reference)
    cell = sheet.cell(row=mallory_row, column=header.index("Organisation") + 1)
    assert cell.value == FORMULA and cell.data_type == "s" and cell.quotePrefix
    assert ActivityLog.objects.get(action="applications.exported").data["format"] == "xlsx"


@pytest.mark.django_db
def test_unknown_format_is_a_404(manager_client, call):
    assert manager_client.get(f"/staff/admissions/{call.pk}/export.pdf").status_code == 404
    assert not ActivityLog.objects.filter(action="applications.exported").exists()


@pytest.mark.django_db
def test_cvs_zip_has_every_cv_of_the_call_named_and_byte_for_byte(manager_client, call, exported, team_manager):
    withdrawn = make_application(call, email="gone@example.org", first_name="Gone", last_name="Away")
    Application.objects.filter(pk=withdrawn.pk).update(state=Application.State.WITHDRAWN)
    odd = make_application(call, email="odd@example.org", first_name="../../etc", last_name="Ölander\x07")
    response = manager_client.get(ZIP_URL.format(call.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="BSR20-cvs-')
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    aino, mallory = exported["aino"], exported["mallory"]
    odd.refresh_from_db()
    assert sorted(names) == sorted([
        f"{aino.reference} Aino Virtanen.pdf", f"{mallory.reference} Mallory Evil.pdf", f"{odd.reference} etc Ölander.pdf",
    ])
    for application in (aino, mallory, odd):
        document = application.documents.get(kind="cv")
        with document.file.open("rb") as handle:
            stored = handle.read()
        name = next(n for n in names if n.startswith(application.reference))
        assert archive.read(name) == stored
    assert all("/" not in n and "\\" not in n and ".." not in n for n in names)
    entry = ActivityLog.objects.get(action="applications.exported")
    assert entry.actor == team_manager and entry.data["format"] == "zip" and entry.data["applications"] == 3


@pytest.mark.django_db
def test_an_empty_call_gives_empty_exports(manager_client, call):
    rows = parse_csv(b"".join(manager_client.get(CSV_URL.format(call.pk)).streaming_content))
    assert rows == []
    archive = zipfile.ZipFile(io.BytesIO(b"".join(manager_client.get(ZIP_URL.format(call.pk)).streaming_content)))
    assert archive.namelist() == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL, ZIP_URL])
@pytest.mark.parametrize("who", ["anonymous", "applicant", "reviewer", "lead", "other_manager"])
def test_only_managers_of_the_edition_may_export(client, call, exported, who, url, django_user_model):
    if who != "anonymous":
        user = (exported["aino"].applicant if who == "applicant" else django_user_model.objects.create_user(
            email=f"{who}@example.org", password="a-long-password-1", is_staff=True))
        if who == "reviewer":
            TeamMembership.objects.create(edition=call.edition, user=user, role=TeamMembership.Role.REVIEWER)
        elif who == "other_manager":
            edition = other_edition(call)
            TeamMembership.objects.create(edition=edition, user=user, role=TeamMembership.Role.MANAGER)
            # their own edition's call exports fine, and holds nothing of this one
            own = Call.objects.create(edition=edition, title="Another call", reference_prefix="OTH31",
                                      opens_at=call.opens_at, closes_at=call.closes_at, timezone=call.timezone)
            client.force_login(user)
            mine = client.get(CSV_URL.format(own.pk))
            assert mine.status_code == 200 and b"Virtanen" not in b"".join(mine.streaming_content)
        client.force_login(user)
    response = client.get(url.format(call.pk))
    if who == "anonymous":
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    else:
        assert response.status_code == 404
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Virtanen" not in content
    assert client.post(url.format(call.pk)).status_code in (302, 404, 405)
    expected = 1 if who == "other_manager" else 0
    assert ActivityLog.objects.filter(action="applications.exported").count() == expected


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_applications(manager_client, call):
    def counts():
        result = []
        for url in (CSV_URL, XLSX_URL, ZIP_URL):
            with CaptureQueriesContext(connection) as queries:
                response = manager_client.get(url.format(call.pk))
                b"".join(response.streaming_content)
            assert response.status_code == 200
            result.append(len(queries))
        return result

    def add(n, prefix):
        applications = bulk_applications(call, n, prefix=prefix)
        for application in applications:
            score(application, 3.5, reviewer=reviewer_user())
            Decision.objects.create(application=application, outcome="waitlist", waitlist_rank=application.pk)
        return applications

    add(2, "few")
    make_application(call, email="with.cv@example.org")
    manager_client.get(CSV_URL.format(call.pk))  # warm-up
    few = counts()
    add(40, "many")
    for i in range(3):
        make_application(call, email=f"cv{i}@example.org")
    assert counts() == few


@pytest.mark.django_db
def test_cv_names_are_sanitised():
    class Fake:
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

        class application:  # noqa: N801
            reference = "BSR20-0001"
            full_name = 'A/B\\C <x> "y"\x07'

    assert exports.cv_name(Fake) == "BSR20-0001 A B C x y.docx"
