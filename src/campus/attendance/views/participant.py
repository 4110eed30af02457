"""The participant's attendance pages (/me/attendance/): their sessions and webinars with their own record,
and the QR check-in. Webinar links are shown here only (participants of the edition); a recording once the
webinar is over."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from campus.cohort.access import participant_page

from .. import selectors, services


@require_GET
@participant_page
def my_sessions(request):
    participant = request.participant
    now = timezone.now()
    records = selectors.own_attendance(participant)
    sessions = selectors.sessions_of_edition(participant.edition_id)
    rows = [{"session": s, "record": records.get(s.pk), "past": s.ends_at < now, "running": s.starts_at <= now <= s.ends_at,
             "expected": services.expected_at(participant, s)} for s in sessions]
    return render(request, "attendance/participant/sessions.html", {
        "participant": participant,
        "meetup_rows": [row for row in rows if not row["session"].is_webinar],
        "webinar_rows": [row for row in rows if row["session"].is_webinar],
    })


@require_GET
@participant_page
def check_in(request, token):
    """Scanning the room's QR code leads here: a GET marks the person present (their own record only; the
    token is the proof of being in the room, valid for about a minute)."""
    try:
        record = services.check_in(token=token, user=request.user)
    except services.CheckInRefused as error:
        return render(request, "attendance/participant/check_in.html",
                      {"refused": str(error), "reason": error.reason}, status=400)
    return render(request, "attendance/participant/check_in.html", {"record": record, "session": record.session})
