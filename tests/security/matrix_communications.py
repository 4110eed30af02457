"""The communications app's URLs in the permission matrix (merged into matrix.py; see the notes there)."""

from .matrix import Case, E

MATRIX = {
    "staff_outbox:home": [Case("/staff/outbox/", E("404"), E("404"))],
}
