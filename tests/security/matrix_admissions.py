"""The admissions app's URLs in the permission matrix (merged into matrix.py; see the notes there)."""

from .matrix import Case, E

MATRIX = {
    "staff_admissions:home": [Case("/staff/admissions/", E("404"), E("404"))],
}
