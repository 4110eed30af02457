"""The booklet as a PDF (typst, ``typst/booklet.typ``): a cover, the introduction with its computed numbers,
the edition's modules, one page per participant (photo or a placeholder with their initials) and an index by
country with page numbers.

Who is in it is the audience's choice of consent (``selectors.published_profiles``):

- ``public``: only profiles whose current consent is "public" (the PDF on the public booklet page);
- ``participants``: "participants" and "public" (the PDF handed to the cohort, downloaded by its participants
  and by staff). A profile with "nobody" is in neither.

Python decides every word (plain strings); the template only lays them out. Photos are re-encoded JPEGs
(``photos.py``): typst embeds them as they are, so 250 pages with photos compile in a few seconds. They must
lie under typst's root, so each build lays out a temporary root with the template, the shared prelude and
hard links to the photos (a copy where a link cannot be made).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from html import unescape
from pathlib import Path

from django.utils import dateformat
from django_countries import countries

from campus.core.markdown import render_markdown
from campus.core.pdf import CAMPUS_ROOT, render_pdf
from campus.programme.models import Module

from . import introduction, selectors
from .views.common import sector_text

TEMPLATE = Path(__file__).resolve().parent / "typst" / "booklet.typ"
PRELUDE = CAMPUS_ROOT / "core" / "typst" / "campus.typ"
TITLES = {"public": "Participant booklet", "participants": "Participant booklet"}
NOTES = {
    "public": "Every profile in this booklet is published with its author's consent to be shown publicly.",
    "participants": ("For the participants of this edition only: it includes profiles shared with fellow "
                     "participants and not with the public. Please do not pass it on."),
}


def _span(start, end) -> str:
    if start == end:
        return dateformat.format(start, "j F Y")
    if start.year == end.year and start.month == end.month:
        return f"{start.day}–{dateformat.format(end, 'j F Y')}"
    if start.year == end.year:
        return f"{dateformat.format(start, 'j F')} – {dateformat.format(end, 'j F Y')}"
    return f"{dateformat.format(start, 'j F Y')} – {dateformat.format(end, 'j F Y')}"


def module_rows(edition) -> list[dict]:
    """The edition's modules in order (one query)."""
    return [{
        "number": str(module.number), "title": module.title,
        "provider": module.provider.name if module.provider else "",
        "city": module.city, "country": module.country.name if module.country else "",
        "dates": _span(module.starts_on, module.ends_on),
    } for module in Module.objects.filter(edition=edition).select_related("provider").order_by("number")]


def period(modules) -> str:
    """"September 2020 – November 2021" from the first module's start to the last one's end."""
    if not modules:
        return ""
    start = min(m.starts_on for m in modules)
    end = max(m.ends_on for m in modules)
    if (start.year, start.month) == (end.year, end.month):
        return dateformat.format(start, "F Y")
    return f"{dateformat.format(start, 'F Y')} – {dateformat.format(end, 'F Y')}"


def plain_paragraphs(markdown_text: str) -> list[str]:
    """Staff's Markdown as plain paragraphs (the PDF sets its own type; links keep their words)."""
    html = str(render_markdown(markdown_text))
    blocks = re.split(r"</(?:p|li|h\d|blockquote)>", html)
    paragraphs = [unescape(re.sub(r"<[^>]+>", "", block)).strip() for block in blocks]
    return [re.sub(r"\s+", " ", p) for p in paragraphs if p]


def introduction_paragraphs(edition, counts: dict, settings) -> list[str]:
    text = settings.introduction if settings else ""
    if text.strip():
        filled = text.replace("{participants}", str(counts["participants"])).replace(
            "{countries}", str(counts["countries"]))
        return plain_paragraphs(filled)
    words = introduction.numbers_text(counts)
    sentence = introduction.DEFAULT.format(edition=edition.name, programme=edition.programme.name, **words)
    return [sentence[0].upper() + sentence[1:]]


def initials(name: str) -> str:
    parts = [part for part in re.split(r"[\s-]+", name) if part]
    if not parts:
        return "?"
    letters = parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")
    return letters.upper()


def website_text(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def contact_lines(profile) -> list[str]:
    lines = [profile.contact_email, profile.contact_phone, website_text(profile.linkedin) if profile.linkedin else ""]
    return [line for line in lines if line]


def person(profile, photo: str) -> dict:
    return {
        "id": profile.pk, "name": profile.display_name, "initials": initials(profile.display_name),
        "role": profile.role, "organisation": profile.organisation, "cluster": profile.cluster_name,
        "website": website_text(profile.cluster_website), "website_url": profile.cluster_website,
        "country": countries.name(profile.country) if profile.country else "",
        "sector": sector_text(profile), "description": profile.cluster_description,
        "why": profile.why_applied, "expect": profile.expectations, "contact": contact_lines(profile),
        "photo": photo,
    }


def index_by_country(people: list[dict]) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for entry in people:
        groups.setdefault(entry["country"] or "Country not given", []).append(
            {"id": entry["id"], "name": entry["name"], "organisation": entry["organisation"] or entry["cluster"]})
    order = sorted(groups, key=lambda name: (name == "Country not given", name))
    return [{"country": name, "people": sorted(groups[name], key=lambda e: e["name"].casefold())} for name in order]


def booklet_data(edition, audience: str, profiles: list, photos: dict[int, str]) -> dict:
    """Everything the template shows, as plain strings (a few queries: modules, counts, settings)."""
    modules = list(Module.objects.filter(edition=edition).order_by("number"))
    countries_count = len({p.country for p in profiles if p.country})
    counts = {"participants": len(profiles), "countries": countries_count}
    settings = selectors.settings_of(edition)
    people = [person(p, photos.get(p.pk, "")) for p in profiles]
    programme = edition.programme
    return {
        "programme": programme.name, "short_name": programme.short_name, "edition": edition.name,
        "title": TITLES[audience], "audience": audience, "note": NOTES[audience],
        "period": period(modules), "lead": introduction.lead(counts).capitalize() if counts else "",
        "counts": counts, "introduction": introduction_paragraphs(edition, counts, settings),
        "modules": module_rows(edition), "people": people, "index": index_by_country(people),
        "contact": programme.contact_email,
    }


def _place_photo(profile, folder: Path) -> str:
    """Link (or copy) the profile's stored photo into the typst root; '' if it has none or it is gone."""
    if not profile.photo:
        return ""
    try:
        source = Path(profile.photo.path)
    except (NotImplementedError, ValueError):
        return ""
    if not source.is_file():
        return ""
    target = folder / f"{profile.pk}.jpg"
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
    return f"/photos/{target.name}"


def render(edition, audience: str = "public", profiles: list | None = None) -> bytes:
    """The booklet of ``edition`` for ``audience`` (``profiles`` as the selector gives them, else read here)."""
    if profiles is None:
        profiles = list(selectors.published_profiles(edition, audience))
    with tempfile.TemporaryDirectory(prefix="campus-booklet-") as tmp:
        root = Path(tmp)
        (root / "core" / "typst").mkdir(parents=True)
        (root / "photos").mkdir()
        shutil.copyfile(PRELUDE, root / "core" / "typst" / "campus.typ")
        template = root / "booklet.typ"
        shutil.copyfile(TEMPLATE, template)
        photos = {p.pk: _place_photo(p, root / "photos") for p in profiles}
        return render_pdf(template, data=booklet_data(edition, audience, profiles, photos), root=root)


def filename(edition, audience: str) -> str:
    suffix = "" if audience == "public" else "-participants"
    return f"booklet-{edition.slug}{suffix}.pdf"
