"""One rule for moments on staff pages: in the call's own time zone, labelled with the zone.

``{% load staff_time %}{{ application.submitted_at|in_call_zone:call }}`` renders
``<time datetime="2020-06-03T11:00:00Z">3 Jun 2020, 14:00 EEST</time>``. The argument is anything with a
``timezone`` (an IANA name: a call, a slot) or the name itself; without one (None, ""), the moment is shown in UTC,
labelled "UTC". An empty moment is "–".
"""

import zoneinfo
from datetime import UTC, datetime

from django import template
from django.utils.dateformat import format as date_format
from django.utils.html import format_html

register = template.Library()


def zone_of(where):
    name = where if isinstance(where, str) else getattr(where, "timezone", "")
    try:
        return zoneinfo.ZoneInfo(name) if name else UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def labelled(moment: datetime, where) -> str:
    """"3 Jun 2020, 14:00 EEST": ``moment`` in the zone of ``where``, with the zone's abbreviation."""
    local = moment.astimezone(zone_of(where))
    return f"{date_format(local, 'j M Y, H:i')} {local.tzname()}"


@register.filter
def in_call_zone(moment, where):
    if not isinstance(moment, datetime):
        return "–"
    return format_html('<time datetime="{}">{}</time>', moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                       labelled(moment, where))
