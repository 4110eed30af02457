"""The "Convince your boss" letter: one A4 page, built from the edition's data."""

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from campus.programme.letters import MAX_LENGTHS, boss_letter_data, boss_letter_pdf
from campus.programme.models import Module

APPLICANT = {
    "applicant_name": "Jane Doe",
    "organisation": "Baltic Innovation Cluster",
    "role": "Cluster Manager",
    "boss_name": "Dr. Anna Berg",
}
BENEFIT_TITLES = [
    "Find Solutions to Challenges",
    "Inspire the Team",
    "New Project Partners & Coaching",
    "Knowledge & Internationalization",
]


def read(pdf: bytes) -> tuple[int, str]:
    """The page count and the text, line breaks made spaces (no-break spaces are kept)."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), re.sub(r"[ \n]+", " ", text)


def test_the_seed_letter_is_one_page_with_everything_the_boss_needs(seeded):
    pages, text = read(boss_letter_pdf(edition=seeded, on=date(2020, 3, 2), **APPLICANT))

    assert pages == 1
    for expected in (
        "Jane Doe",
        "Baltic Innovation Cluster",
        "Cluster Manager",
        "2 March 2020",
        "Dear Dr. Anna Berg,",
        "As Cluster Manager at Baltic Innovation Cluster, I would like to take part in the 2020–2021 edition "
        "of the Baltic Sea Region Cluster Manager Education",
        "4 modules in 4 countries",
        # the 40 weeks are the modules' own weeks, spread over 15 months with breaks: said so, not "between"
        "40 weeks of part-time education in the modules, spread over 15 months (September 2020 to November "
        "2021) with breaks between the modules",
        "40 weeks in modules, part-time",
        *BENEFIT_TITLES,
        "5–9 hours a week",
        "2 meetups per module",
        "1½ days each meetup",
        "12 working days away from the office, at 8 meetups",
        # the meetups, dates in their own zone
        "Collaboration & Leadership Karlshamn, Sweden 1–2 Sep 2020 5–6 Nov 2020",
        "Vaasa, Finland 30 Nov – 1 Dec 2020 18–19 Feb 2021",
        "Digitalization in Business Kaunas, Lithuania 15–16 Mar 2021 20–21 May 2021",
        "Scouting for Innovation Wildau, Germany 30–31 Aug 2021 4–5 Nov 2021",
        "Depending on travel restrictions due to COVID-19",
        # costs, as the website prints them
        "Free to take part",
        "An education worth an estimated 10\u202f000\u00a0€.",
        "Participants only pay for accommodation, travel and food expenses.",
        "Applications close 30 April 2020",
        "Acceptance letters 29 May 2020",
        "Education starts 1 September 2020",
        "team@cluster-campus.example",
        "Kind regards,",
        "Approved by Dr. Anna Berg",
    ):
        assert expected in text


def test_without_a_boss_name_the_letter_greets_the_manager(seeded):
    _, text = read(boss_letter_pdf(edition=seeded, applicant_name="Jane Doe"))

    assert "Dear Manager," in text
    assert "I would like to take part" in text
    assert "what our organisation gains" in text


@pytest.mark.parametrize(
    "name",
    [
        "<script>alert(1)</script>",
        "#set text(size: 100pt)",
        "#set page(height: 1cm) Jane",
        "*bold* _Jane_ Doe",
        "Jane ] [ \\ $x$ Doe",
        '#"Jane".first() @doe <doe> // Doe',
    ],
)
def test_markup_in_what_the_applicant_typed_is_printed_literally(seeded, name):
    pages, text = read(
        boss_letter_pdf(edition=seeded, applicant_name=name, organisation=f"{name} Ltd", role=name, boss_name=name)
    )

    assert pages == 1
    assert name in text
    assert f"{name} Ltd" in text
    assert f"Dear {name}," in text


def test_the_longest_answers_still_fit_on_one_page(seeded):
    longest = {field: ("Wolfeschlegelsteinhausen Bergerdorff " * 10)[:limit] for field, limit in MAX_LENGTHS.items()}

    pages, text = read(boss_letter_pdf(edition=seeded, **longest))

    assert pages == 1
    assert "Wolfeschlegelsteinhausen" in text
    assert "Applications close 30 April 2020" in text  # the end of the letter is there too


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"applicant_name": "  "}, "applicant_name is required"),
        ({"applicant_name": "x" * (MAX_LENGTHS["applicant_name"] + 1)}, "applicant_name is longer"),
        ({"applicant_name": "Jane", "organisation": "x" * (MAX_LENGTHS["organisation"] + 1)}, "organisation is longer"),
    ],
)
def test_missing_or_too_long_answers_are_refused(seeded, fields, message):
    with pytest.raises(ValueError, match=message):
        boss_letter_pdf(edition=seeded, **fields)


def test_line_breaks_in_answers_become_spaces(seeded):
    data = boss_letter_data(edition=seeded, applicant_name=" Jane\n\nDoe ", organisation="Baltic\r\nCluster")

    assert data["applicant"] == {"name": "Jane Doe", "role": "", "organisation": "Baltic Cluster"}


def test_the_letter_follows_the_data(seeded):
    Module.objects.filter(edition=seeded, number=1).update(city="Ronneby")
    seeded.price_eur = 1200
    seeded.save()

    _, text = read(boss_letter_pdf(edition=seeded, applicant_name="Jane Doe"))

    assert "Ronneby, Sweden" in text
    assert "Karlshamn" not in text
    assert "1\u202f200\u00a0€ tuition" in text


def test_a_longer_benefit_is_cut_after_a_whole_sentence(seeded):
    benefit = seeded.programme.benefits.first()
    benefit.body = "**First** sentence is short. " + "Then a much longer one goes on and on. " * 20
    benefit.save()

    data = boss_letter_data(edition=seeded, applicant_name="Jane Doe")

    text = data["benefits"][0]["text"]
    assert text.startswith("First sentence is short. Then")  # markdown made plain text
    assert text.endswith("on and on.")
    assert len(text) <= 300


def test_the_data_takes_a_fixed_number_of_queries(seeded, django_assert_num_queries):
    with django_assert_num_queries(4):  # modules, their learning outcomes, their meetups, the benefits
        boss_letter_data(edition=seeded, applicant_name="Jane Doe")


def test_the_benefits_are_quoted_as_the_programmes_words_not_the_applicants(seeded):
    """The letter speaks in the applicant's first person; the benefits address participants as "you", so they
    are quoted and attributed to the programme, never mixed into the applicant's own sentences."""
    _, text = read(boss_letter_pdf(edition=seeded, on=date(2020, 3, 2), **APPLICANT))
    assert "In the programme's own words to its participants:" in text
    benefit = list(seeded.programme.benefits.all())[0]  # the letter's order
    first_words = " ".join(benefit.body.split()[:4])
    assert f"\u201c{first_words}" in text
    assert "between September 2020 and November 2021" not in text
