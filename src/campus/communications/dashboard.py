"""The outbox's panel of the staff dashboard (campus.core.plugins.dashboard): drafts waiting to be sent and
failures, of the edition of each call (mail belongs to an edition; communications knows no call)."""

from urllib.parse import urlencode

from django.urls import reverse

from campus.core.plugins.dashboard import Item

from . import permissions, selectors
from .models import OutboxMessage

S = OutboxMessage.State


def items(user, calls) -> list[Item]:
    managed = permissions.managed_edition_ids(user)
    shown = [c for c in calls if user.is_superuser or c.edition_id in managed]
    if not shown:
        return []
    visible = permissions.visible_messages(user, OutboxMessage.objects.all())
    counts = selectors.attention_counts(visible, {c.edition_id for c in shown})
    home = reverse("staff_outbox:home")
    found = []
    for call in shown:
        row = counts.get(call.edition_id, {})
        for state, label in ((S.DRAFT, "Drafts to send"), (S.FAILED, "Mails that failed")):
            url = f"{home}?{urlencode({'edition': call.edition_id, 'state': state})}"
            found.append(Item(call.pk, label, row.get(state, 0), url, note="of the edition"))
    return found
