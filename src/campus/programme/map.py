"""The module locations as a map: a simple equirectangular projection of the Baltic Sea region.

The coastline is a deliberately coarse outline of the Baltic Sea (hand-simplified, about 1° of
precision): a recognisable backdrop for the places where the modules meet, not a survey map.
"""

from dataclasses import dataclass
from math import cos, radians

# (longitude, latitude) around the Baltic Sea, clockwise from the Danish straits.
BALTIC_SEA = [
    (10.6, 57.7), (11.9, 57.6), (12.6, 56.2), (12.9, 55.5), (14.2, 55.4), (14.6, 56.0), (15.9, 56.1),
    (16.4, 56.6), (16.6, 57.8), (17.2, 58.7), (18.2, 59.0), (18.9, 59.6), (18.6, 60.2), (17.3, 60.7),
    (17.4, 61.7), (17.6, 62.5), (18.6, 63.2), (20.3, 63.8), (21.3, 64.7), (21.6, 65.4), (22.4, 65.8),
    (24.1, 65.8), (25.4, 65.1), (24.7, 64.5), (23.3, 63.9), (22.2, 63.4), (21.4, 63.0), (21.2, 62.4),
    (21.5, 61.5), (21.3, 60.8), (22.0, 60.4), (23.0, 60.0), (24.3, 60.1), (25.8, 60.3), (27.5, 60.5),
    (28.8, 60.6), (30.2, 59.9), (28.1, 59.5), (26.5, 59.5), (24.7, 59.5), (23.4, 59.2), (23.5, 58.6),
    (24.3, 58.3), (24.4, 57.6), (24.2, 57.1), (23.6, 56.97), (23.0, 57.1), (22.6, 57.7), (21.6, 57.4),
    (21.0, 56.6), (21.0, 55.9), (21.2, 55.6), (20.6, 55.0), (19.6, 54.5), (18.7, 54.4), (18.6, 54.8),
    (17.3, 54.8), (16.0, 54.3), (14.5, 53.9), (13.6, 54.2), (13.2, 54.6), (12.3, 54.2), (11.1, 54.0),
    (10.8, 54.5), (10.0, 54.9), (10.4, 55.6), (10.9, 56.3), (10.3, 56.6), (10.3, 57.2),
]

WEST, EAST, NORTH, SOUTH = 9.0, 31.0, 66.2, 51.6
SCALE = 40.0
X_FACTOR = cos(radians((NORTH + SOUTH) / 2))
WIDTH = round((EAST - WEST) * X_FACTOR * SCALE)
HEIGHT = round((NORTH - SOUTH) * SCALE)


def project(longitude: float, latitude: float) -> tuple[float, float]:
    return (round((longitude - WEST) * X_FACTOR * SCALE, 1), round((NORTH - latitude) * SCALE, 1))


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    number: int
    label: str
    url: str
    label_left: bool


@dataclass(frozen=True)
class ModuleMap:
    width: int
    height: int
    sea_path: str
    route_points: str
    points: list[MapPoint]


def module_map(modules) -> ModuleMap | None:
    points = []
    for module in modules:
        if module.latitude is None or module.longitude is None:
            continue
        x, y = project(float(module.longitude), float(module.latitude))
        points.append(
            MapPoint(
                x=x,
                y=y,
                number=module.number,
                label=f"{module.city}, {module.country.name}",
                url=module.get_absolute_url(),
                label_left=x > WIDTH * 0.6,
            )
        )
    if not points:
        return None
    sea = " ".join(f"{x},{y}" for x, y in (project(lon, lat) for lon, lat in BALTIC_SEA))
    return ModuleMap(
        width=WIDTH,
        height=HEIGHT,
        sea_path=f"M{sea}Z",
        route_points=" ".join(f"{p.x},{p.y}" for p in points),
        points=points,
    )
