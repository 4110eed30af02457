"""The participant's page of peer coaching (/me/coaching/): their groups (names, organisations, countries of the
members) and each group's session log, notes included (members only); a member logs a session of their group.
Another group's page or form answers 404: nothing tells a participant what other groups exist."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from campus.cohort.access import participant_page

from .. import selectors, services
from ..forms import SessionForm


def _page(request, *, bound=None, status=200):
    participant = request.participant
    memberships = selectors.memberships_of(participant)
    rows = []
    for membership in memberships:
        group = membership.group
        members = [m.participant for m in group.members.all()]
        if bound is not None and bound.group_id == group.pk:
            form = bound
        else:
            form = SessionForm(members=None, prefix=f"g{group.pk}", initial={"attendees": [participant.pk]})
        form.fields["attendees"].queryset = None
        form.fields["attendees"].choices = [(m.pk, selectors.name_of(m)) for m in members]
        rows.append({"group": group, "round": group.round, "members": members, "sessions": list(group.sessions.all()),
                     "form": form})
    return render(request, "coaching/participant/home.html", {"participant": participant, "rows": rows},
                  status=status)


@require_GET
@participant_page
def home(request):
    return _page(request)


@require_POST
@participant_page
def log_session(request, group_id: int):
    participant = request.participant
    group = selectors.group_of_member(group_id, participant)
    if group is None:
        raise Http404("No such group.")
    form = SessionForm(request.POST, members=selectors.members_of_queryset(group), prefix=f"g{group.pk}")
    form.group_id = group.pk
    if form.is_valid():
        data = form.cleaned_data
        try:
            _session, created = services.log_session(
                group=group, logged_by=participant, held_on=data["held_on"],
                attendee_ids=[p.pk for p in data["attendees"]], notes=data["notes"], actor=request.user)
        except services.CoachingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The session is in your group's log." if created
                             else "This session was already in your group's log.")
            return redirect(reverse("coaching:home") + f"#group-{group.pk}")
    return _page(request, bound=form)
