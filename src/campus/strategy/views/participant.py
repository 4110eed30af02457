"""The participant's strategy pages under /me/strategy/: the strategies they may see and a new one, one strategy
(progress, map, check-ins, comments), its texts, its sharing, a reply to feedback. A strategy the person may not
see answers 404; one they may see but not edit answers 404 on every editing URL."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from campus.cohort.access import participant_page
from campus.radars import sharing

from .. import permissions, selectors, services
from ..forms import CommentForm, SharingForm, StrategyDetailsForm, StrategyForm
from .common import share_label, strategy_context, strategy_or_404


@require_http_methods(["GET", "POST"])
@participant_page
def home(request):
    groups = selectors.groups_of(request.user)
    form = StrategyForm(request.POST or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        group = next((g for g in groups if g.pk == data.get("group")), None)
        try:
            strategy = services.create_strategy(actor=request.user, edition=request.participant.edition,
                                                cluster_name=data["cluster_name"], vision=data["vision"],
                                                mission=data["mission"], owner_kind=data["owner_kind"], group=group)
        except services.StrategyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The strategy is made. Add its strategic objectives.")
            return redirect("strategy:detail", pk=strategy.pk)
    strategies = list(selectors.strategies_for(request.user))
    for strategy in strategies:
        strategy.owner_text, strategy.share_text = sharing.owner_label(strategy), share_label(strategy)
    return render(request, "strategy/home.html", {"strategies": strategies, "form": form})


@require_GET
@participant_page
def detail(request, pk: int):
    strategy = strategy_or_404(request.user, pk)
    context = strategy_context(strategy)
    context["can_edit"] = permissions.can_edit(request.user, strategy)
    context["comment_form"] = CommentForm(objectives=context["objectives"]) if context["can_edit"] else None
    return render(request, "strategy/strategy.html", context)


@require_http_methods(["GET", "POST"])
@participant_page
def edit(request, pk: int):
    strategy = strategy_or_404(request.user, pk, edit=True)
    form = StrategyDetailsForm(request.POST or None, initial={
        "cluster_name": strategy.cluster_name, "vision": strategy.vision, "mission": strategy.mission})
    if request.method == "POST" and form.is_valid():
        services.update_strategy(strategy=strategy, actor=request.user, **form.cleaned_data)
        messages.success(request, "The vision and mission are saved.")
        return redirect("strategy:detail", pk=strategy.pk)
    return render(request, "strategy/edit.html", {"strategy": strategy, "form": form})


@require_POST
@participant_page
def delete(request, pk: int):
    strategy = strategy_or_404(request.user, pk, edit=True)
    services.delete_strategy(strategy=strategy, actor=request.user)
    messages.success(request, f"The strategy of “{strategy.cluster_name}” is deleted.")
    return redirect("strategy:home")


@require_POST
@participant_page
def comment(request, pk: int):
    """An owner's comment or answer to the module lead's feedback."""
    strategy = strategy_or_404(request.user, pk, edit=True)
    objectives = selectors.objectives_of(strategy)
    form = CommentForm(request.POST, objectives=objectives)
    if form.is_valid():
        objective = next((o for o in objectives if o.pk == form.cleaned_data["objective"]), None)
        services.comment(strategy=strategy, actor=request.user, text=form.cleaned_data["text"], objective=objective)
        messages.success(request, "Your comment is added.")
        return redirect(reverse("strategy:detail", args=[strategy.pk]) + "#comments")
    context = strategy_context(strategy)
    context.update(can_edit=True, comment_form=form)
    return render(request, "strategy/strategy.html", context)


@require_http_methods(["GET", "POST"])
@participant_page
def sharing_page(request, pk: int):
    strategy = strategy_or_404(request.user, pk, edit=True)
    groups = selectors.groups_of(request.user)
    current = services.LEADS if strategy.shared_with_leads else strategy.visibility
    form = SharingForm(request.POST or None, groups=groups, initial={"visibility": current, "group": strategy.group_id})
    action = request.POST.get("action", "")
    if request.method == "POST" and action in ("open_link", "revoke_link"):
        if action == "open_link":
            services.open_public_link(strategy=strategy, actor=request.user)
            messages.warning(request, "The public link is made. Anyone who has it can read the strategy.")
        else:
            services.revoke_public_link(strategy=strategy, actor=request.user)
            messages.success(request, "The public link is revoked: it no longer opens the strategy.")
        return redirect("strategy:sharing", pk=strategy.pk)
    if request.method == "POST" and form.is_valid():
        group = next((g for g in groups if g.pk == form.cleaned_data.get("group")), None)
        try:
            services.share_strategy(strategy=strategy, actor=request.user,
                                    visibility=form.cleaned_data["visibility"], group=group)
        except services.StrategyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Who can see the strategy is saved.")
            return redirect("strategy:sharing", pk=strategy.pk)
    public_url = (request.build_absolute_uri(reverse("strategy_public:strategy", args=[strategy.public_token]))
                  if strategy.public_token else "")
    return render(request, "strategy/sharing.html", {
        "strategy": strategy, "form": form, "public_url": public_url, "warning": sharing.PUBLIC_LINK_WARNING,
        "owner_label": sharing.owner_label(strategy)})
