"""The review app's URLs in the permission matrix (merged into matrix.py; see the notes there)."""

from .matrix import Case, E

MATRIX = {
    "staff_review:home": [Case("/staff/review/", E("404"), E("404"))],
}
