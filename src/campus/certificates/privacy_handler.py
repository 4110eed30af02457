"""What the certificates app holds about a person, for subject access and erasure (registered in plugin.py):
a participant's certificates. Runs before the cohort's handler (which deletes the participant rows)."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso

from . import codes, services
from .models import Certificate


def certificates_of(person: Person) -> list:
    if person.user is None:
        return []
    return list(Certificate.objects.filter(participant__user=person.user)
                .exclude(state=Certificate.State.ERASED).order_by("issued_at", "id"))


class CertificatesHandler(PrivacyHandler):
    key, order = "certificates", 75

    def export(self, person: Person):
        certificates = certificates_of(person)
        person.add_targets(certificates)
        return {"certificates": [
            {"code": codes.grouped(c.code), "name": c.holder_name, "programme": c.programme_name,
             "edition": c.edition_name, "issued_on": c.issued_on.isoformat(), "state": c.state,
             "revoked_at": iso(c.revoked_at), "credential": c.credential}
            for c in certificates
        ]}, []

    def summary(self, subject):
        if subject.user is None:
            return {}
        count = Certificate.objects.filter(participant__user=subject.user).exclude(
            state=Certificate.State.ERASED).count()
        return {"certificates": count} if count else {}

    def plan(self, person: Person):
        certificates = certificates_of(person)
        person.add_targets(certificates)
        return certificates

    def describe(self, part, person):
        return [Section("Certificates", "name and signed credential deleted; the verification address says "
                        "\"not found\"", [f"{codes.grouped(c.code)} ({c.programme_name} {c.edition_name})"
                                          for c in part], order=79)]

    def erase(self, part, person):
        staff = services.forget_staff_member(user=person.user) if person.user is not None else 0
        return {"certificates": services.erase(certificate_ids=[c.pk for c in part]), "certificate_staff_actions": staff}
