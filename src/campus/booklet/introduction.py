"""The booklet's introduction: staff's text (or ours) with the numbers counted from the published profiles."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from campus.core.markdown import render_markdown

DEFAULT = ("{participants_text} from {countries_text} took part in the {edition} edition of {programme}. This booklet "
           "presents them and their clusters, why they applied and what they expected to gain by taking part.")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def numbers_text(counts: dict) -> dict[str, str]:
    return {
        "participants_text": _plural(counts["participants"], "cluster manager", "cluster managers"),
        "countries_text": _plural(counts["countries"], "country", "countries"),
    }


def lead(counts: dict) -> str:
    """"22 cluster managers from 8 countries" (plain text)."""
    words = numbers_text(counts)
    return f"{words['participants_text']} from {words['countries_text']}"


def render(text: str, counts: dict, *, edition, programme_name: str, fallback: str = ""):
    """The introduction as HTML: ``text`` (Markdown with ``{participants}`` and ``{countries}``), or our default.
    With no staff text and no published profile, ``fallback`` (the programme's own booklet page, e.g. the seed's
    words on the pilot's booklet) rather than "0 cluster managers from 0 countries"."""
    if not text.strip() and not counts["participants"] and fallback.strip():
        return render_markdown(fallback)
    if text.strip():
        filled = text.replace("{participants}", str(counts["participants"])).replace(
            "{countries}", str(counts["countries"]))
        return render_markdown(filled)
    words = numbers_text(counts)
    sentence = DEFAULT.format(edition=edition.name, programme=programme_name, **words)
    return mark_safe(f"<p>{escape(sentence[0].upper() + sentence[1:])}</p>")  # noqa: S308 - escaped above
