"""The applicant's status page, admissions' part (registered in AdmissionsConfig.ready, order 20, step
"decision"): the offer with its reply-by date and the buttons to answer it, the waitlist place, or the
rejection. Only released decisions are shown; a staged one is invisible.

A released decision comes first on the page and makes moot what came before it (the review and interview texts,
"What happens next", the call's dates); a place accepted or refused, or a decision not to admit, also makes the
letter for the employer and "Withdraw" moot (core/plugins/status.py, PAGE_PARTS). An open offer is answered by
accepting or declining it, so it replaces "Withdraw" too; the waitlist keeps both (withdrawing leaves it)."""

from django.template.loader import render_to_string
from django.utils import dateformat, timezone

from campus.core.plugins.status import StatusSection

from . import selectors, states
from .models import Decision, Offer

O = Offer.State


def offer_label(offer: Offer, call) -> str:
    if offer.state == O.OPEN:
        day = dateformat.format(timezone.localtime(offer.reply_by, call.zone), "j F Y") if offer.reply_by else ""
        return f"Offer of a place – please reply by {day}" if day else "Offer of a place – please reply"
    return states.OFFER_LABELS[offer.state]


def offer_section(request, application) -> StatusSection | None:
    decision = selectors.released_decision(application)
    offer = selectors.applicant_offer(application) if decision is not None else None
    if decision is None:
        return None
    call = application.call
    context = {"application": application, "call": call, "decision": decision, "offer": offer}
    if offer is not None:
        label = offer_label(offer, call)
    elif decision.outcome == Decision.Outcome.WAITLIST:
        context["position"] = selectors.waitlist_position(decision)
        label = f"{states.DECISION_LABELS[states.WAITLISTED]} (rank {context['position']})"
    elif decision.outcome == Decision.Outcome.REJECT:
        label = states.DECISION_LABELS[states.REJECTED]
    else:  # a released admit without an offer cannot happen (release makes both); show nothing
        return None
    context["label"] = label
    html = render_to_string("admissions/_status.html", context, request=request)
    return StatusSection(html=html, label=label, order=20, step="decision", replaces=_moot_after(decision, offer))


# after any released decision: booking an interview, the "under review" texts and the road ahead are moot
_BEFORE_DECISION = ("interview", "review", "received", "next_steps", "call_dates")


def _moot_after(decision: Decision, offer: Offer | None) -> tuple[str, ...]:
    if offer is None and decision.outcome == Decision.Outcome.WAITLIST:
        return _BEFORE_DECISION
    if offer is not None and offer.state == O.OPEN:
        return _BEFORE_DECISION + ("withdraw",)  # accept or decline it
    return _BEFORE_DECISION + ("boss_letter", "withdraw")
