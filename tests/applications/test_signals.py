"""The domain signal ``application_withdrawn``: sent once by the withdrawal, inside its transaction."""

import pytest

from campus.applications import services
from campus.applications.models import Application
from campus.applications.signals import application_withdrawn
from tests.applications.staff_factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(call):
    return make_application(call, email="aino@example.fi")


@pytest.fixture
def applicant(submitted):
    return submitted.applicant


def test_withdrawing_sends_application_withdrawn_once(submitted, applicant):
    received = []

    def receiver(sender, application, actor, **kwargs):
        received.append((sender, application.pk, application.state, actor))

    application_withdrawn.connect(receiver, dispatch_uid="test.withdrawn")
    try:
        services.withdraw(application=submitted, actor=applicant)
        services.withdraw(application=submitted, actor=applicant)  # a second withdrawal sends nothing
    finally:
        application_withdrawn.disconnect(dispatch_uid="test.withdrawn")
    assert received == [(Application, submitted.pk, Application.State.WITHDRAWN, applicant)]


def test_a_failing_receiver_rolls_the_withdrawal_back(submitted, applicant):
    def receiver(**kwargs):
        raise RuntimeError("an app above refused")

    application_withdrawn.connect(receiver, dispatch_uid="test.refuses")
    try:
        with pytest.raises(RuntimeError):
            services.withdraw(application=submitted, actor=applicant)
    finally:
        application_withdrawn.disconnect(dispatch_uid="test.refuses")
    submitted.refresh_from_db()
    assert submitted.state == Application.State.SUBMITTED
