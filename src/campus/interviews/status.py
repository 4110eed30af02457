"""The interview section of the applicant's status page (registered in apps.py)."""

from datetime import timedelta

from django.template.loader import render_to_string
from django.utils import timezone

from campus.core.plugins.status import StatusSection

from . import selectors, states
from .models import InterviewSlot, Invitation
from .services import CHANGE_HOURS


def interview_section(request, application):
    invitation = Invitation.objects.filter(application=application, cancelled_at__isnull=True).first()
    if invitation is None or application.state != application.State.SUBMITTED:
        return None
    booked = InterviewSlot.objects.filter(booked_by=application).first()
    context = {
        "invitation": invitation,
        "booked": booked,
        "free": selectors.free_slots(application.call),
        "change_hours": CHANGE_HOURS,
    }
    if booked is not None:
        context["can_change"] = booked.starts_at - timezone.now() >= timedelta(hours=CHANGE_HOURS)
    html = render_to_string("interviews/_status_section.html", context, request=request)
    label = states.APPLICANT_LABELS[states.BOOKED if booked else states.INVITED]
    return StatusSection(html=html, label=label, order=10, step="interview", key="interview",
                         replaces=("review", "received"))
