"""The radar picture as SVG, rendered on the server (no script, nothing from another origin).

Each blip is numbered as in the list (the text alternative, which the page shows next to it); its movement is
shown by shape as well as by colour: a circle (no change), a triangle pointing up (moved in), pointing down
(moved out), a star (new). The fill is the ring's colour, the number black or white, whichever reads better.
The picture is one ``role="img"`` with a ``<title>`` and a ``<desc>``; each blip also has its own ``<title>``
(a tooltip for the mouse).
"""

import math

from django.utils.html import escape

from . import layout
from .selectors import Movement

PAD = 40.0
LEGEND = 64.0


def _luminance(hex_colour: str) -> float:
    try:
        rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    except (ValueError, IndexError):
        return 0.0
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def text_colour(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill``."""
    lum = _luminance(fill)
    return "#000000" if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else "#ffffff"


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def shape(movement: str, x: float, y: float, r: float, fill: str) -> str:
    """The blip's outline inside the circle (x, y, r)."""
    stroke = f'fill="{fill}" stroke="#1a1a1a" stroke-width="{_f(max(r / 10, 0.3))}"'
    if movement == Movement.SAME:
        return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(r * 0.92)}" {stroke}/>'
    if movement in (Movement.IN, Movement.OUT):
        sign = -1 if movement == Movement.IN else 1
        rr = r * 0.98
        half = rr * math.sqrt(3) / 2
        pts = [(x, y + sign * rr), (x + half, y - sign * rr / 2), (x - half, y - sign * rr / 2)]
        return f'<polygon points="{" ".join(f"{_f(px)},{_f(py)}" for px, py in pts)}" {stroke}/>'
    pts = []
    for k in range(10):
        rr = r * (0.98 if k % 2 == 0 else 0.55)
        a = -math.pi / 2 + k * math.pi / 5
        pts.append(f"{_f(x + rr * math.cos(a))},{_f(y + rr * math.sin(a))}")
    return f'<polygon points="{" ".join(pts)}" {stroke}/>'


def _frame(quadrants, rings, n_rings: int, c: float) -> list[str]:
    out = []
    for ring in reversed(rings):
        _, outer = layout.ring_bounds(ring.position, n_rings)
        out.append(f'<circle cx="{_f(c)}" cy="{_f(c)}" r="{_f(outer)}" fill="#f6f7f9" stroke="#6b7280" '
                   f'stroke-width="1"/>')
    out.append(f'<line x1="{_f(c - layout.RADIUS)}" y1="{_f(c)}" x2="{_f(c + layout.RADIUS)}" y2="{_f(c)}" '
               f'stroke="#6b7280"/>')
    out.append(f'<line x1="{_f(c)}" y1="{_f(c - layout.RADIUS)}" x2="{_f(c)}" y2="{_f(c + layout.RADIUS)}" '
               f'stroke="#6b7280"/>')
    for ring in rings:
        inner, outer = layout.ring_bounds(ring.position, n_rings)
        out.append(f'<text x="{_f(c + 4)}" y="{_f(c - (inner + outer) / 2 + 4)}" font-size="11" '
                   f'fill="#333333">{escape(ring.name)}</text>')
    corners = {0: ("end", 2 * c - 8, 18), 1: ("end", 2 * c - 8, 2 * c - 8), 2: ("start", 8, 2 * c - 8),
               3: ("start", 8, 18)}
    for quadrant in quadrants:
        anchor, x, y = corners.get(quadrant.position, ("start", 8, 18))
        out.append(f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="{anchor}" font-size="13" font-weight="bold" '
                   f'fill="#1a1a1a">{escape(quadrant.name)}</text>')
    return out


def _legend(y: float, width: float) -> list[str]:
    out = []
    for i, movement in enumerate(Movement.ALL):
        x = 16 + i * (width - 16) / 4
        out.append(shape(movement, x, y, 8, "#ffffff"))
        out.append(f'<text x="{_f(x + 14)}" y="{_f(y + 4)}" font-size="12" fill="#1a1a1a">'
                   f'{Movement.LABELS[movement]}</text>')
    return out


def render(*, radar, edition, rows, quadrants, rings, title_id: str = "radar-title") -> str:
    """The SVG of ``rows`` (``selectors.BlipRow``) on ``radar``'s ``quadrants`` and ``rings``."""
    n_rings = max(len(rings), 1)
    c = layout.RADIUS + PAD
    size = 2 * c
    places = layout.layout([(row.blip.pk, row.blip.item_id, row.blip.quadrant.position, row.blip.ring.position)
                            for row in rows], n_rings)
    title = f"{radar.title}, edition {edition.name}: the radar picture"
    desc = (f"{len(rows)} blips, numbered as in the list of blips on this page, which says the same in words. "
            "Shape shows movement: circle no change, triangle up moved in, triangle down moved out, star new.")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(size)} {_f(size + LEGEND)}" role="img" '
           f'aria-labelledby="{title_id} {title_id}-desc" class="radar-svg" font-family="sans-serif">',
           f'<title id="{title_id}">{escape(title)}</title>',
           f'<desc id="{title_id}-desc">{escape(desc)}</desc>',
           f'<rect width="{_f(size)}" height="{_f(size + LEGEND)}" fill="#ffffff"/>']
    out += _frame(quadrants, rings, n_rings, c)
    for row, place in zip(rows, places):
        x, y, r = c + place.x, c + place.y, place.r
        fill = row.blip.ring.colour
        label = f"{row.number}. {row.blip.item.name}: {row.blip.ring.name}, {row.movement_label}"
        out.append(f'<g><title>{escape(label)}</title>{shape(row.movement, x, y, r, fill)}')
        if r >= 4:
            dy = {Movement.IN: r * 0.45, Movement.OUT: r * 0.1}.get(row.movement, r * 0.33)
            out.append(f'<text x="{_f(x)}" y="{_f(y + dy)}" text-anchor="middle" font-size="{_f(r * 0.95)}" '
                       f'fill="{text_colour(fill)}">{row.number}</text>')
        out.append("</g>")
    out += _legend(size + LEGEND / 2, size)
    out.append("</svg>")
    return "".join(out)
