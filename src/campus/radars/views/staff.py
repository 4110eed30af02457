"""The module leads' and managers' overview under /staff/radars/: the cohort's radars (those shared with a group
or the cohort, or owned by a group or the cohort) of the editions where they lead modules or manage, and each
such radar read-only. A participant's private radar is never listed nor opened (404)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from campus.core.access import staff_page

from .. import permissions, selectors, sharing
from .common import radar_context


@require_GET
@staff_page(permissions.staff_section)
def home(request):
    radars = list(selectors.cohort_radars(sharing.lead_ids(request.user)))
    for radar in radars:
        radar.owner_text = sharing.owner_label(radar)
    return render(request, "radars/staff/home.html", {"radars": radars})


@require_GET
@staff_page(permissions.staff_section)
def radar(request, pk: int):
    found = selectors.cohort_radar(sharing.lead_ids(request.user), pk)
    if found is None or not sharing.can_view(request.user, found):
        raise Http404("No such radar.")
    radar = selectors.radar_by_pk(found.pk)
    return render(request, "radars/staff/radar.html", radar_context(radar, request.GET))
