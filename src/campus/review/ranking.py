"""The ranking of the submitted applications of a call: review and interview scores per application.

:func:`rows` costs a fixed number of queries whatever the number of applications (two, three with an
``answer`` filter): the applications, then every review of the call as plain tuples
(``values_list``: application, kind, total, recommendation), aggregated in Python. Scores (per criterion)
are never read here: ``Review.total`` holds the weighted mean already.

The numbers of a row (see :class:`RankRow`):

- ``review_mean`` / ``review_median``: mean and median of the totals of the reviews (kind "review"), 2 places.
- ``spread``: highest minus lowest review total (``None`` without reviews; 0 with one).
- ``disagreement``: the reviewers disagree when the spread is at least 1.5 points (on the 1-5 scale) **or**
  one reviewer recommends yes and another no (:data:`DISAGREEMENT_SPREAD`).
- ``interview_mean``: mean of the interview assessments' totals (kind "interview").
- ``score``: the review mean; when the application has interview assessments too, the mean of
  ``review_mean`` and ``interview_mean`` (each counts half); with interviews only, the interview mean.

Only applications in the state "submitted" are ranked (drafts, withdrawn ones and those sent back for
more information are not). Rows come ordered by reference; sort them with :func:`sort_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from campus.applications.models import Answer, Application, Call

from .models import Kind, Review

DISAGREEMENT_SPREAD = 1.5
SORT_KEYS = {
    "score": lambda row: row.score,
    "review_mean": lambda row: row.review_mean,
    "review_median": lambda row: row.review_median,
    "n_reviews": lambda row: row.n_reviews,
    "spread": lambda row: row.spread,
    "interview_mean": lambda row: row.interview_mean,
    "name": lambda row: (row.application.full_name or "").casefold(),
    "reference": lambda row: row.application.reference,
    "country": lambda row: row.application.country,
    "eligibility": lambda row: row.application.effective_eligibility,
}


# The fields of Application loaded for a row (a board reads these); reading another field of
# ``row.application`` costs a query per row: select what you need in your own query instead.
ROW_FIELDS = ("id", "call_id", "applicant_id", "reference", "state", "full_name", "organisation", "country",
              "eligibility", "eligibility_override")


class RankedApplication:
    """The application of a ranking row: the fields in :data:`ROW_FIELDS`, ``pk``, ``call`` and the effective
    eligibility. A light object, not a model instance: building 5,000 model instances was half the cost of a
    ranking board of 5,000 applications (docs/benchmarks.md)."""

    __slots__ = (*ROW_FIELDS, "call")
    _LABELS = dict(Application.Eligibility.choices)

    def __init__(self, values: tuple, call: Call):
        for name, value in zip(ROW_FIELDS, values, strict=True):
            setattr(self, name, value)
        self.call = call

    @property
    def pk(self) -> int:
        return self.id

    @property
    def effective_eligibility(self) -> str:
        return self.eligibility_override or self.eligibility

    def get_eligibility_display(self) -> str:
        """The label of the effective eligibility (the staff's override when there is one)."""
        return self._LABELS.get(self.effective_eligibility, self.effective_eligibility)

    def __eq__(self, other) -> bool:
        return isinstance(other, (RankedApplication, Application)) and other.pk == self.pk

    def __hash__(self) -> int:
        return hash(self.id)

    def __str__(self) -> str:
        return f"{self.reference} {self.full_name}"


@dataclass
class RankRow:
    application: RankedApplication
    review_mean: float | None = None
    review_median: float | None = None
    n_reviews: int = 0
    spread: float | None = None
    disagreement: bool = False
    recommendations: dict = field(default_factory=lambda: {"yes": 0, "maybe": 0, "no": 0})
    interview_mean: float | None = None
    n_interviews: int = 0
    score: float | None = None


def _answer_matches(stored, wanted: str) -> bool:
    wanted = str(wanted)
    if isinstance(stored, bool):
        return wanted in (("yes", "true", "True") if stored else ("no", "false", "False"))
    if isinstance(stored, list):
        return wanted in {str(item) for item in stored}
    return stored is not None and str(stored) == wanted


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def rows(call: Call, *, filters: dict | None = None) -> list[RankRow]:
    """One :class:`RankRow` per submitted application of ``call`` that passes ``filters``.

    ``filters`` (each optional): ``eligibility`` (effective: eligible / not_eligible / needs_check),
    ``country`` (ISO code of residence), ``answer`` (``(question_key, value)``: the answer equals the value,
    contains it for several-choice answers, yes/no for yes-or-no), ``min_reviews`` (at least n reviews),
    ``disagreement`` (True: only rows with the flag; False: only rows without).
    """
    filters = {key: value for key, value in (filters or {}).items() if value not in (None, "")}
    queryset = Application.objects.filter(call=call, state=Application.State.SUBMITTED).order_by("reference")
    if filters.get("country"):
        queryset = queryset.filter(country=filters["country"])
    applications = [RankedApplication(values, call) for values in queryset.values_list(*ROW_FIELDS)]
    if filters.get("eligibility"):
        applications = [a for a in applications if a.effective_eligibility == filters["eligibility"]]
    if filters.get("answer"):
        key, wanted = filters["answer"]
        stored = Answer.objects.filter(application__call=call, question__key=key).values_list("application_id", "value")
        matching = {application_id for application_id, value in stored if _answer_matches(value, wanted)}
        applications = [a for a in applications if a.pk in matching]

    totals: dict[int, list[float]] = {}
    interviews: dict[int, list[float]] = {}
    recommendations: dict[int, dict[str, int]] = {}
    reviews = (
        Review.objects.filter(application__call=call, application__state=Application.State.SUBMITTED)
        .order_by().values_list("application_id", "kind", "total", "recommendation")
    )
    for application_id, kind, total, recommendation in reviews:
        total = float(total)
        if kind == Kind.INTERVIEW:
            interviews.setdefault(application_id, []).append(total)
        else:
            totals.setdefault(application_id, []).append(total)
            counts = recommendations.setdefault(application_id, {"yes": 0, "maybe": 0, "no": 0})
            counts[recommendation] = counts.get(recommendation, 0) + 1

    result = []
    for application in applications:
        row = RankRow(application=application)
        own = totals.get(application.pk)
        if own:
            row.n_reviews = len(own)
            row.review_mean = _round(sum(own) / len(own))
            row.review_median = _round(_median(own))
            row.spread = _round(max(own) - min(own))
            row.recommendations = recommendations[application.pk]
            row.disagreement = row.spread >= DISAGREEMENT_SPREAD or (
                row.recommendations["yes"] > 0 and row.recommendations["no"] > 0
            )
        panel = interviews.get(application.pk)
        if panel:
            row.n_interviews = len(panel)
            row.interview_mean = _round(sum(panel) / len(panel))
        if row.review_mean is not None and row.interview_mean is not None:
            row.score = _round((row.review_mean + row.interview_mean) / 2)
        else:
            row.score = row.review_mean if row.review_mean is not None else row.interview_mean
        if filters.get("min_reviews") and row.n_reviews < int(filters["min_reviews"]):
            continue
        if "disagreement" in filters and bool(filters["disagreement"]) != row.disagreement:
            continue
        result.append(row)
    return result


def sort_rows(rows: list[RankRow], key: str = "score", descending: bool = True) -> list[RankRow]:
    """``rows`` sorted by ``key`` (see :data:`SORT_KEYS`); rows without a value come last either way,
    ties by reference."""
    if key not in SORT_KEYS:
        raise ValueError(f"unknown sort key {key!r}")
    getter = SORT_KEYS[key]
    present = [row for row in rows if getter(row) is not None]
    missing = [row for row in rows if getter(row) is None]
    present.sort(key=lambda row: row.application.reference)
    present.sort(key=getter, reverse=descending)
    missing.sort(key=lambda row: row.application.reference)
    return present + missing
