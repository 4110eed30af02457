"""Where each blip sits on the radar picture: deterministic, no two blips overlap, every blip inside its
quadrant-ring segment, nobody dropped.

Geometry (screen coordinates, y down, centre at 0,0): quadrant ``q`` spans the angles [-90° + 90°·q, 90°·q]
(0 top right, then clockwise); ring ``r`` of ``n`` spans the radii [inner(r), outer(r)], the innermost a disc.

Each segment gets a hexagonal grid of candidate places whose circles (radius ``b``) lie wholly inside it; a
segment with more blips than places tries a smaller ``b`` (and a tighter grid) until all fit, so a crowded ring
shrinks its blips instead of dropping one. Blips take places in the order of their item's id, each the free place
nearest to a point drawn from its item id: the same radar gives the same picture, and an item keeps its place
while others come and go (unless its segment has to shrink). Circles inside disjoint segments cannot meet, and
within a segment grid places are at least ``2b`` apart: no overlap, by construction (the property test checks it).
"""

import hashlib
import math
from dataclasses import dataclass

RADIUS = 300.0  # of the outermost ring
BLIP = 11.0  # a blip's radius when there is room
MIN_BLIP = 1.0
GAP = 2.0  # between two blips' circles


@dataclass(frozen=True)
class Place:
    key: object  # whatever the caller gave (a blip's id)
    x: float
    y: float
    r: float  # the blip's radius


def ring_bounds(ring: int, rings: int, radius: float = RADIUS) -> tuple[float, float]:
    """Inner and outer radius of ring ``ring`` (0 innermost) of ``rings``: the inner disc a quarter of the
    radius bigger than an even split, so it holds as many blips as the others."""
    def edge(i: int) -> float:
        return 0.0 if i == 0 else radius * (0.25 + 0.75 * i / rings)
    return edge(ring), edge(ring + 1)


def quadrant_angles(quadrant: int) -> tuple[float, float]:
    start = -math.pi / 2 + quadrant * math.pi / 2
    return start, start + math.pi / 2


def inside(x: float, y: float, r: float, quadrant: int, ring: int, rings: int, radius: float = RADIUS,
           tolerance: float = 1e-6) -> bool:
    """Does the circle (x, y, r) lie wholly inside the segment?"""
    inner, outer = ring_bounds(ring, rings, radius)
    d = math.hypot(x, y)
    if d + r > outer + tolerance or d - r < inner - tolerance:
        return False
    start, end = quadrant_angles(quadrant)
    # the distance to each boundary ray, positive on the inner side; the circle must also lie in the quarter
    to_start = -(x * math.sin(start) - y * math.cos(start))
    to_end = x * math.sin(end) - y * math.cos(end)
    return to_start >= r - tolerance and to_end >= r - tolerance


def _candidates(quadrant: int, ring: int, rings: int, b: float, radius: float) -> list[tuple[float, float]]:
    step = 2 * b + min(GAP, b / 2)
    row_height = step * math.sqrt(3) / 2
    _, outer = ring_bounds(ring, rings, radius)
    start, end = quadrant_angles(quadrant)
    xs = [math.cos(start) * outer, math.cos(end) * outer, 0.0]
    ys = [math.sin(start) * outer, math.sin(end) * outer, 0.0]
    mid = (start + end) / 2
    xs.append(math.cos(mid) * outer * 1.5)
    ys.append(math.sin(mid) * outer * 1.5)
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    places = []
    j = math.floor(y0 / row_height)
    while j * row_height <= y1:
        y = j * row_height
        shift = step / 2 if j % 2 else 0.0
        i = math.floor((x0 - shift) / step)
        while i * step + shift <= x1:
            x = i * step + shift
            if inside(x, y, b, quadrant, ring, rings, radius):
                places.append((x, y))
            i += 1
        j += 1
    return places


def _unit(key: object, salt: str) -> float:
    digest = hashlib.blake2b(f"{key}:{salt}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2 ** 64


def preferred_point(seed: object, quadrant: int, ring: int, rings: int, radius: float = RADIUS):
    inner, outer = ring_bounds(ring, rings, radius)
    start, end = quadrant_angles(quadrant)
    angle = start + (0.1 + 0.8 * _unit(seed, "angle")) * (end - start)
    d = inner + (0.15 + 0.7 * _unit(seed, "radius")) * (outer - inner)
    return math.cos(angle) * d, math.sin(angle) * d


def _fit(count: int, quadrant: int, ring: int, rings: int, radius: float):
    b = BLIP
    while True:
        places = _candidates(quadrant, ring, rings, b, radius)
        if len(places) >= count or b <= MIN_BLIP / 2:
            return b, places
        b *= 0.9


def layout(blips, rings: int, radius: float = RADIUS) -> list[Place]:
    """``blips``: (key, seed, quadrant 0–3, ring 0–rings-1) for each; returns a ``Place`` per blip, same order.
    ``seed`` (the item's id) decides the preferred spot and the order in which blips choose."""
    by_segment: dict[tuple[int, int], list] = {}
    for blip in blips:
        by_segment.setdefault((blip[2], blip[3]), []).append(blip)
    placed: dict[object, Place] = {}
    for (quadrant, ring), members in sorted(by_segment.items()):
        b, places = _fit(len(members), quadrant, ring, rings, radius)
        free = list(places)
        for key, seed, _, _ in sorted(members, key=lambda m: (str(m[1]).zfill(20), str(m[0]))):
            px, py = preferred_point(seed, quadrant, ring, rings, radius)
            best = min(range(len(free)), key=lambda k: (free[k][0] - px) ** 2 + (free[k][1] - py) ** 2)
            x, y = free.pop(best)
            placed[key] = Place(key=key, x=x, y=y, r=b)
    return [placed[blip[0]] for blip in blips]
