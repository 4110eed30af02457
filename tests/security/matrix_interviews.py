"""The interviews app's URLs in the permission matrix (merged into matrix.py; see the notes there)."""

from .matrix import Case, E

MATRIX = {
    "staff_interviews:home": [Case("/staff/interviews/", E("404"), E("404"))],
}
