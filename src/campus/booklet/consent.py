"""The consent wording people agree to, by version. A new wording is a new version here (the old ones stay, so
every recorded row can still be read with the text it was given under: the row keeps its text too)."""

from .models import ConsentLevel

CURRENT_VERSION = "2026-1"

WORDINGS = {
    "2026-1": {
        ConsentLevel.NOBODY: (
            "Nobody sees my booklet profile except the programme team. It is left out of the public pages, the "
            "printed booklet, the booklet of my cohort and the cohort directory."
        ),
        ConsentLevel.PARTICIPANTS: (
            "The participants of my edition may see my booklet profile (photo, texts and the contact details I "
            "gave) on the participants' pages and in the booklet handed to them. It is not shown publicly."
        ),
        ConsentLevel.PUBLIC: (
            "Anyone may see my booklet profile (photo, texts and the contact details I gave) on the public booklet "
            "pages of the programme's website and in the printed booklet. I can withdraw this at any time: my "
            "profile then leaves the public pages at once and every booklet made afterwards."
        ),
    },
}


def wording(level: str, version: str = CURRENT_VERSION) -> str:
    return WORDINGS[version][level]


def choices_with_wording(version: str = CURRENT_VERSION) -> list[tuple[str, str, str]]:
    """[(level, label, wording)] in the order offered."""
    return [(level.value, level.label, WORDINGS[version][level]) for level in ConsentLevel]
