"""Imports of radars from other tools: each module turns a file into a ``common.Parsed`` (editions of rows and a
row report); ``common.commit`` writes it as new editions (the newest a draft), items matched by name."""

import datetime

from django.utils import timezone

from . import aoe, backstage, byor, zalando
from .common import ImportRefused, Parsed  # noqa: F401  (the views' entry points)

FORMATS = {
    "byor-csv": "Build Your Own Radar, CSV",
    "byor-json": "Build Your Own Radar, JSON",
    "zalando": "Zalando tech radar, JSON",
    "backstage": "Backstage tech radar, JSON (the whole timeline)",
    "aoe": "AOE technology radar, a zip of Markdown files",
}


def parse(kind: str, data: bytes, radar) -> tuple[Parsed, list]:
    """The file read as ``kind``: the parsed editions and, for a timeline, each older edition's date."""
    if kind == "byor-csv":
        return byor.parse_csv(data, radar), []
    if kind == "byor-json":
        return byor.parse_json(data, radar), []
    if kind == "zalando":
        return zalando.parse(data, radar), []
    if kind == "backstage":
        parsed, dates = backstage.parse(data, radar)
    elif kind == "aoe":
        parsed, dates = aoe.parse(data, radar)
    else:
        raise ImportRefused("Choose one of the formats.")
    return parsed, [_moment(d) for d in dates]


def _moment(text: str):
    try:
        day = datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
