"""The review panel of the staff dashboard (campus.core.plugins.dashboard): a reviewer's own reviews still to
write; for the edition's managers, the reviews outstanding per reviewer and the applications needing reviews."""

from urllib.parse import urlencode

from django.urls import reverse

from campus.core.plugins.dashboard import Item
from campus.team.permissions import Role, edition_ids_with_role

from . import selectors


def items(user, calls) -> list[Item]:
    reviewing = [c for c in calls if c.edition_id in edition_ids_with_role(user, Role.REVIEWER)]
    managed = [c for c in calls if c.edition_id in edition_ids_with_role(user, Role.MANAGER)]
    found = []
    if reviewing:
        own = selectors.outstanding_of(user, [c.pk for c in reviewing])
        queue = reverse("staff_review:home")
        found += [Item(c.pk, "Your reviews to write", own.get(c.pk, 0), queue) for c in reviewing]
    if managed:
        needing = selectors.needing_reviews_counts(managed)
        per_reviewer = selectors.outstanding_by_reviewer([c.pk for c in managed])
        for call in managed:
            found.append(Item(call.pk, "Applications needing reviews", needing[call.pk],
                              reverse("staff_review:needs_reviews", args=[call.pk])))
            assignments = reverse("staff_review:assignments", args=[call.pk])
            for reviewer_id, name, n in per_reviewer.get(call.pk, []):
                found.append(Item(call.pk, f"Reviews outstanding: {name}", n,
                                  f"{assignments}?{urlencode({'reviewer': reviewer_id})}"))
    return found
