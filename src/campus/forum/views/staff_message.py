"""Messages to all or some registrants of an event (chosen by the list's filters) through the outbox: write,
preview (one rendered mail and the count), then send. Nothing is queued before the confirming POST."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from campus.core.access import staff_page

from .. import services, staff_selectors
from ..services import staff as staff_services
from ..staff_forms import MessageForm
from ..staff_permissions import can_run_event
from .staff import filter_form, list_url

event_page = staff_page(can_run_event, load={"event": staff_selectors.event_by_pk})


def _preview(event, recipients, form, actor):
    """The first recipient's mail as it will be sent (rendered, not stored)."""
    from campus.communications import services as outbox

    from ..mail import context_for

    if not recipients:
        return None
    first = recipients[0]
    first.event = event
    subject, body = outbox.render(event=staff_services.MESSAGE_EVENT, edition=event.edition, to_user=first.user,
                                  context={**context_for(first), "subject": form.cleaned_data["subject"],
                                           "message": form.cleaned_data["body"]})
    return {"to": first.email, "subject": subject, "body": body}


@require_http_methods(["GET", "POST"])
@event_page
def message(request, event):
    """GET: the form, for the registrants the list's filters choose (default: everyone active). POST with
    ``step=preview``: the count and a rendered mail; ``step=send``: queued through the outbox."""
    source = request.POST if request.method == "POST" else request.GET
    filters = filter_form(request, event, source).filters() or {"state": "active"}
    recipients = staff_selectors.message_recipients(event, filters)
    form = MessageForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("step") == "send":
            try:
                count = staff_services.message_registrants(
                    event=event, registrations=recipients, subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"], actor=request.user)
            except services.RegistrationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"The message is on its way to {count} registrant{'s' if count != 1 else ''}"
                                          " through the outbox.")
                return redirect(list_url(event, filters))
        else:
            preview = _preview(event, recipients, form, request.user)
    return render(request, "forum/staff/message.html", {
        "event": event, "form": form, "filters": filters, "recipients": recipients, "count": len(recipients),
        "preview": preview, "filter_form": filter_form(request, event, filters),
    })
