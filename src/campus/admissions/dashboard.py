"""The admissions' panel of the staff dashboard (campus.core.plugins.dashboard), for the edition's managers:
staged decisions not released, offers whose reply is due soon, promotions to confirm, places left."""

from urllib.parse import urlencode

from django.urls import reverse

from campus.core.plugins.dashboard import Item
from campus.team.permissions import Role, edition_ids_with_role

from . import selectors
from .forms import EXPIRING_DAYS


def _board(call, **filters) -> str:
    url = reverse("staff_admissions:board", args=[call.pk])
    return f"{url}?{urlencode(filters)}" if filters else url


def items(user, calls) -> list[Item]:
    managed = [c for c in calls if c.edition_id in edition_ids_with_role(user, Role.MANAGER)]
    if not managed:
        return []
    counts = selectors.call_counts(managed)
    offers = selectors.offers_attention([c.pk for c in managed])
    found = []
    for call in managed:
        row, offer_row = counts[call.pk], offers.get(call.pk, {})
        found += [
            Item(call.pk, "Staged decisions not released", row["admit"] + row["waitlist"] + row["reject"],
                 _board(call, decision="staged")),
            Item(call.pk, f"Offers expiring in the next {EXPIRING_DAYS} days", offer_row.get("expiring", 0),
                 _board(call, offer="expiring")),
            Item(call.pk, "Promotions to confirm", offer_row.get("suggested", 0), _board(call) + "#suggested-title"),
            Item(call.pk, "Places left", max(row["capacity"] - row["live"], 0), _board(call, offer="open"),
                 note=f"of {row['capacity']}; {row['live']} offers open or accepted"),
        ]
    return found
