"""The admissions app's URLs in the permission matrix (merged into matrix.py; see the notes there)."""

from .matrix import Case, E

MATRIX = {
    "staff_admissions:home": [Case("/staff/admissions/", E("404"), E("404"))],
}
MATRIX.update({
    "staff_admissions:assistant": [Case("/staff/admissions/{call}/assistant/", E("404"), E("404"))],
    "staff_admissions:export": [Case("/staff/admissions/{call}/export.csv", E("404"), E("404"))],
    "staff_admissions:cvs": [Case("/staff/admissions/{call}/cvs.zip", E("404"), E("404"))],
})
