"""Very long file names on the application's upload steps (issue 9, finding 10).

A name of about 1,000 bytes made Django's multipart parser give up ("Request max total header size exceeded":
a part's headers had to fit in 1 KiB), so the step answered a bare "Bad Request (400)" page and lost what was
typed. Now a part's headers may take 16 KiB (core.multipart), the name is cleaned and shortened to 100
characters with its real extension (core.files.safe_name), the file is saved and the step's other fields are
kept. A body that still cannot be read gets a page that says why and what to do, not a bare one.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from .conftest import client_for
from .http import body
from .world import pdf

pytestmark = pytest.mark.django_db

LONG_NAMES = [
    "𐌰" * 250 + ".pdf",  # 1,004 bytes of UTF-8 (Gothic letters), as a browser sends it
    "\u202eLebenslauf " + "𐌰" * 238 + ".pdf",  # with a right-to-left override (the test client keeps 255 chars)
]


@pytest.mark.parametrize("name", LONG_NAMES, ids=["emoji", "bidi"])
def test_a_letter_with_a_1000_byte_name_is_saved_shortened_and_the_letter_text_kept(world, name):
    other = client_for(world, "other")
    upload = SimpleUploadedFile(name, pdf("Letter"), content_type="application/pdf")
    response = other.post("/apply/step/motivation/", {"letter-file": upload, "motivation_letter": "My own words."})
    assert response.status_code == 302, body(response)[:300]
    application = world.other_application
    application.refresh_from_db()
    assert application.answers.get(question__key="motivation_letter").value == "My own words."
    letter = application.documents.get(kind="letter")
    assert len(letter.original_name) <= 100 and letter.original_name.endswith(".pdf")
    assert "\u202e" not in letter.original_name
    assert letter.original_name.startswith(name.replace("\u202e", "")[:20].strip())


def test_a_cv_with_a_1000_byte_name_is_saved(world):
    other = client_for(world, "other")
    upload = SimpleUploadedFile("💥" * 250 + ".pdf", pdf("CV"), content_type="application/pdf")
    response = other.post("/apply/step/cv/", {"cv-file": upload})
    assert response.status_code == 302
    # symbols are not kept in names (core.files.safe_name): nothing usable is left, so a plain name
    assert world.other_application.documents.get(kind="cv").original_name == "document.pdf"


def test_a_body_that_cannot_be_read_says_why(world):
    """A name of 20,000 bytes (no file system holds one: only a hand-made request): the page says what to do."""
    other = client_for(world, "other")
    raw = (b'--x\r\nContent-Disposition: form-data; name="motivation_letter"\r\n\r\nKept?\r\n'
           b'--x\r\nContent-Disposition: form-data; name="letter-file"; filename="' + b"x" * 20000 + b'.pdf"\r\n'
           b"Content-Type: application/pdf\r\n\r\n" + pdf("CV") + b"\r\n--x--\r\n")
    response = other.post("/apply/step/motivation/", raw, content_type="multipart/form-data; boundary=x")
    assert response.status_code == 400
    page = body(response).decode()
    assert "file's name is far too long" in page and "shorter name" in page and "Back" in page
