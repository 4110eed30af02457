"""The interviews' section of the staff page of one application (campus.core.plugins.application_page): the
invitation, the booked slot and its panel, for the edition's interviewers and managers; the panel's
assessments only for those who may assess that slot (the managers, the slot's panel: ``permissions``)."""

from django.template.loader import render_to_string
from django.urls import reverse

from campus.core.plugins.application_page import Section

from . import permissions, selectors
from .models import InterviewSlot, Invitation


def interview_section(request, application):
    user, call = request.user, application.call
    if not permissions.can_view_interviews(user, call):
        return None
    invitation = Invitation.objects.filter(application=application).select_related("invited_by").first()
    slot = (InterviewSlot.objects.filter(booked_by=application).prefetch_related("panel").first()
            if invitation is not None else None)
    assess = slot is not None and permissions.can_assess(user, slot)
    state = selectors.states_by_application(call).get(application.pk, "") if invitation else ""
    context = {
        "invitation": invitation,
        "state": selectors.STATE_LABELS.get(state, "Invitation cancelled" if invitation else ""),
        "slot": slot,
        "assessments": selectors.assessments_of(application) if assess else None,
        "slot_url": reverse("staff_interviews:slot", args=[slot.pk]) if assess else "",
    }
    return Section(title="Interview", key="interview", order=30,
                   html=render_to_string("interviews/staff/_application_section.html", context, request=request))
