"""Certificates of an edition: the rules (which registered criteria, with which parameters), the issuer's
signing key and the certificates issued, each with a verification code and its signed credential."""

from django.conf import settings
from django.db import models

from campus.cohort.models import Participant
from campus.core.models import TimeStampedModel
from campus.programme.models import Edition


class CertificateRule(TimeStampedModel):
    """One criterion of an edition's rules (``criterion``: a key of ``campus.core.plugins.criteria``)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="certificate_rules")
    criterion = models.CharField(max_length=60)
    parameters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["edition", "pk"]
        constraints = [models.UniqueConstraint(fields=["edition", "criterion"], name="certificate_rule_once")]

    def __str__(self) -> str:
        return f"{self.criterion} ({self.edition})"


class IssuerKey(TimeStampedModel):
    """The issuer's Ed25519 key pair, generated once (``services.issuer_key``) and kept in the database. The
    public part is published at /certificates/issuer/; the secret part never leaves the server."""

    name = models.CharField(max_length=30, unique=True)
    public_multikey = models.CharField(max_length=80)
    secret_multikey = models.CharField(max_length=80)

    def __str__(self) -> str:
        return f"key {self.name}"


class Certificate(TimeStampedModel):
    class State(models.TextChoices):
        VALID = "valid", "Valid"
        REVOKED = "revoked", "Revoked"
        ERASED = "erased", "Erased"

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="certificates")
    participant = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="certificates")
    code = models.CharField(max_length=10, unique=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.VALID)
    # What the certificate says, as it was when issued (the credential signs these words).
    holder_name = models.CharField(max_length=200, blank=True)
    programme_name = models.CharField(max_length=200)
    edition_name = models.CharField(max_length=80)
    issued_on = models.DateField()
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    by_hand = models.BooleanField(default=False, help_text="Issued by a manager although the rules are not met.")
    note = models.TextField(blank=True)
    key = models.ForeignKey(IssuerKey, on_delete=models.PROTECT, related_name="certificates")
    credential = models.JSONField(default=dict, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    revoke_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["edition", "holder_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "participant"], condition=models.Q(state="valid"),
                                    name="certificate_one_valid_per_participant"),
        ]

    def __str__(self) -> str:
        return f"certificate {self.grouped_code}"

    @property
    def grouped_code(self) -> str:
        return f"{self.code[:5]}-{self.code[5:]}"
