"""bench/submit_load.py uploads a synthetic CV: it must pass the same upload check as a real applicant's PDF
(campus.core.files.validate_document), or the benchmark measures refusals instead of submissions."""

import importlib.util
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from campus.core.files import validate_document

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def submit_load():
    spec = importlib.util.spec_from_file_location("bench_submit_load", ROOT / "bench" / "submit_load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("megabytes", [0.01, 1.0])
def test_the_synthetic_cv_is_a_pdf_the_upload_check_accepts(submit_load, megabytes):
    data = submit_load.make_pdf(megabytes)
    assert abs(len(data) - megabytes * 1024 * 1024) < 4096
    detected = validate_document(SimpleUploadedFile("cv.pdf", data, content_type="application/pdf"))
    assert detected.kind == "pdf"
    reader = PdfReader(io.BytesIO(data), strict=True)
    assert len(reader.pages) == 1 and "curriculum vitae" in reader.pages[0].extract_text()
