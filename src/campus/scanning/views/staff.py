"""The module leads' and managers' overview under /staff/signals/: the cohort's signals (shared with a coaching
group or the cohort, or owned by a group or the cohort) of the editions where they lead modules or manage,
filtered by STEEP(V) category, type and triage state, and each such signal with its comments and votes,
read-only. A participant's private signal is never listed nor opened (404)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from campus.core.access import staff_page
from campus.radars import sharing

from .. import permissions, selectors, states
from ..forms import StaffFilterForm
from ..models import SignalType, Steep


@require_GET
@staff_page(permissions.staff_section)
def home(request):
    form = StaffFilterForm(request.GET or None, steep_choices=Steep.choices, kind_choices=SignalType.choices,
                           state_choices=states.CHOICES)
    chosen = form.values()
    signals = list(selectors.cohort_signals(sharing.lead_ids(request.user), **chosen))
    for signal in signals:
        signal.owner_text = sharing.owner_label(signal)
    return render(request, "scanning/staff/home.html", {"signals": signals, "form": form,
                                                        "filtered": any(chosen.values())})


@require_GET
@staff_page(permissions.staff_section)
def signal(request, pk: int):
    found = selectors.cohort_signal(sharing.lead_ids(request.user), pk)
    if found is None or not sharing.can_view(request.user, found):
        raise Http404("No such signal.")
    return render(request, "scanning/staff/signal.html", {
        "signal": found, "owner": sharing.owner_label(found), **selectors.signal_detail(request.user, found)})
