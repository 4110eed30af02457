"""The certificates' objects in the security world: the participant ("Pia Participant") holds a certificate
issued by hand, whose note (staff only) carries the applicant's secret marker; a second participant's
certificate is revoked with a reason that carries it too. The public verification page must show neither."""

from django.contrib.auth import get_user_model

from campus.certificates import services
from campus.cohort.models import Participant

from .world import SECRET


def extend(world) -> None:
    edition = world.call.edition
    manager = world.users["manager"]
    participant = Participant.objects.get(edition=edition, user=world.users["participant"])
    valid = services.issue_by_hand(participant=participant, note=f"By hand: {SECRET}", actor=manager)
    other_user = get_user_model().objects.create_user(email="rita.revoked@example.org", password="a-long-password-1",
                                                      full_name="Rita Revoked")
    other = Participant.objects.create(edition=edition, user=other_user)
    revoked = services.issue_by_hand(participant=other, note="By hand", actor=manager)
    services.revoke(certificate=revoked, reason=f"Revoked: {SECRET}", actor=manager)
    world.values.update(
        cert_edition=edition.pk, certificate=valid.pk, cert_code=valid.code, revoked_certificate=revoked.pk,
        revoked_code=revoked.code, cert_participant=participant.pk, cert_other_participant=other.pk,
    )
