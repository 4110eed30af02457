"""The review section of the applicant's status page (registered in plugin.py): once the team has given a submitted
application to a reviewer, it is under review. The interview and the decision sections replace it."""

from django.template.loader import render_to_string

from campus.core.plugins.status import StatusSection

from .models import Kind, ReviewAssignment


def review_section(request, application):
    if application.state != application.State.SUBMITTED:
        return None
    if not ReviewAssignment.objects.filter(application=application, kind=Kind.REVIEW).exists():
        return None
    html = render_to_string("review/_status_section.html", {"call": application.call}, request=request)
    return StatusSection(html=html, label="Under review", order=5, step="review", key="review", replaces=("received",))
