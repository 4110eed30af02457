"""The admissions' section of the staff page of one application (campus.core.plugins.application_page): the
decision (staged or released) and every offer made, for the managers of the call's edition only."""

from django.template.loader import render_to_string
from django.urls import reverse

from campus.core.plugins.application_page import Section

from . import selectors
from .models import Decision, Offer
from .permissions import can_manage_admissions


def admission_section(request, application):
    call = application.call
    if not can_manage_admissions(request.user, call):
        return None
    context = {
        "call": call,
        "decision": Decision.objects.filter(application=application).first(),
        "offers": [(offer, selectors.OFFER_LABELS.get(offer.state, offer.state))
                   for offer in Offer.objects.filter(application=application).order_by("made_at", "pk")],
        "board_url": reverse("staff_admissions:board", args=[call.pk]),
    }
    return Section(title="Decision and offer", key="admission", order=40,
                   html=render_to_string("admissions/staff/_application_section.html", context, request=request))
