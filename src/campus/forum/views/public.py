"""Public pages of the forum: the list of events and an event's page."""

from django.shortcuts import get_object_or_404, render

from ..models import Event


def event_list(request):
    events = Event.objects.filter(published=True)
    return render(request, "forum/event_list.html", {"events": events})


def event_detail(request, slug):
    event = get_object_or_404(Event, slug=slug, published=True)
    return render(request, "forum/event_detail.html", {"event": event})
