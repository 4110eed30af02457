"""The 2 × 2 of impact by uncertainty, drawn on the server as SVG (with a <title> and a table as the text
alternative). Signals in the same cell are spread on a small grid so none hides another."""

from django.utils.html import escape

SIZE, PAD = 400, 40
QUADRANTS = (
    ("High impact, low uncertainty: act", 0, 0),
    ("High impact, high uncertainty: explore", 1, 0),
    ("Low impact, low uncertainty: monitor", 0, 1),
    ("Low impact, high uncertainty: watch", 1, 1),
)


def quadrant_of(signal) -> str:
    high_impact, high_unc = signal.impact >= 3, signal.uncertainty >= 3
    return {(True, False): QUADRANTS[0][0], (True, True): QUADRANTS[1][0],
            (False, False): QUADRANTS[2][0], (False, True): QUADRANTS[3][0]}[(high_impact, high_unc)]


def points(signals) -> list[dict]:
    """(number, signal, x, y, r): a deterministic spot per signal; those on one level pair share the cell on a grid
    that grows (and dots that shrink) with their number, so no dot ever covers another."""
    import math

    cell = (SIZE - 2 * PAD) / 5
    counts: dict[tuple[int, int], int] = {}
    for signal in signals:
        counts[(signal.uncertainty, signal.impact)] = counts.get((signal.uncertainty, signal.impact), 0) + 1
    taken: dict[tuple[int, int], int] = {}
    out = []
    for number, signal in enumerate(signals, start=1):
        key = (signal.uncertainty, signal.impact)
        k = taken.get(key, 0)
        taken[key] = k + 1
        side = max(4, math.ceil(math.sqrt(counts[key])))
        step = (cell - 16) / (side - 1)
        x = PAD + (signal.uncertainty - 1) * cell + 8 + (k % side) * step
        y = PAD + (5 - signal.impact) * cell + 8 + (k // side) * step
        out.append({"number": number, "signal": signal, "x": round(x, 2), "y": round(y, 2),
                    "r": round(min(7.0, step / 2 - 0.2), 2), "quadrant": quadrant_of(signal)})
    return out


def svg(placed: list[dict]) -> str:
    half = SIZE / 2
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" role="img" '
             f'aria-labelledby="matrix-title" class="matrix-svg">',
             '<title id="matrix-title">Signals by impact (up) and uncertainty (right); the table below lists '
             'the same</title>',
             f'<rect x="{PAD}" y="{PAD}" width="{SIZE - 2 * PAD}" height="{SIZE - 2 * PAD}" fill="#fff" '
             'stroke="#333"/>',
             f'<line x1="{half}" y1="{PAD}" x2="{half}" y2="{SIZE - PAD}" stroke="#333" stroke-dasharray="4 3"/>',
             f'<line x1="{PAD}" y1="{half}" x2="{SIZE - PAD}" y2="{half}" stroke="#333" stroke-dasharray="4 3"/>',
             f'<text x="{half}" y="{SIZE - 10}" text-anchor="middle" font-size="13" fill="#222">Uncertainty →</text>',
             f'<text x="14" y="{half}" text-anchor="middle" font-size="13" fill="#222" '
             f'transform="rotate(-90 14 {half})">Impact →</text>']
    for label, col, row in QUADRANTS:
        x = PAD + 6 + col * (half - PAD)
        y = PAD - 8 if row == 0 else SIZE - PAD + 14  # outside the plot, so no signal hides it
        parts.append(f'<text x="{x}" y="{y}" font-size="11" fill="#222">{escape(label.split(":")[1].strip())}</text>')
    for p in placed:
        parts.append(f'<g><title>{p["number"]}. {escape(p["signal"].title)}</title>'
                     f'<circle cx="{p["x"]}" cy="{p["y"]}" r="{p["r"]}" fill="#0d47a1"/>'
                     f'<text x="{p["x"]}" y="{p["y"] + 3.5}" text-anchor="middle" font-size="{min(9, p["r"] * 1.3):.1f}" fill="#fff">'
                     f'{p["number"]}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
