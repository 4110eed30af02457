"""The registrant's pages: the form, "check your mail", and their own registration by its token link
(confirm the address, cancel, take an offered seat: each a page with a button that POSTs, because mail
scanners open links). Nobody sees a registration but through its token or their own account."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from .. import selectors, services, states
from ..forms import RegistrationForm
from ..mail import event_dates, event_place
from .public import _event_or_404


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, slug):
    event = _event_or_404(slug)
    user = request.user if request.user.is_authenticated else None
    mine = selectors.registration_of_user(event, request.user)
    if mine is not None:
        return redirect("forum:registration", token=mine.token)
    context = {"event": event, "dates": event_dates(event), "place": event_place(event)}
    if not services.registration_window_open(event):  # a POST cannot succeed: 400, the same page
        return render(request, "forum/register_closed.html", context, status=400 if request.method == "POST" else 200)
    form = RegistrationForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        email = user.email if user else form.cleaned_data["email"]
        details = {name: form.cleaned_data.get(name) for name in services.registration.FIELDS}
        try:
            registration, _new = services.register(event=event, details=details, email=email, user=user)
        except services.RegistrationError as refusal:
            form.add_error(None, str(refusal))
        else:
            if user is not None and registration.user_id == user.pk and registration.email_confirmed_at:
                return redirect("forum:registration", token=registration.token)
            return redirect("forum:check_mail", slug=event.slug)
    return render(request, "forum/register.html", {**context, "form": form, "guest": user is None})


@never_cache
@require_GET
def check_mail(request, slug):
    event = _event_or_404(slug)
    return render(request, "forum/check_mail.html", {"event": event})


def _mine(token):
    registration = selectors.registration_by_token(token)
    if registration is None or registration.anonymised_at:
        raise Http404("No such registration.")
    return registration


def _page(request, registration, template, **extra):
    event = registration.event
    return render(request, template, {
        "registration": registration, "event": event, "label": states.LABELS[registration.state],
        "position": selectors.waitlist_position(registration), "dates": event_dates(event),
        "place": event_place(event), "zone": event.zone, **extra,
    })


@never_cache
@require_http_methods(["GET"])
def overview(request, token):
    return _page(request, _mine(token), "forum/registration.html")


def _action(request, token, *, template, service, done):
    registration = _mine(token)
    if request.method == "POST":
        try:
            service(registration=registration)
        except services.RegistrationError as refusal:
            return _page(request, registration, template, refusal=str(refusal), form_error=True)
        messages.success(request, done)
        return redirect("forum:registration", token=registration.token)
    return _page(request, registration, template)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    return _action(request, token, template="forum/confirm.html", service=services.confirm_email,
                   done="Thank you: your address is confirmed.")


@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    return _action(request, token, template="forum/cancel.html", service=services.cancel,
                   done="Your registration is cancelled.")


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request, token):
    return _action(request, token, template="forum/accept.html", service=services.accept_offer,
                   done="The seat is yours: the confirmation with the calendar file is on its way.")
