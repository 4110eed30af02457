"""The account's name page (/accounts/name/): the person edits their given and family name."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import services
from .forms import NamesForm


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def names(request):
    user = request.user
    form = NamesForm(request.POST if request.method == "POST" else None,  # an empty POST too
                     initial={"given_name": user.given_name, "family_name": user.family_name})
    if request.method == "POST" and form.is_valid():
        services.set_names(user=user, given_name=form.cleaned_data["given_name"],
                           family_name=form.cleaned_data["family_name"])
        messages.success(request, "Your name is saved.")
        return redirect("account_names")
    return render(request, "accounts/names.html", {"form": form})
