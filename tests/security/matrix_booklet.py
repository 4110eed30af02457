"""The booklet's URLs in the permission matrix (merged into matrix.py; see the notes there)."""

MATRIX: dict = {}

# Raw data repair in the Django admin: superusers only.
ADMIN_MODELS = {
    "booklet.bookletprofile": {"manager": "", "superuser": "vacd"},
    "booklet.bookletsettings": {"manager": "", "superuser": "vacd"},
}

# The booklet PDF's URLs (branch bookletpdf) live in their own file.
from .matrix_booklet_pdf import MATRIX as _PDF_MATRIX  # noqa: E402

MATRIX.update(_PDF_MATRIX)
