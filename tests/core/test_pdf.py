"""campus.core.pdf: typst templates compiled with data passed as JSON."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from campus.core.pdf import CAMPUS_ROOT, PdfError, render_pdf

TINY = """\
#let data = json(bytes(sys.inputs.data))
#set page(width: 12cm, height: auto, margin: 1cm)
Hello #data.name! You owe #data.amount € by #data.due.
#for item in data.items [- #item \\ ]
"""

MARKUP = "#set page(width: 1pt) <script>alert(1)</script> *bold* _it_ $x^2$ ] [ \\ @ref <label> // no comment"


def pages_and_text(pdf: bytes) -> tuple[int, str]:
    """The page count and the text, line breaks made spaces (no-break spaces are kept)."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), re.sub(r"[ \n]+", " ", text)


@pytest.fixture
def tiny(tmp_path):
    template = tmp_path / "tiny.typ"
    template.write_text(TINY, encoding="utf-8")
    return template


def test_renders_data_into_a_pdf(tiny):
    pdf = render_pdf(tiny, data={"name": "Ada", "amount": Decimal("12.50"), "due": date(2026, 1, 31), "items": ["a"]},
                     root=tiny.parent)

    assert pdf.startswith(b"%PDF-")
    pages, text = pages_and_text(pdf)
    assert pages == 1
    assert "Hello Ada! You owe 12.50 € by 2026-01-31." in text  # decimals and dates arrive as ISO strings


def test_data_is_text_never_markup(tiny):
    pdf = render_pdf(tiny, data={"name": MARKUP, "amount": "1", "due": "x", "items": [MARKUP]}, root=tiny.parent)

    pages, text = pages_and_text(pdf)
    assert pages == 1  # `#set page(width: 1pt)` did not run: it would give a page per character
    assert text.count(MARKUP) == 2


def test_same_data_gives_the_same_bytes(tiny):
    data = {"name": "Ada", "amount": "1", "due": "today", "items": []}

    assert render_pdf(tiny, data=data, root=tiny.parent) == render_pdf(tiny, data=data, root=tiny.parent)


def test_a_typst_error_raises_pdf_error_with_the_diagnostic(tmp_path):
    template = tmp_path / "broken.typ"
    template.write_text("#let data = json(bytes(sys.inputs.data))\nHello #data.missing_key\n", encoding="utf-8")

    with pytest.raises(PdfError) as caught:
        render_pdf(template, data={}, root=tmp_path)

    message = str(caught.value)
    assert "broken.typ" in message
    assert "missing_key" in message


def test_a_missing_template_raises_pdf_error(tmp_path):
    with pytest.raises(PdfError, match="No typst template"):
        render_pdf(tmp_path / "nowhere.typ", data={}, root=tmp_path)


def test_the_template_must_lie_under_the_root(tiny):
    with pytest.raises(PdfError, match="outside the typst root"):
        render_pdf(tiny, data={})  # the default root is the campus package


def test_the_default_root_is_the_campus_package():
    assert (CAMPUS_ROOT / "core" / "typst" / "campus.typ").is_file()
