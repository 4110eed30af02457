"""The PDF copy of an application: a long label (a question) stands above its answer, a short one beside it
with a gutter, so labels never run into the answers. Read back with pypdf (one text line per layout line)."""

import io
import os

import pytest
from pypdf import PdfReader

from .conftest import fill_all_steps

LONG = "Years as a cluster manager or in a managing role in a cluster"


@pytest.mark.django_db
def test_long_labels_stand_above_their_answers(applicant_client, call, django_capture_on_commit_callbacks):
    fill_all_steps(applicant_client)
    with django_capture_on_commit_callbacks(execute=True):
        assert applicant_client.post("/apply/submit/").status_code == 302
    pdf = applicant_client.get("/apply/receipt.pdf").content
    if os.environ.get("RECEIPT_PDF"):  # to look at it: RECEIPT_PDF=/tmp/receipt.pdf, then pdftoppm
        with open(os.environ["RECEIPT_PDF"], "wb") as handle:
            handle.write(pdf)
    lines = [" ".join(line.split()) for page in PdfReader(io.BytesIO(pdf)).pages
             for line in page.extract_text().splitlines()]
    # the whole question on one line of its own, the answer on the next
    index = lines.index(LONG)
    assert lines[index + 1] == "4"
    index = lines.index("Describe your project management experience briefly")
    assert lines[index + 1] == "I led three Interreg projects."
    # a short label shares its line with the answer, apart from it
    assert "Organisation Ostrobothnia Energy Cluster" in lines
