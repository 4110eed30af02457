"""Reads of admissions for the pages (query counts pinned by tests)."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count
from django_countries import countries as country_names

from campus.applications.models import Application, Call, Question
from campus.interviews.selectors import STATE_LABELS as INTERVIEW_LABELS
from campus.interviews.selectors import states_by_application
from campus.review import ranking
from campus.review import selectors as review_selectors
from campus.team.permissions import Role, edition_ids_with_role

from .models import AdmissionSettings, Decision, Offer

O = Offer.State
SHOWN_TO_APPLICANT = (O.OPEN, O.ACCEPTED, O.DECLINED, O.EXPIRED)


def applicant_offer(application: Application) -> Offer | None:
    """The offer the applicant sees: the latest one made to them (a suggested promotion is the team's)."""
    return (
        Offer.objects.filter(application=application, state__in=SHOWN_TO_APPLICANT)
        .order_by("-made_at", "-pk").first()
    )


def released_decision(application: Application) -> Decision | None:
    """The decision the applicant may see: released ones only (a staged decision is invisible)."""
    return Decision.objects.filter(application=application, released_at__isnull=False).first()


def waitlist_position(decision: Decision) -> int:
    """The applicant's place among those still waiting (1 = next to be offered a place)."""
    ahead = (
        Decision.objects.filter(
            application__call_id=decision.application.call_id, outcome=Decision.Outcome.WAITLIST,
            released_at__isnull=False, waitlist_rank__lt=decision.waitlist_rank,
            application__state=Application.State.SUBMITTED,
        ).exclude(application__offers__isnull=False).count()
    )
    return ahead + 1


# --- the staff pages ------------------------------------------------------------------------------------


LIVE = (O.OPEN, O.ACCEPTED)
OFFER_LABELS = {O.SUGGESTED: "Promotion suggested", O.OPEN: "Open", O.ACCEPTED: "Accepted", O.DECLINED: "Declined",
                O.EXPIRED: "Expired", O.WITHDRAWN: "Withdrawn"}


def managed_calls(user) -> list[Call]:
    editions = edition_ids_with_role(user, Role.MANAGER)
    return list(Call.objects.filter(edition_id__in=editions).select_related("edition__programme").order_by("-opens_at"))


def call_counts(calls: list[Call]) -> dict[int, dict]:
    """Per call: submitted, reviewed, staged admits/waitlist/rejects, live offers, released?  (5 queries)."""
    counts = {call.pk: {"submitted": 0, "reviewed": 0, "admit": 0, "waitlist": 0, "reject": 0, "live": 0,
                        "capacity": call.edition.capacity, "released_at": None} for call in calls}
    ids = list(counts)
    for call_id, n in (Application.objects.filter(call_id__in=ids, state=Application.State.SUBMITTED)
                       .values_list("call_id").annotate(n=Count("pk")).order_by()):
        counts[call_id]["submitted"] = n
    for call_id, n in review_selectors.reviewed_counts(ids).items():
        counts[call_id]["reviewed"] = n
    for call_id, outcome, n in (Decision.objects.filter(application__call_id__in=ids, released_at__isnull=True)
                                .values_list("application__call_id", "outcome").annotate(n=Count("pk")).order_by()):
        counts[call_id][outcome] = n
    for call_id, n in (Offer.objects.filter(application__call_id__in=ids, state__in=LIVE)
                       .values_list("application__call_id").annotate(n=Count("pk")).order_by()):
        counts[call_id]["live"] = n
    for call_id, released_at in AdmissionSettings.objects.filter(call_id__in=ids).values_list("call_id", "released_at"):
        counts[call_id]["released_at"] = released_at
    return counts


@dataclass
class BoardRow:
    rank: ranking.RankRow
    decision: Decision | None
    offer: Offer | None
    interview: str

    @property
    def application(self):
        return self.rank.application

    @property
    def country_name(self) -> str:
        return country_names.name(self.application.country) if self.application.country else ""

    @property
    def interview_label(self) -> str:
        return INTERVIEW_LABELS.get(self.interview, self.interview)

    @property
    def offer_label(self) -> str:
        return OFFER_LABELS.get(self.offer.state, "") if self.offer else ""


def _interview_states(call) -> dict[int, str]:
    return states_by_application(call)


INTERVIEW_ORDER = {"assessed": 3, "booked": 2, "invited": 1}


def _sort_key(key):
    if key in ranking.SORT_KEYS:
        getter = ranking.SORT_KEYS[key]
        return lambda row: getter(row.rank)
    if key == "decision":
        order = {"admit": 3, "waitlist": 2, "reject": 1}
        return lambda row: (order[row.decision.outcome], -(row.decision.waitlist_rank or 0)) if row.decision else None
    if key == "offer":
        order = {O.ACCEPTED: 6, O.OPEN: 5, O.SUGGESTED: 4, O.DECLINED: 3, O.EXPIRED: 2, O.WITHDRAWN: 1}
        return lambda row: order[row.offer.state] if row.offer else None
    if key == "interview":
        return lambda row: INTERVIEW_ORDER.get(row.interview)
    raise ValueError(key)


def board_rows(call, *, filters: dict) -> list[BoardRow]:
    """Every submitted application of ``call`` that passes ``filters``, sorted; a fixed number of queries."""
    ranking_filters = {
        "eligibility": filters.get("eligibility") or "",
        "country": filters.get("country") or "",
    }
    if filters.get("question") and filters.get("value"):
        ranking_filters["answer"] = (filters["question"], filters["value"])
    if filters.get("disagreement"):
        ranking_filters["disagreement"] = filters["disagreement"] == "yes"
    ranked = ranking.rows(call, filters=ranking_filters)
    # only what a board row shows (a full row of each costs time with thousands of applications)
    decisions = {d.application_id: d for d in Decision.objects.filter(application__call=call)
                 .only("application_id", "outcome", "waitlist_rank", "released_at")}
    offers: dict[int, Offer] = {}
    for offer in Offer.objects.filter(application__call=call).only("application_id", "state", "made_at", "reply_by").order_by(
            "made_at", "pk"):
        current = offers.get(offer.application_id)
        if current is None or offer.state in (O.SUGGESTED, O.OPEN, O.ACCEPTED) or current.state not in (
                O.SUGGESTED, O.OPEN, O.ACCEPTED):
            offers[offer.application_id] = offer
    interviews = _interview_states(call)
    rows = [BoardRow(rank=r, decision=decisions.get(r.application.pk), offer=offers.get(r.application.pk),
                     interview=interviews.get(r.application.pk, "")) for r in ranked]
    wanted = filters.get("decision")
    if wanted == "none":
        rows = [row for row in rows if row.decision is None]
    elif wanted in ("admit", "waitlist", "reject"):
        rows = [row for row in rows if row.decision and row.decision.outcome == wanted]
    elif wanted == "staged":
        rows = [row for row in rows if row.decision and row.decision.released_at is None]
    elif wanted == "released":
        rows = [row for row in rows if row.decision and row.decision.released_at is not None]
    rows = _offer_filtered(rows, filters.get("offer"))
    key = filters.get("sort") or "score"
    descending = (filters.get("order") or ("asc" if key in ("name", "reference", "country") else "desc")) == "desc"
    getter = _sort_key(key)
    present = sorted((row for row in rows if getter(row) is not None), key=lambda row: row.application.reference)
    missing = sorted((row for row in rows if getter(row) is None), key=lambda row: row.application.reference)
    present.sort(key=getter, reverse=descending)
    return present + missing


def expiring_window():
    """(now, the end of the window) of "offers expiring soon"."""
    from django.utils import timezone

    from .forms import EXPIRING_DAYS

    now = timezone.now()
    return now, now + timedelta(days=EXPIRING_DAYS)


def _offer_filtered(rows, wanted):
    if wanted == "open":
        return [row for row in rows if row.offer and row.offer.state == O.OPEN]
    if wanted == "expiring":
        now, until = expiring_window()
        return [row for row in rows if row.offer and row.offer.state == O.OPEN and row.offer.reply_by
                and now <= row.offer.reply_by < until]
    return rows


def board_countries(call) -> list[tuple[str, str]]:
    codes = (Application.objects.filter(call=call, state=Application.State.SUBMITTED).exclude(country="")
             .values_list("country", flat=True).distinct().order_by())
    return sorted(((code, country_names.name(code) or code) for code in codes), key=lambda item: item[1])


def board_questions(call) -> list[Question]:
    return list(Question.objects.filter(call=call).exclude(kind__in=["long_text"]).order_by("order", "id"))


def suggested_promotions(call) -> list[Offer]:
    return list(Offer.objects.filter(application__call=call, state=O.SUGGESTED)
                .select_related("application", "replaces__application").order_by("pk"))


def board_counts(call) -> dict:
    return call_counts([call])[call.pk]


def has_live_or_suggested_offer(application) -> bool:
    """Whether ``application`` holds an open or a suggested offer (one it would give up by withdrawing)."""
    return Offer.objects.filter(application_id=application.pk, state__in=[O.OPEN, O.SUGGESTED]).exists()


# --- the staff dashboard (campus.core.plugins.dashboard) ------------------------------------------------------


def offers_attention(call_ids) -> dict[int, dict[str, int]]:
    """Per call: open offers whose reply is due within the window, suggested promotions (one query)."""
    from django.db.models import Q

    now, until = expiring_window()
    rows = (
        Offer.objects.filter(application__call_id__in=list(call_ids)).values("application__call_id").order_by()
        .annotate(expiring=Count("pk", filter=Q(state=O.OPEN, reply_by__gte=now, reply_by__lt=until)),
                  suggested=Count("pk", filter=Q(state=O.SUGGESTED)))
    )
    return {row.pop("application__call_id"): row for row in rows}
