"""The cohort: accepting an offer makes the participant record of the edition, once."""

import pytest

from campus.admissions import services as admissions
from campus.admissions.models import Offer
from campus.cohort import services
from campus.cohort.models import Participant
from campus.core.models import ActivityLog
from tests.admissions.conftest import bulk_applications, team_manager  # noqa: F401
from tests.applications.conftest import call  # noqa: F401


def test_enrol_is_idempotent(call):  # noqa: F811
    application = bulk_applications(call, 1)[0]
    first = services.enrol(application=application)
    assert services.enrol(application=application) == first
    assert Participant.objects.count() == 1
    assert ActivityLog.objects.filter(action="cohort.enrolled").count() == 1


def test_accepting_an_offer_enrols_through_the_signal(call, team_manager):  # noqa: F811
    application = bulk_applications(call, 1)[0]
    admissions.stage_decisions(call=call, decisions={application.pk: ("admit", None)}, actor=team_manager)
    admissions.release(call=call, actor=team_manager)
    offer = Offer.objects.get()
    assert not Participant.objects.exists()
    admissions.accept_offer(offer=offer, actor=application.applicant)
    participant = Participant.objects.get()
    assert (participant.user_id, participant.edition_id, participant.application_id) == (
        application.applicant_id, call.edition_id, application.pk)


def test_a_failing_enrolment_rolls_the_acceptance_back(call, team_manager, monkeypatch):  # noqa: F811
    application = bulk_applications(call, 1)[0]
    admissions.stage_decisions(call=call, decisions={application.pk: ("admit", None)}, actor=team_manager)
    admissions.release(call=call, actor=team_manager)

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "enrol", broken)
    with pytest.raises(RuntimeError):
        admissions.accept_offer(offer=Offer.objects.get(), actor=application.applicant)
    assert Offer.objects.get().state == "open"
