"""The booklet PDF in Chromium: a visitor asks for it while it is being made and gets the "being prepared" page;
the worker makes it and the next click downloads it; the participant withdraws consent and the next PDF lacks
them; the manager's booklet PDF page shows both booklets and makes one again. Every page passes axe at 1280 and
375 px, loads nothing from another origin and runs without errors."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from campus.booklet.models import ConsentLevel


@pytest.fixture
def people(site):
    from campus.programme.models import Edition
    from campus.team.models import TeamMembership
    from tests.booklet.conftest import make_profile
    from tests.interviews.conftest import make_person

    edition = Edition.objects.get(is_current=True)
    anna = make_profile(edition, "anna@example.org", level=ConsentLevel.PUBLIC, given="Anna", family="Holm",
                        country="SE")
    juha = make_profile(edition, "juha@example.org", level=ConsentLevel.PUBLIC, given="Juha", family="Laine")
    manager = make_person("mia.manager@example.org", TeamMembership.Role.MANAGER, edition=edition)
    return {"edition": edition, "anna": anna, "juha": juha, "manager": manager}


def check(web, label):
    web.set_width(1280)
    web.check_page(label)
    web.set_width(375)
    web.check_page(f"{label}-375", narrow=True)
    web.set_width(1280)


def pdf_text(download) -> str:
    with open(download.value.path(), "rb") as handle:
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


def test_prepared_downloaded_withdrawn_and_made_again(web, people, run_tasks):
    from campus.booklet import services

    page = web.page
    edition = people["edition"]
    web.goto(f"/booklet/{edition.slug}/")
    page.get_by_role("link", name="Download the booklet (PDF, A4)").click()
    expect(page.get_by_role("heading", name="The booklet PDF is being prepared", level=1)).to_be_visible()
    check(web, "booklet-pdf-preparing")
    assert run_tasks() == 1
    with page.expect_download() as download:
        page.get_by_role("link", name="download the booklet PDF").click()
    assert download.value.suggested_filename == f"booklet-{edition.slug}.pdf"
    text = pdf_text(download)
    assert "Anna Holm" in text and "Juha Laine" in text

    services.record_consent(profile=people["anna"], level=ConsentLevel.NOBODY, actor=None)
    web.goto(f"/booklet/{edition.slug}/booklet.pdf")
    expect(page.get_by_role("heading", name="The booklet PDF is being prepared", level=1)).to_be_visible()
    assert run_tasks() == 1
    with page.expect_download() as download:
        page.get_by_role("link", name="download the booklet PDF").click()
    text = pdf_text(download)
    assert "Juha Laine" in text and "Anna Holm" not in text

    web.sign_in_as(people["manager"])
    web.goto(f"/staff/booklet/?edition={edition.pk}")
    page.get_by_role("link", name="Booklet PDF").click()
    expect(page.get_by_role("heading", name="Booklet PDF", level=1)).to_be_visible()
    check(web, "booklet-pdf-staff")
    page.get_by_role("button", name="Make it again (public)").click()
    expect(page.get_by_text("The booklet is being made again")).to_be_visible()
    check(web, "booklet-pdf-staff-made-again")
    assert run_tasks() == 1
    page.reload()
    with page.expect_download() as download:
        page.get_by_role("row", name="Public").get_by_role("link", name="Download").click()
    assert "Juha Laine" in pdf_text(download)
