"""The cohort's URLs in the permission matrix (merged into matrix.py; see the notes there). Only a participant
enters the participant area (/me/); anyone else signed in is told it is for participants (403)."""

from .matrix import LOGIN, Case, E

MATRIX = {
    "cohort:home": [Case("/me/", E("403", anonymous=LOGIN, participant="200"), E("405"))],
}
