"""Staged decisions and their release."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from campus.applications.models import Application, Call
from campus.core.activity import log_activity

from .. import states
from ..models import AdmissionSettings, Decision, Offer
from .common import (
    RESERVED, AdmissionError, _enqueue_letters, _locked_call, _mail, _offer_mail, live_offer_count, reply_by_for,
    settings_for,
)

WAITLIST = Decision.Outcome.WAITLIST


# --- staging ------------------------------------------------------------------------------------------


def _stageable(call: Call, ids: list[int], decisions: dict) -> tuple[dict, dict]:
    """The submitted applications of ``call`` among ``ids`` and their decisions; refuses (nothing changed) an
    unknown outcome, an application that is not a submitted one of ``call`` or a released decision."""
    for outcome, _rank in decisions.values():
        if outcome not in Decision.Outcome.values:
            raise AdmissionError(f"“{outcome}” is not a decision.")
    applications = {
        a.pk: a for a in Application.objects.filter(call=call, pk__in=ids, state=Application.State.SUBMITTED)
    }
    missing = [pk for pk in ids if pk not in applications]
    if missing:
        raise AdmissionError(
            f"{len(missing)} of the chosen applications are not submitted applications of this call; nothing was staged."
        )
    existing = {d.application_id: d for d in Decision.objects.filter(application_id__in=ids)}
    released = [applications[pk].reference for pk, d in existing.items() if d.released_at is not None]
    if released:
        raise AdmissionError(
            "Decisions already released cannot be changed here: " + ", ".join(sorted(released)) + ". Nothing was staged."
        )
    return applications, existing


def _renumber_waitlist(call: Call, touched: list[Decision], ids: list[int]) -> None:
    """The staged waitlist, renumbered 1..n: every entry by its rank (none: at the end), an entry given here
    before an old one of the same rank, entries given here in the order given. Saves the old entries whose
    rank changes; the touched ones are saved by the caller."""
    given = [d for d in touched if d.outcome == WAITLIST]
    given_ids = {d.application_id for d in given}
    others = list(
        Decision.objects.filter(application__call=call, released_at__isnull=True, outcome=WAITLIST)
        .exclude(application_id__in=ids).order_by("waitlist_rank", "pk")
    )
    inf = float("inf")
    keyed = [((d.waitlist_rank or inf, 0, i), d) for i, d in enumerate(given)]
    keyed += [((d.waitlist_rank or inf, 1, i), d) for i, d in enumerate(others)]
    waitlist = [d for _key, d in sorted(keyed, key=lambda item: item[0])]
    for rank, decision in enumerate(waitlist, start=1):
        if decision.application_id in given_ids:
            decision.waitlist_rank = rank
        elif decision.waitlist_rank != rank:
            decision.waitlist_rank = rank
            decision.save(update_fields=["waitlist_rank", "updated_at"])


@transaction.atomic
def stage_decisions(*, call: Call, decisions: dict, actor) -> int:
    """Stage (or change) unreleased decisions: ``{application_id: (outcome, waitlist_rank or None)}``.

    Only submitted applications of ``call``. Released decisions cannot be changed here (refused with a
    message, nothing changed). The staged waitlist is renumbered 1..n: entries given here in the order given
    (by the rank given, then the order of the dict), the other staged waitlist entries after them in their
    old order. Returns how many decisions were made or changed.
    """
    call = _locked_call(call)
    ids = [int(pk) for pk in decisions]
    _applications, existing = _stageable(call, ids, decisions)
    touched: list[Decision] = []
    for pk in ids:
        outcome, rank = decisions[pk] if pk in decisions else decisions[str(pk)]
        decision = existing.get(pk) or Decision(application_id=pk, staged_by=actor)
        before = (decision.outcome, decision.waitlist_rank) if decision.pk else None
        states.decision_transition(decision, states.STAGED, outcome=outcome)
        decision.waitlist_rank = rank if outcome == WAITLIST else None
        decision.staged_by = actor if getattr(actor, "is_authenticated", False) else None
        decision._before = before
        touched.append(decision)
    _renumber_waitlist(call, touched, ids)
    changed = 0
    for decision in touched:
        before, after = decision._before, (decision.outcome, decision.waitlist_rank)
        if before == after:
            continue
        decision.save()
        changed += 1
        log_activity(
            action="admissions.decision_staged", target=decision.application, actor=actor,
            **{"from": _label(before), "to": _label(after)},
        )
    return changed


def _label(value) -> str:
    if value is None:
        return "no decision"
    outcome, rank = value
    return f"waitlist #{rank}" if outcome == WAITLIST else outcome


@transaction.atomic
def clear_decision(*, application: Application, actor) -> bool:
    """Remove a staged decision (not a released one)."""
    _locked_call(application.call_id)
    decision = Decision.objects.filter(application=application).first()
    if decision is None:
        return False
    if states.decision_state(decision) != states.STAGED:
        raise AdmissionError(f"The decision on {application.reference} is released and cannot be removed.")
    before = (decision.outcome, decision.waitlist_rank)
    decision.delete()
    staged = Decision.objects.filter(application__call_id=application.call_id, released_at__isnull=True,
                                     outcome=WAITLIST).order_by("waitlist_rank", "pk")
    for rank, other in enumerate(staged, start=1):
        if other.waitlist_rank != rank:
            other.waitlist_rank = rank
            other.save(update_fields=["waitlist_rank", "updated_at"])
    log_activity(action="admissions.decision_cleared", target=application, actor=actor,
                 **{"from": _label(before), "to": "no decision"})
    return True


# --- release ------------------------------------------------------------------------------------------


@dataclass
class Plan:
    """What a release would do now (the confirmation page shows it; release() does exactly this)."""

    capacity: int
    live: int
    admits: list = field(default_factory=list)  # decisions that get an offer
    overflow: list = field(default_factory=list)  # admits beyond the capacity: top of the waitlist
    waitlist: list = field(default_factory=list)  # staged waitlist decisions, in rank order
    rejects: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.admits or self.overflow or self.waitlist or self.rejects)


def release_plan(call: Call) -> Plan:
    staged = list(
        Decision.objects.filter(application__call=call, released_at__isnull=True)
        .select_related("application__applicant")
        .order_by("waitlist_rank", "pk")
    )
    plan = Plan(capacity=call.edition.capacity, live=live_offer_count(call, RESERVED))
    free = max(plan.capacity - plan.live, 0)
    admits = [d for d in staged if d.outcome == Decision.Outcome.ADMIT]  # in staging order (pk)
    admits.sort(key=lambda d: d.pk)
    plan.admits, plan.overflow = admits[:free], admits[free:]
    plan.waitlist = [d for d in staged if d.outcome == WAITLIST]
    plan.rejects = [d for d in staged if d.outcome == Decision.Outcome.REJECT]
    return plan


@dataclass
class Released:
    offers: int = 0
    waitlisted: int = 0
    rejected: int = 0
    moved_to_waitlist: int = 0


def _release_admits(plan: Plan, *, call, config, now, actor, automatic, result: Released) -> list[int]:
    reply_by = reply_by_for(call, days=config.offer_reply_days, now=now)
    offers = []
    for decision in plan.admits:
        offer = states.make_offer(application=decision.application, state=Offer.State.OPEN,
                                  via=Offer.Via.RELEASE, reply_by=reply_by, made_at=now)
        offers.append(offer.pk)
        states.decision_transition(decision, states.ADMITTED, now=now)
        decision.save(update_fields=["outcome", "released_at", "updated_at"])
        log_activity(action="admissions.offer_made", target=decision.application, actor=actor,
                     **{"from": "staged: admit", "to": "offer open"}, reply_by=reply_by.isoformat())
        _offer_mail(offer, event="offer", actor=actor, send=automatic)
        result.offers += 1
    return offers


def _release_waitlist(plan: Plan, *, call, now, actor, automatic, result: Released) -> None:
    last_rank = (
        Decision.objects.filter(application__call=call, released_at__isnull=False, outcome=WAITLIST)
        .order_by("-waitlist_rank").values_list("waitlist_rank", flat=True).first()
    ) or 0
    for rank, decision in enumerate(plan.overflow + plan.waitlist, start=last_rank + 1):
        moved = decision.outcome == Decision.Outcome.ADMIT
        states.decision_transition(decision, states.WAITLISTED, now=now)
        decision.waitlist_rank = rank
        decision.save(update_fields=["outcome", "waitlist_rank", "released_at", "updated_at"])
        log_activity(
            action="admissions.waitlisted", target=decision.application, actor=actor,
            **{"from": "staged: admit" if moved else "staged: waitlist", "to": f"waitlist #{rank}"},
            note="No place left: moved to the top of the waitlist." if moved else "",
        )
        _mail(event="waitlisted", application=decision.application,
              dedupe_key=f"admissions:waitlisted:{decision.pk}",
              context={"rank": rank}, related=decision, actor=actor, send=automatic)
        result.waitlisted += 1
        result.moved_to_waitlist += moved


def _release_rejects(plan: Plan, *, now, actor, automatic, result: Released) -> None:
    for decision in plan.rejects:
        states.decision_transition(decision, states.REJECTED, now=now)
        decision.save(update_fields=["outcome", "released_at", "updated_at"])
        log_activity(action="admissions.rejected", target=decision.application, actor=actor,
                     **{"from": "staged: reject", "to": "not admitted"})
        _mail(event="rejected", application=decision.application,
              dedupe_key=f"admissions:rejected:{decision.pk}", context={"feedback": ""}, related=decision, actor=actor,
              send=automatic)
        result.rejected += 1


def release(*, call: Call, actor=None, automatic: bool = False) -> Released:
    """Release every staged decision of ``call``, in one transaction with the call locked.

    Admits get an open offer (reply by the end of the day ``offer_reply_days`` from now, call's zone) while
    places are free; admits beyond the capacity go to the top of this release's waitlist (after anyone
    already on a released waitlist). Mails: drafts when released by hand, queued when automatic.
    """
    with transaction.atomic():
        call = _locked_call(call)
        config = settings_for(call)
        plan = release_plan(call)
        result = Released()
        if plan.empty:
            return result
        for decision in plan.admits + plan.overflow + plan.waitlist + plan.rejects:
            decision.application.call = call  # one Call for every mail: no query per decision
        now = timezone.now()
        steps = {"now": now, "actor": actor, "automatic": automatic, "result": result}
        offers = _release_admits(plan, call=call, config=config, **steps)
        _release_waitlist(plan, call=call, **steps)
        _release_rejects(plan, **steps)
        if config.released_at is None:
            config.released_at = now
            config.save(update_fields=["released_at", "updated_at"])
        log_activity(action="admissions.released", target=call, actor=actor, automatic=automatic,
                     offers=result.offers, waitlisted=result.waitlisted, rejected=result.rejected,
                     moved_to_waitlist=result.moved_to_waitlist)
        _enqueue_letters(offers)
    return result


def release_if_due(*, call_id: int, now: datetime | None = None) -> Released | None:
    """The automatic release: only when switched on, due and not released yet (idempotent)."""
    now = now or timezone.now()
    config = AdmissionSettings.objects.filter(call_id=call_id).select_related("call").first()
    if config is None or not config.auto_release or config.released_at is not None:
        return None
    if config.release_at is None or config.release_at > now:
        return None
    return release(call=config.call, actor=None, automatic=True)
