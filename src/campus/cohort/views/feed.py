"""The private calendar feed: /me/calendar/<token>.ics, no sign-in (calendar apps cannot), found by its secret
token only. An unknown, revoked or replaced token answers 404, and so does a participant whose account is closed."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from campus.communications.services import site_url
from campus.core.plugins import calendar

from .. import selectors
from ..feed import calendar_for


@require_GET
def calendar_feed(request, token):
    participant = selectors.participant_by_feed_token(token)
    if participant is None or not participant.user.is_active:
        raise Http404("No such calendar.")
    body = calendar_for(participant, calendar.items_for(participant), base_url=site_url())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="my-schedule.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
