"""What every view of one radar shows (the participant's page, the public link, the printable page, the staff's
read-only page): the chosen edition, its blips with movement, the filters, the picture and the grouped list."""

from django.http import Http404
from django.utils.safestring import mark_safe

from .. import selectors, sharing, svg
from ..forms import FilterForm
from ..models import Radar


def radar_or_404(user, pk: int, *, edit: bool = False) -> Radar:
    radar = selectors.radar_for(user, pk, edit=edit)
    if radar is None:
        raise Http404("No such radar.")
    return radar


def choose_edition(editions, wanted: str, *, published_only: bool = False):
    if published_only:
        editions = [e for e in editions if not e.is_draft]
    chosen = next((e for e in editions if wanted and str(e.pk) == wanted), None)
    return chosen or selectors.default_edition(editions)


def radar_context(radar: Radar, query, *, published_only: bool = False) -> dict:
    """``query``: the request's GET (edition, q, quadrant, ring, status, tag)."""
    editions = selectors.editions_of(radar)
    edition = choose_edition(editions, query.get("edition", ""), published_only=published_only)
    quadrants, rings = list(radar.quadrants.all()), list(radar.rings.all())
    rows = selectors.blip_rows(edition, editions) if edition else []
    form = FilterForm(query, quadrants=quadrants, rings=rings, tags=selectors.all_tags(rows))
    shown = selectors.filter_rows(rows, **form.values())
    picture = mark_safe(svg.render(radar=radar, edition=edition, rows=shown, quadrants=quadrants,  # noqa: S308
                                   rings=rings)) if edition else ""
    return {
        "radar": radar, "editions": [e for e in editions if not published_only or not e.is_draft],
        "edition": edition, "quadrants": quadrants, "rings": rings, "rows": rows, "shown": shown,
        "filtered": len(shown) != len(rows), "groups": selectors.grouped(shown, quadrants, rings),
        "filter_form": form, "picture": picture, "owner_label": sharing.owner_label(radar),
    }
