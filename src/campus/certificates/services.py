"""The only place that changes certificates: the edition's rules, issuing (to one participant, to all who
qualify, or by hand with a note), revoking, and emptying a certificate when its holder is erased. Keyword-only
arguments, one transaction each, the activity log written, the mail queued through the outbox."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from campus.communications import services as outbox
from campus.core import content_version
from campus.core.activity import log_activity
from campus.core.plugins import criteria as registry
from campus.programme.models import Edition

from . import codes, credential, proof, selectors, states
from .models import Certificate, CertificateRule, IssuerKey

S = Certificate.State
MAIL_EVENT = "certificate_issued"
KEY_NAME = "1"


class CertificateError(Exception):
    """A request that cannot be done; the message says why, in words for the person who asked."""


# --- the issuer's key ------------------------------------------------------------------------------------


def issuer_key() -> IssuerKey:
    """The issuer's signing key, generated the first time it is needed and kept from then on."""
    key = IssuerKey.objects.filter(name=KEY_NAME).first()
    if key is not None:
        return key
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    try:
        with transaction.atomic():
            key = IssuerKey.objects.create(name=KEY_NAME, secret_multikey=proof.secret_multikey(private),
                                           public_multikey=proof.public_multikey(private.public_key()))
            log_activity(action="certificates.key_created", target=key, actor=None)
    except IntegrityError:  # another process made it first: that one is the key
        key = IssuerKey.objects.get(name=KEY_NAME)
    return key


def issuer_name() -> str:
    return getattr(settings, "CERTIFICATES_ISSUER_NAME", "") or "Cluster Campus"


# --- rules ------------------------------------------------------------------------------------------------


def save_rules(*, edition, chosen: dict[str, dict], actor) -> list[CertificateRule]:
    """Make the edition's rules exactly ``chosen`` ({criterion key: parameters}); unknown keys are refused."""
    for key in chosen:
        if registry.get(key) is None:
            raise CertificateError(f"There is no criterion {key!r}.")
    with transaction.atomic():
        Edition.objects.select_for_update().get(pk=edition.pk)
        CertificateRule.objects.filter(edition=edition).exclude(criterion__in=list(chosen)).delete()
        rows = []
        for key, parameters in chosen.items():
            row, _ = CertificateRule.objects.update_or_create(
                edition=edition, criterion=key, defaults={"parameters": dict(parameters)})
            rows.append(row)
        log_activity(action="certificates.rules_saved", target=edition, actor=actor,
                     rules={key: dict(parameters) for key, parameters in chosen.items()})
    return rows


# --- issuing ----------------------------------------------------------------------------------------------


def holder_name_of(participant) -> str:
    user = participant.user
    return (user.full_name or " ".join(p for p in (user.given_name, user.family_name) if p)).strip()


def _issue_one(*, edition, participant, actor, by_hand: bool, note: str, criteria_text: str, key,
               base: str) -> Certificate:
    name = holder_name_of(participant)
    if not name:
        raise CertificateError(f"{participant.user.email} has no name on their account: a certificate needs one.")
    now = timezone.now().replace(microsecond=0)
    code = codes.new_code()
    while Certificate.objects.filter(code=code).exists():  # 50 random bits: practically never
        code = codes.new_code()
    programme_name = edition.programme.name
    document = credential.build(
        base=base, code=code, holder_name=name, programme_name=programme_name, edition_name=edition.name,
        edition=edition, issued_at=now, criteria_text=criteria_text, issuer_name=issuer_name())
    signed = credential.sign(document, key=key, base=base, created=now)
    certificate = Certificate.objects.create(
        edition=edition, participant=participant, code=code, holder_name=name, programme_name=programme_name,
        edition_name=edition.name, issued_on=now.date(), issued_at=now,
        issued_by=actor if getattr(actor, "is_authenticated", False) else None,
        by_hand=by_hand, note=note, key=key, credential=signed)
    log_activity(action="certificates.issued", target=certificate, actor=actor, participant=participant.pk,
                 code=code, by_hand=by_hand)
    outbox.compose(
        event=MAIL_EVENT, edition=edition, to_user=participant.user, dedupe_key=f"{MAIL_EVENT}:{certificate.pk}",
        related=certificate, actor=actor, send=True,
        context={"name": name, "certificate_url": base + reverse("certificates_me:home"),
                 "verify_url": base + reverse("certificates:verify", kwargs={"code": code}),
                 "code": codes.grouped(code)})
    return certificate


def issue(*, edition, actor, participant_ids=None) -> list[Certificate]:
    """A certificate to each participant of ``edition`` (or of ``participant_ids``) who qualifies and holds no
    valid one yet. Run again (a double click, a retry), it issues nothing twice."""
    key = issuer_key()
    base = outbox.site_url()
    issued = []
    with transaction.atomic():
        edition = Edition.objects.select_for_update().select_related("programme").get(pk=edition.pk)
        participants = list(selectors.cohort.participants_of(edition))
        if participant_ids is not None:
            wanted = set(participant_ids)
            participants = [p for p in participants if p.pk in wanted]
        rules, lines = selectors.preview(edition, participants)
        if not selectors.active_rules(rules):
            raise CertificateError("The edition has no rules yet: set them first (or issue by hand with a note).")
        text = "; ".join(rule.text for rule in selectors.active_rules(rules))
        for line in lines:
            if line.qualifies and not (line.certificate and line.certificate.state == S.VALID):
                issued.append(_issue_one(edition=edition, participant=line.participant, actor=actor, by_hand=False,
                                         note="", criteria_text=text, key=key, base=base))
    return issued


def issue_by_hand(*, participant, note: str, actor) -> Certificate:
    """A certificate to ``participant`` whatever the rules say, with the manager's ``note`` (required)."""
    note = (note or "").strip()
    if not note:
        raise CertificateError("Say why the certificate is issued although the rules are not met.")
    key = issuer_key()
    base = outbox.site_url()
    with transaction.atomic():
        edition = Edition.objects.select_for_update().select_related("programme").get(pk=participant.edition_id)
        if Certificate.objects.filter(edition=edition, participant=participant, state=S.VALID).exists():
            raise CertificateError("This participant already holds a valid certificate.")
        text = selectors.criteria_text(edition)
        return _issue_one(edition=edition, participant=participant, actor=actor, by_hand=True, note=note,
                          criteria_text=text, key=key, base=base)


def revoke(*, certificate, reason: str, actor) -> Certificate:
    """Revoke ``certificate``: its URL stays and says "revoked" with the date; the reason stays internal."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError("Give the reason for revoking the certificate.")
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.state == S.REVOKED:
            return certificate  # a second click: already done
        try:
            states.transition(certificate, S.REVOKED)
        except states.TransitionError as error:
            raise CertificateError(str(error)) from error
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = actor if getattr(actor, "is_authenticated", False) else None
        certificate.revoke_reason = reason
        certificate.save(update_fields=["state", "revoked_at", "revoked_by", "revoke_reason", "updated_at"])
        log_activity(action="certificates.revoked", target=certificate, actor=actor, reason=reason)
        content_version.bump()  # no process keeps serving the cached "valid" answer
    return certificate


def erase(*, certificate_ids) -> int:
    """Privacy erasure: the certificates are emptied (name, signed credential, notes) and marked erased; the
    row keeps its code, edition and date (how many certificates an edition issued stays true), and the public
    URL answers "not found", as for a code that never existed."""
    count = 0
    with transaction.atomic():
        for certificate in Certificate.objects.select_for_update().filter(pk__in=list(certificate_ids)):
            if certificate.state != S.ERASED:
                states.transition(certificate, S.ERASED)
            certificate.holder_name = ""
            certificate.credential = {}
            certificate.note = ""
            certificate.revoke_reason = ""
            certificate.participant = None
            certificate.save()
            log_activity(action="certificates.erased", target=certificate, actor=None)
            count += 1
        if count:
            content_version.bump()
    return count


def forget_staff_member(*, user) -> int:
    """Erasure of a team member: the certificates they issued or revoked name nobody instead."""
    with transaction.atomic():
        return (Certificate.objects.filter(issued_by=user).update(issued_by=None)
                + Certificate.objects.filter(revoked_by=user).update(revoked_by=None))
