"""Fixtures of the editions tests: the seed edition with a part of every kind present (assignments, surveys,
certificate rules, review phases and criteria, admission settings, mail templates, booklet settings) and some
personal rows (an application, a participant, a reviewer) that a clone must never copy; the people who may and
may not clone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from campus.admissions.models import AdmissionSettings
from campus.applications.models import Call
from campus.booklet.models import BookletSettings
from campus.certificates.models import CertificateRule
from campus.cohort.models import Participant
from campus.communications.models import MailTemplate
from campus.coursework.models import Assignment
from campus.feedback.models import Question as SurveyQuestion
from campus.feedback.models import Survey
from campus.programme.models import Module
from campus.review.models import Criterion, ReviewPhase
from campus.team.models import Role, TeamMembership

BERLIN = ZoneInfo("Europe/Berlin")


def person(email, *, staff=True, **extra):
    return get_user_model().objects.create_user(email=email, password="a-long-password-1", is_staff=staff,
                                                full_name=email.split("@")[0].title(), **extra)


def enrich(edition, *, surveys=2, templates=("application_received", "offer_made")):
    """Add a row of every clonable kind to ``edition`` (and personal rows that must stay behind)."""
    call = Call.objects.get(edition=edition)
    modules = list(Module.objects.filter(edition=edition).order_by("number"))
    ReviewPhase.objects.create(call=call, name="First reading", order=1, blind=True)
    ReviewPhase.objects.create(call=call, name="Second reading", order=2)
    for i, name in enumerate(("Motivation", "Experience", "Cluster"), start=1):
        Criterion.objects.create(call=call, name=name, weight=i, order=i)
    AdmissionSettings.objects.create(call=call, offer_reply_days=10, contact_name="Anna Admission",
                                     release_at=datetime(2020, 5, 29, 9, 0, tzinfo=ZoneInfo(call.timezone)),
                                     released_at=datetime(2020, 5, 29, 9, 0, tzinfo=ZoneInfo(call.timezone)))
    for event in templates:
        MailTemplate.objects.create(edition=edition, event=event, subject=f"Subject of {event}", body="Dear {name},")
    for module in modules:
        Assignment.objects.create(module=module, title=f"Reflect on module {module.number}", brief="Write.",
                                  due_at=datetime(module.ends_on.year, module.ends_on.month, module.ends_on.day, 23, 59,
                                                  tzinfo=ZoneInfo(module.timezone)), published=True, closed=True)
    for i in range(surveys):
        module = modules[i % len(modules)] if i % 2 == 0 else None
        survey = Survey.objects.create(edition=edition, module=module, title=f"Survey {i}", state=Survey.State.CLOSED,
                                       opens_at=datetime(2020, 11, 6, 12, 0, tzinfo=BERLIN),
                                       closes_at=datetime(2020, 11, 20, 12, 0, tzinfo=BERLIN))
        for order in range(3):
            SurveyQuestion.objects.create(survey=survey, order=order, kind="likert", text=f"Question {order}")
    CertificateRule.objects.create(edition=edition, criterion="meetups_attended", parameters={"minimum": 6})
    BookletSettings.objects.create(edition=edition, introduction="Meet the cohort.", published=True)
    # personal rows: never copied
    pia = person("pia.participant@example.org", staff=False)
    Participant.objects.create(edition=edition, user=pia)
    TeamMembership.objects.create(edition=edition, user=person("rui.reviewer@example.org"), role=Role.REVIEWER)
    return edition


@pytest.fixture
def rich(seeded):
    return enrich(seeded)


@pytest.fixture
def manager(seeded):
    user = person("mia.manager@example.org")
    TeamMembership.objects.create(edition=seeded, user=user, role=Role.MANAGER)
    return user


@pytest.fixture
def programme_team():
    user = person("pat.team@example.org")
    user.groups.add(Group.objects.get(name="Programme team"))
    return user


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


def shifted_weeks(weeks):
    return timedelta(weeks=weeks)
