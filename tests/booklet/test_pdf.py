"""The booklet PDF (campus.booklet.pdf): who is in it by consent and audience, the introduction's computed numbers,
the modules, a page per participant with their photo, the index by country; read back with pypdf."""

import io
import re

import pytest
from pypdf import PdfReader

from campus.booklet import pdf, photos, services
from campus.booklet.models import ConsentLevel
from tests.booklet.conftest import make_profile
from tests.booklet.photo_files import jpeg


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def cohort(edition):
    return {
        "anna": make_profile(edition, "anna@example.org", level=ConsentLevel.PUBLIC, given="Anna", family="Holm",
                             country="SE", why_applied="To learn from peers around the sea."),
        "juha": make_profile(edition, "juha@example.org", level=ConsentLevel.PUBLIC, given="Juha", family="Laine",
                             country="FI", expectations="New partners in Vaasa."),
        "liis": make_profile(edition, "liis@example.org", level=ConsentLevel.PUBLIC, given="Liis", family="Saar",
                             country="FI"),
        "ilze": make_profile(edition, "ilze@example.org", level=ConsentLevel.PARTICIPANTS, given="Ilze",
                             family="Ozols", country="LV"),
        "mads": make_profile(edition, "mads@example.org", level=ConsentLevel.NOBODY, given="Mads", family="Nielsen",
                             country="DK"),
        "none": make_profile(edition, "none@example.org", given="Nora", family="Nochoice", country="DE"),
    }


def test_public_pdf_holds_public_profiles_only(edition, cohort):
    data = pdf.render(edition, "public")
    reader = PdfReader(io.BytesIO(data))
    text = flat(text_of(data))
    for name in ("Anna Holm", "Juha Laine", "Liis Saar"):
        assert name in text
    for name in ("Ilze Ozols", "Mads Nielsen", "Nora Nochoice"):
        assert name not in text
    assert "3 cluster managers from 2 countries" in text
    assert "To learn from peers around the sea." in text and "New partners in Vaasa." in text
    # cover, introduction with the modules, one page per person, the index
    assert len(reader.pages) == 2 + 3 + 1
    assert reader.metadata.title.startswith("Participant booklet")


def test_participants_pdf_adds_profiles_shared_with_participants(edition, cohort):
    text = flat(text_of(pdf.render(edition, "participants")))
    assert "Ilze Ozols" in text and "Anna Holm" in text
    assert "Mads Nielsen" not in text and "Nora Nochoice" not in text
    assert "4 cluster managers from 3 countries" in text
    assert "Please do not pass it on" in text


def test_modules_of_the_edition(edition, cohort):
    from campus.programme.models import Module

    text = flat(text_of(pdf.render(edition, "public")))
    for module in Module.objects.filter(edition=edition):
        assert module.title in text
        assert module.city in text
        if module.provider:
            assert module.provider.name in text


def test_index_by_country_with_page_numbers(edition, cohort):
    reader = PdfReader(io.BytesIO(pdf.render(edition, "public")))
    pages = [flat(page.extract_text()) for page in reader.pages]
    index = pages[-1]
    assert "Index by country" in index
    # each person's page number in the index is the page they are on (pages are numbered from the cover)
    for name in ("Anna Holm", "Juha Laine", "Liis Saar"):
        number = next(i for i, page in enumerate(pages[:-1], start=1) if name in page)
        assert re.search(re.escape(name) + r".{0,80}?\b" + str(number) + r"\b", index), (name, number, index)
    # Finland (two people) comes before Sweden; the participants-only profile is not in the index
    assert index.index("Juha Laine") < index.index("Anna Holm")
    assert "Ilze" not in index


def test_photo_on_the_page_and_placeholder_without(edition, cohort):
    profile = cohort["anna"]
    picture = io.BytesIO(jpeg((600, 800)))
    picture.name = "me.jpg"
    services.save_profile(profile=profile, data={}, actor=None, by_staff=True, photo=photos.process_photo(picture))
    reader = PdfReader(io.BytesIO(pdf.render(edition, "public")))
    pages = {flat(page.extract_text()).split(" Cluster manager")[0]: page for page in reader.pages[2:-1]}
    with_photo = next(page for key, page in pages.items() if "Anna Holm" in key)
    without = next(page for key, page in pages.items() if "Juha Laine" in key)
    assert len(with_photo.images) == 1
    assert len(without.images) == 0
    assert "JL" in without.extract_text()  # the placeholder shows the initials


def test_text_from_profiles_is_text_not_markup(edition):
    make_profile(edition, "x@example.org", level=ConsentLevel.PUBLIC, given="Eve", family="Markup",
                 cluster_description='#set page(width: 1pt) *bold* #panic("no") $x$ <label> @ref')
    text = flat(text_of(pdf.render(edition, "public")))
    assert '#set page(width: 1pt) *bold* #panic("no") $x$ <label> @ref' in text


def test_empty_booklet_still_renders(edition):
    text = flat(text_of(pdf.render(edition, "public")))
    assert "0 cluster managers from 0 countries" in text
    assert "Index by country" not in text
