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
    """(number, signal, x, y): a deterministic spot per signal; several on one level pair sit side by side."""
    cell = (SIZE - 2 * PAD) / 5
    taken: dict[tuple[int, int], int] = {}
    out = []
    for number, signal in enumerate(signals, start=1):
        key = (signal.uncertainty, signal.impact)
        k = taken.get(key, 0)
        taken[key] = k + 1
        col, row = k % 4, (k // 4) % 4
        x = PAD + (signal.uncertainty - 1) * cell + 8 + col * (cell - 16) / 3
        y = PAD + (5 - signal.impact) * cell + 8 + row * (cell - 16) / 3
        out.append({"number": number, "signal": signal, "x": round(x, 1), "y": round(y, 1),
                    "quadrant": quadrant_of(signal)})
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
                     f'<circle cx="{p["x"]}" cy="{p["y"]}" r="7" fill="#0d47a1"/>'
                     f'<text x="{p["x"]}" y="{p["y"] + 3.5}" text-anchor="middle" font-size="9" fill="#fff">'
                     f'{p["number"]}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
