"""The staff pages (managers of the edition only), the participant's page, the PDFs and the exports."""

import csv
import io
import time

import pytest
from pypdf import PdfReader

from campus.certificates import pdf, services
from tests.certificates.conftest import POINTS
from tests.cohort.conftest import make_participant
from tests.interviews.conftest import make_person

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_who_gets_in(client, ruled, manager, foreign_manager, pia, issued):
    pages = [f"/staff/certificates/?edition={ruled.pk}", f"/staff/certificates/editions/{ruled.pk}/rules/",
             f"/staff/certificates/editions/{ruled.pk}/list/", f"/staff/certificates/{issued.pk}/",
             f"/staff/certificates/{issued.pk}/pdf/", f"/staff/certificates/editions/{ruled.pk}/export.csv"]
    for page in pages:
        assert client.get(page)["Location"].startswith("/accounts/login/")
    for outsider in (foreign_manager, pia.user, make_person("lead@example.org")):
        signed_in(client, outsider)
        for page in pages:
            assert client.get(page).status_code == 404, (outsider, page)
    signed_in(client, manager)
    for page in pages:
        assert client.get(page).status_code == 200, page
    assert client.get("/staff/certificates/").status_code == 200


def test_the_preview_query_count_is_flat(client, ruled, manager, django_assert_num_queries):
    signed_in(client, manager)
    make_participant(ruled, "p0@example.org", given="P0")
    client.get(f"/staff/certificates/?edition={ruled.pk}")
    with django_assert_num_queries(QUERIES) as few:
        assert client.get(f"/staff/certificates/?edition={ruled.pk}").status_code == 200
    for number in range(1, 15):
        participant = make_participant(ruled, f"p{number}@example.org", given=f"P{number}")
        POINTS[participant.pk] = number
    with django_assert_num_queries(len(few.captured_queries)):
        page = client.get(f"/staff/certificates/?edition={ruled.pk}").content.decode()
    assert "1 of 3 points" in page and "12 qualify" in page


QUERIES = 11  # session, user, edition, roles (4); rules, participants, certificates (3); the layout (4: the content
# version and permissions twice; programme and footer pages kept per version since the warm-up request)


def test_rules_form_saves_and_refuses_with_the_input_kept(client, edition, manager, test_criterion):
    signed_in(client, manager)
    page = f"/staff/certificates/editions/{edition.pk}/rules/"
    refused = client.post(page, {"use_test_points": "on", "test_points__minimum": "0"})
    assert refused.status_code == 200
    text = refused.content.decode()
    assert 'value="0"' in text and "checked" in text and "error" in text.lower()
    response = client.post(page, {"use_test_points": "on", "test_points__minimum": "4"})
    assert response.status_code == 302
    assert "At least 4 points" in client.get(response["Location"]).content.decode()


def test_issue_from_the_preview_and_by_hand(client, ruled, manager, pia, olli, django_capture_on_commit_callbacks):
    signed_in(client, manager)
    POINTS[pia.pk] = 3
    with django_capture_on_commit_callbacks():
        response = client.post(f"/staff/certificates/editions/{ruled.pk}/issue/", follow=True)
    assert "1 certificate issued" in response.content.decode()
    by_hand = f"/staff/certificates/editions/{ruled.pk}/by-hand/{olli.pk}/"
    refused = client.post(by_hand, {"note": ""})
    assert refused.status_code == 200 and "This field is required" in refused.content.decode()
    client.post(by_hand, {"note": "Ill for one meetup"})
    assert set(ruled.certificates.values_list("holder_name", "by_hand")) == {("Pia Participant", False),
                                                                              ("Olli Other", True)}


def test_revoke_from_the_staff_page(client, issued, manager):
    signed_in(client, manager)
    page = f"/staff/certificates/{issued.pk}/"
    refused = client.post(page, {"reason": ""})
    assert refused.status_code == 200 and "This field is required" in refused.content.decode()
    client.post(page, {"reason": "Issued by mistake"})
    issued.refresh_from_db()
    assert issued.state == "revoked"
    assert "Revoked" in client.get(f"/certificates/{issued.code}/").content.decode()


def test_exports_neutralise_formulas(client, ruled, manager, edition, django_capture_on_commit_callbacks):
    sneaky = make_participant(ruled, "eve@example.org", given="=HYPERLINK(1)", family="Eve")
    POINTS[sneaky.pk] = 9
    with django_capture_on_commit_callbacks():
        services.issue(edition=ruled, actor=manager)
    signed_in(client, manager)
    response = client.get(f"/staff/certificates/editions/{ruled.pk}/export.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:2] == ["Code", "Name"] and rows[1][1] == "'=HYPERLINK(1) Eve"
    xlsx = client.get(f"/staff/certificates/editions/{ruled.pk}/export.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert sheet.cell(row=2, column=2).value == "=HYPERLINK(1) Eve" and sheet.cell(row=2, column=2).data_type == "s"
    assert client.get(f"/staff/certificates/editions/{ruled.pk}/export.pdf").status_code == 404


def test_the_pdf_says_name_programme_code_and_address(issued):
    reader = PdfReader(io.BytesIO(pdf.render([issued])))
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Pia Participant" in text and issued.edition_name in text
    assert issued.grouped_code in text and f"/certificates/{issued.code}/" in text
    assert len(reader.pages) == 1


def test_25_certificates_in_one_pdf_in_under_3_seconds(issued):
    started = time.perf_counter()
    content = pdf.render([issued] * 25)
    assert time.perf_counter() - started < 3
    assert len(PdfReader(io.BytesIO(content)).pages) == 25


def test_the_participant_sees_what_is_missing_then_their_certificate(client, ruled, pia, manager, olli,
                                                                     django_capture_on_commit_callbacks):
    signed_in(client, pia.user)
    POINTS[pia.pk] = 1
    text = client.get("/me/certificate/").content.decode()
    assert "still missing" in text and "1 of 3 points" in text
    assert client.get("/me/certificate/pdf/").status_code == 404
    assert "Your certificate" not in client.get("/me/").content.decode()
    POINTS[pia.pk] = 3
    with django_capture_on_commit_callbacks():
        [certificate] = services.issue(edition=ruled, actor=manager)
    text = client.get("/me/certificate/").content.decode()
    assert certificate.grouped_code in text and "Download the certificate" in text
    assert "Your certificate" in client.get("/me/").content.decode()
    response = client.get("/me/certificate/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    # Olli (no certificate) gets none, and never Pia's
    signed_in(client, olli.user)
    assert client.get("/me/certificate/pdf/").status_code == 404
    assert certificate.grouped_code not in client.get("/me/certificate/").content.decode()


def test_the_list_query_count_is_flat(client, ruled, manager, django_assert_num_queries,
                                      django_capture_on_commit_callbacks):
    signed_in(client, manager)
    page = f"/staff/certificates/editions/{ruled.pk}/list/"

    def issue(count, start):
        for number in range(start, start + count):
            participant = make_participant(ruled, f"h{number}@example.org", given=f"H{number}")
            POINTS[participant.pk] = 5
        with django_capture_on_commit_callbacks():
            services.issue(edition=ruled, actor=manager)

    issue(1, 0)
    client.get(page)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(page).status_code == 200
    issue(6, 1)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(page).content.decode().count("Details") == 7


LIST_QUERIES = 9  # session, user, edition, roles; the certificates (1); the layout (4: the content version,
# permissions twice, the staff bar's roles; programme and footer pages kept per version since the warm-up request)


def test_the_home_block_is_a_card_like_the_other_blocks_of_the_home(client, ruled, pia, manager,
                                                                    django_capture_on_commit_callbacks):
    """The block used the classes "card participant-block", which no stylesheet defines: on /me/ it showed as bare
    text with a bigger heading beside the bordered cards. It now uses the door's card (cohort's home-card)."""
    signed_in(client, pia.user)
    POINTS[pia.pk] = 3
    with django_capture_on_commit_callbacks():
        services.issue(edition=ruled, actor=manager)
    text = client.get("/me/").content.decode()
    assert '<section class="home-card" aria-labelledby="certificate-block-title">' in text
    assert "cohort/cohort.css" in text  # where .home-card is styled


def test_the_rules_page_body_lines_up_with_its_heading(client, edition, manager, test_criterion):
    """The heading sits in the wide column: the form below it must start at the same left edge (the review
    found the rules form indented against its heading)."""
    import re

    page = signed_in(client, manager).get(f"/staff/certificates/editions/{edition.pk}/rules/").content.decode()
    head = re.search(r'<header class="page-head page-head--staff">\s*<div class="([^"]+)"', page).group(1)
    body = re.search(r'<div class="(wrap[^"]*) section section--staff"', page).group(1)
    assert head == body == "wrap wrap--wide"
