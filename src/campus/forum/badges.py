"""Name badges of an event as a PDF (typst through campus.core.pdf): A6 one per page, four A6 on an A4 sheet
(cut along the thin lines), or 54 × 90 mm cards; sorted by name or by organisation. Who gets one: everyone
with a seat (confirmed), or only those checked in."""

from pathlib import Path

from campus.core.pdf import render_pdf

from .mail import event_dates

TEMPLATE = Path(__file__).resolve().parent / "typst" / "badges.typ"
LAYOUTS = {"a6": "A6, one badge per page", "a4x4": "Four A6 badges per A4 sheet", "card": "Cards of 54 × 90 mm"}
ORDERS = {"name": "By name", "organisation": "By organisation, then name"}


def name_size(name: str) -> int:
    """The name's size in points on an A6 badge: large, smaller for long names so they keep to two lines."""
    longest = max((len(word) for word in name.split()), default=0)
    length = len(name)
    if longest > 16 or length > 40:
        return 20
    if longest > 12 or length > 26:
        return 26
    return 32


def sort_key(order: str):
    if order == "organisation":
        return lambda r: (r.organisation.casefold() or "\uffff", r.name.casefold(), r.pk)
    return lambda r: (r.name.casefold(), r.pk)


def badges_pdf(event, registrations, *, layout: str = "a6", order: str = "name") -> bytes:
    if layout not in LAYOUTS:
        raise ValueError(f"Unknown badge layout {layout!r}.")
    people = sorted(registrations, key=sort_key(order))
    data = {
        "layout": layout, "event": event.title, "dates": event_dates(event),
        "badges": [{"name": r.name, "organisation": r.organisation,
                    "country": r.country.name if r.country else "", "size": name_size(r.name)} for r in people],
    }
    return render_pdf(TEMPLATE, data=data)
