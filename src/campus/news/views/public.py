"""The public news pages: sign-up, confirmation (a button: mail scanners follow links), one-click unsubscribe
(RFC 8058) and "manage my lists". A token page shows only its own subscription."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from campus.core.plugins import links
from campus.programme.selectors import request_programme

from .. import selectors, services
from ..forms import CONSENT, ChooseListsForm, SignUpForm


@require_GET
def training(request):
    """The public site's "signing up for a training" (the link "training"): the application while a call is
    open (the "apply" link the applications app registers), else the sign-up for news of the next edition.
    Decided at the click, so a cached page never sends anyone to a closed call."""
    apply = links.link("apply")
    return redirect(apply.url or reverse("news:sign_up") + "?list=next-edition")


@require_http_methods(["GET", "POST"])
def sign_up(request):
    initial = {"lists": selectors.open_lists_with_key(request.GET.get("list", "")[:60])}
    form = SignUpForm(request.POST if request.method == "POST" else None, initial=initial)
    rate_limited = False
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            return redirect("news:check_inbox")
        try:
            services.sign_up(email=form.cleaned_data["email"], name=form.cleaned_data["name"],
                             lists=form.cleaned_data["lists"], consent_text=CONSENT,
                             client=request.META.get("REMOTE_ADDR", "unknown"))
        except services.RateLimited:
            rate_limited = True
        else:
            return redirect("news:check_inbox")
    programme = request_programme(request)
    return render(request, "news/sign_up.html", {
        "form": form, "consent": CONSENT, "programme": programme, "rate_limited": rate_limited,
        "form_error": rate_limited,
    }, status=429 if rate_limited else 200)


@require_GET
def check_inbox(request):
    return render(request, "news/check_inbox.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows the button; only the POST confirms (a mail scanner that opens the link confirms nothing)."""
    if request.method == "POST":
        subscriber = services.confirm(token=token)
        if subscriber is not None:
            return render(request, "news/confirmed.html", {
                "subscriptions": selectors.subscriptions_of(subscriber),
                "manage_url": services.links_of(subscriber)["manage_url"]})
    elif services.pending_by_token(token) is not None:
        return render(request, "news/confirm.html", {"token": token})
    return render(request, "news/link_invalid.html", status=404)


def _one_click(request) -> bool:
    return request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click"


@csrf_exempt  # only for RFC 8058's one-click POST (a mail client: no session, no token); the rest is protected
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if _one_click(request):
        subscriber = services.by_unsubscribe_token(token)
        if subscriber is None:
            return render(request, "news/unsubscribed.html", {"unknown": True}, status=404)
        services.unsubscribe(subscriber=subscriber, how="one-click")
        return render(request, "news/unsubscribed.html", {"unknown": False})
    return _unsubscribe_page(request, token)


@csrf_protect
def _unsubscribe_page(request, token):
    """The page with the button (a GET shows it; its POST, with the form's CSRF token, unsubscribes)."""
    subscriber = services.by_unsubscribe_token(token)
    if subscriber is None:
        return render(request, "news/unsubscribed.html", {"unknown": True}, status=404)
    if request.method == "POST":
        services.unsubscribe(subscriber=subscriber, how="page")
        return render(request, "news/unsubscribed.html", {"unknown": False})
    return render(request, "news/unsubscribe.html", {
        "token": token, "subscriptions": selectors.subscriptions_of(subscriber)})


@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber = services.by_unsubscribe_token(token)
    if subscriber is None:
        return render(request, "news/unsubscribed.html", {"unknown": True}, status=404)
    subscriptions = selectors.subscriptions_of(subscriber)
    initial = {"lists": [s.news_list for s in subscriptions]}
    form = ChooseListsForm(request.POST if request.method == "POST" else None, initial=initial)
    form.fields["lists"].queryset = selectors.lists_of_subscriber(form.fields["lists"].queryset, subscriber)
    if request.method == "POST" and form.is_valid():
        kept = services.choose_lists(subscriber=subscriber, keep=form.cleaned_data["lists"])
        if kept is None:
            return render(request, "news/unsubscribed.html", {"unknown": False})
        return redirect("news:manage", token=token)
    return render(request, "news/manage.html", {"form": form, "token": token, "subscriptions": subscriptions})
