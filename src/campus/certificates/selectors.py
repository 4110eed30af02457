"""Reads of the certificates app: an edition's rules, the preview of who qualifies and why not, the
certificates of an edition and of a participant. Every list takes a fixed number of queries, whatever the
cohort's size (each criterion answers for the whole cohort at once: ``campus.core.plugins.criteria``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from campus.cohort import selectors as cohort
from campus.cohort.models import Participant
from campus.core.plugins import criteria as registry
from campus.programme.models import Edition

from .models import Certificate, CertificateRule


@dataclass
class Rule:
    row: CertificateRule
    criterion: registry.Criterion | None  # None: the app that registered it is gone

    @property
    def parameters(self) -> dict:
        defaults = {p.name: p.default for p in (self.criterion.parameters if self.criterion else ())}
        return {**defaults, **(self.row.parameters or {})}

    @property
    def text(self) -> str:
        if self.criterion is None:
            return f"{self.row.criterion} (no longer available: this rule is ignored)"
        return self.criterion.describe(self.parameters)


@dataclass
class Line:
    """One participant in the preview: each rule's verdict, and their certificate if they hold one."""

    participant: object
    verdicts: list = field(default_factory=list)  # [(Rule, Verdict)]
    certificate: Certificate | None = None

    @property
    def qualifies(self) -> bool:
        return bool(self.verdicts) and all(verdict.met for _rule, verdict in self.verdicts)

    @property
    def missing(self) -> list[str]:
        return [verdict.reason for _rule, verdict in self.verdicts if not verdict.met]


def rules_of(edition) -> list[Rule]:
    """The edition's rules that still have a registered criterion come first; forgotten ones are shown, ignored."""
    return [Rule(row, registry.get(row.criterion)) for row in CertificateRule.objects.filter(edition=edition)]


def active_rules(rules: list[Rule]) -> list[Rule]:
    return [rule for rule in rules if rule.criterion is not None]


def criteria_text(edition) -> str:
    return "; ".join(rule.text for rule in active_rules(rules_of(edition)))


def certificates_of(edition):
    return (Certificate.objects.filter(edition=edition).exclude(state=Certificate.State.ERASED)
            .select_related("participant__user").order_by("holder_name", "pk"))


def current_certificates(edition) -> dict[int, Certificate]:
    """participant id -> their valid certificate, else their latest revoked one (one query)."""
    found: dict[int, Certificate] = {}
    rows = (Certificate.objects.filter(edition=edition, participant__isnull=False)
            .exclude(state=Certificate.State.ERASED).order_by("participant_id", "-issued_at", "-pk"))
    for certificate in rows:
        current = found.get(certificate.participant_id)
        if current is None or (certificate.state == Certificate.State.VALID and current.state != certificate.state):
            found[certificate.participant_id] = certificate
    return found


def evaluate(edition, participants: list, rules: list[Rule]) -> dict[int, list]:
    """participant id -> [(Rule, Verdict)] for every active rule (each criterion asked once, for all)."""
    verdicts: dict[int, list] = {p.pk: [] for p in participants}
    for rule in active_rules(rules):
        answers = rule.criterion.evaluate(edition, participants, rule.parameters)
        for participant in participants:
            verdict = answers.get(participant.pk) or registry.Verdict(False, "No answer for this participant.")
            verdicts[participant.pk].append((rule, verdict))
    return verdicts


def preview(edition, participants=None) -> tuple[list[Rule], list[Line]]:
    """Every participant of ``edition`` (or those given), whether they qualify and why not."""
    rules = rules_of(edition)
    participants = list(cohort.participants_of(edition) if participants is None else participants)
    verdicts = evaluate(edition, participants, rules)
    held = current_certificates(edition)
    return rules, [Line(p, verdicts[p.pk], held.get(p.pk)) for p in participants]


def line_for(participant) -> tuple[list[Rule], Line]:
    rules, lines = preview(participant.edition, [participant])
    return rules, lines[0]


def by_code(code: str) -> Certificate | None:
    return Certificate.objects.filter(code=code).first()


def edition_or_none(pk) -> Edition | None:
    return Edition.objects.select_related("programme").filter(pk=pk).first()


def certificate_or_none(pk) -> Certificate | None:
    return Certificate.objects.select_related("edition__programme", "participant__user").filter(pk=pk).first()


def participant_of(edition, pk) -> Participant | None:
    """The participant ``pk`` of ``edition`` with their account; None for anyone else's."""
    return Participant.objects.select_related("user").filter(pk=pk, edition=edition).first()


def valid_certificate_of(participant) -> Certificate | None:
    """The newest valid certificate of ``participant``."""
    return (Certificate.objects.filter(participant=participant, state=Certificate.State.VALID)
            .order_by("-issued_at").first())
