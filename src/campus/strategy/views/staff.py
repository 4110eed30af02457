"""The module leads' and managers' overview under /staff/strategy/: the strategies of the editions where they lead
modules or manage that were shared with the module leads, a coaching group or the cohort, or a group's own; each
read-only, with their feedback (a comment on the strategy or one objective mails the owners). A private strategy
is never listed nor opened (404)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from campus.core.access import staff_page
from campus.radars import sharing

from .. import permissions, selectors, services
from ..forms import CommentForm
from .common import share_label, strategy_context


@require_GET
@staff_page(permissions.staff_section)
def home(request):
    strategies = list(selectors.cohort_strategies(request.user))
    for strategy in strategies:
        strategy.owner_text, strategy.share_text = sharing.owner_label(strategy), share_label(strategy)
    return render(request, "strategy/staff/home.html", {"strategies": strategies})


@require_http_methods(["GET", "POST"])
@staff_page(permissions.staff_section)
def strategy(request, pk: int):
    found = selectors.cohort_strategy(request.user, pk)
    if found is None:
        raise Http404("No such strategy.")
    context = strategy_context(found)
    form = CommentForm(request.POST or None, objectives=context["objectives"])
    if request.method == "POST" and form.is_valid():
        objective = next((o for o in context["objectives"] if o.pk == form.cleaned_data["objective"]), None)
        url = request.build_absolute_uri(reverse("strategy:detail", args=[found.pk]))
        services.comment(strategy=found, actor=request.user, text=form.cleaned_data["text"], objective=objective,
                         strategy_url=url, from_lead=True)
        messages.success(request, "Your feedback is saved; the owners get a mail about it.")
        return redirect(reverse("staff_strategy:strategy", args=[found.pk]) + "#comments")
    context["comment_form"] = form
    return render(request, "strategy/staff/strategy.html", context)
