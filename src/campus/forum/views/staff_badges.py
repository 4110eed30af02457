"""Name badges of an event as a PDF: layout, order, and who (everyone with a seat, or those checked in)."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from campus.core.access import staff_page
from campus.core.activity import log_activity

from .. import badges, staff_selectors
from ..staff_permissions import can_run_event

event_page = staff_page(can_run_event, load={"event": staff_selectors.event_by_pk})


class BadgeForm(forms.Form):
    layout = forms.ChoiceField(label="Layout", choices=list(badges.LAYOUTS.items()), widget=forms.RadioSelect,
                               initial="a6")
    order = forms.ChoiceField(label="Order", choices=list(badges.ORDERS.items()), widget=forms.RadioSelect,
                              initial="name")
    who = forms.ChoiceField(label="Who", widget=forms.RadioSelect, initial="confirmed",
                            choices=[("confirmed", "Everyone with a seat"), ("checked_in", "Only those checked in")])


@require_GET
@event_page
def badges_page(request, event):
    form = BadgeForm(request.GET if "layout" in request.GET else None)
    if form.is_bound and form.is_valid():
        people = staff_selectors.badge_people(event, checked_in_only=form.cleaned_data["who"] == "checked_in")
        pdf = badges.badges_pdf(event, people, layout=form.cleaned_data["layout"], order=form.cleaned_data["order"])
        log_activity(action="forum.badges", target=event, actor=request.user, count=len(people),
                     layout=form.cleaned_data["layout"])
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (f'attachment; filename="badges-{event.slug}-'
                                           f'{form.cleaned_data["layout"]}.pdf"')
        return response
    return render(request, "forum/staff/badges.html", {"event": event, "form": form})
