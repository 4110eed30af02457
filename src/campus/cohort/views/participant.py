"""The participant's door (/me/): the home with what is next, built from the blocks the apps register."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from campus.core.plugins import participant as area

from ..access import participant_page


@require_GET
@participant_page
def home(request):
    participant = request.participant
    return render(request, "cohort/home.html", {
        "participant": participant,
        "edition": participant.edition,
        "blocks": area.blocks_for(request, participant),
    })
