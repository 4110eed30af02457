"""The applications' panel of the staff dashboard (campus.core.plugins.dashboard): per call, what waits."""

from urllib.parse import urlencode

from django.urls import reverse

from campus.core.plugins.dashboard import Item

from . import selectors
from .models import Application

S, E = Application.State, Application.Eligibility


def _list_url(call, **filters) -> str:
    return f"{reverse('staff_applications:list')}?{urlencode({'call': call.pk, **filters})}"


def items(user, calls) -> list[Item]:
    counts = selectors.attention_counts(call.pk for call in calls)
    found = []
    for call in calls:
        row = counts.get(call.pk, {})
        found += [
            Item(call.pk, "Submitted applications", row.get("submitted", 0), _list_url(call, state=S.SUBMITTED)),
            Item(call.pk, "Eligibility to be checked", row.get("to_check", 0),
                 _list_url(call, state=S.SUBMITTED, eligibility=E.NEEDS_CHECK)),
            Item(call.pk, "Waiting for more information", row.get("more_info", 0), _list_url(call, state=S.MORE_INFO)),
        ]
    return found
