"""What the views of one strategy share: finding it for the person (404 otherwise) and the context of its page (the
participant's, the staff's read-only one and the public link's)."""

from django.http import Http404
from django.utils.safestring import mark_safe

from campus.radars import sharing

from .. import selectors, svg


def strategy_or_404(user, pk: int, *, edit: bool = False):
    strategy = selectors.strategy_for(user, pk, edit=edit)
    if strategy is None:
        raise Http404("No such strategy.")
    return strategy


def strategy_context(strategy) -> dict:
    whole = selectors.whole(strategy)
    picture = mark_safe(svg.render(svg.map_data(whole), title=strategy.cluster_name))  # noqa: S308 - escaped inside
    return {"strategy": strategy, "whole": whole, "objectives": whole.objectives, "checkins": whole.checkins,
            "comments": [c for c in whole.comments if c.objective_id is None], "picture": picture,
            "owner_label": sharing.owner_label(strategy), "share_label": share_label(strategy)}


def share_label(strategy) -> str:
    if strategy.shared_with_leads:
        return "Shared with the module leads"
    return strategy.get_visibility_display()
