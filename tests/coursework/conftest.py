"""Fixtures of coursework: the seed edition's first two modules, their leads, a manager, two participants (A and
B), an assignment of module 1 and one of module 2, and PDFs to upload."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from campus.coursework import services
from campus.programme.models import Module
from campus.team.models import TeamMembership
from tests.cohort.conftest import make_participant
from tests.interviews.conftest import make_person
from tests.security.world import pdf

Role = TeamMembership.Role


def upload(name="answer.pdf", text="My answer"):
    return SimpleUploadedFile(name, pdf(text), content_type="application/pdf")


def detected(name="answer.pdf", text="My answer"):
    from campus.core.files import validate_document

    content = upload(name, text)
    return validate_document(content), content


@pytest.fixture
def edition(seeded):
    return seeded


@pytest.fixture
def module1(edition):
    return Module.objects.filter(edition=edition).order_by("number")[0]


@pytest.fixture
def module2(edition):
    return Module.objects.filter(edition=edition).order_by("number")[1]


@pytest.fixture
def lead1(edition, module1):
    user = make_person("lea.lead@example.org", edition=edition)
    TeamMembership.objects.create(edition=edition, user=user, role=Role.MODULE_LEAD, module=module1)
    return user


@pytest.fixture
def lead2(edition, module2):
    user = make_person("leo.lead@example.org", edition=edition)
    TeamMembership.objects.create(edition=edition, user=user, role=Role.MODULE_LEAD, module=module2)
    return user


@pytest.fixture
def manager(edition):
    return make_person("mia.manager@example.org", Role.MANAGER, edition=edition)


@pytest.fixture
def alice(edition):
    return make_participant(edition, "alice@example.org", given="Alice", family="Aalto")


@pytest.fixture
def bob(edition):
    return make_participant(edition, "bob@example.org", given="Bob", family="Berg")


def make_assignment(module, actor, *, title="Map your cluster", due_in=timedelta(days=7), **extra):
    options = {"reopen": "until_accepted", "published": True, **extra}
    return services.save_assignment(module=module, actor=actor, title=title, brief="Draw **the map**.",
                                    due_at=timezone.now() + due_in, **options)


@pytest.fixture
def assignment(module1, lead1):
    return make_assignment(module1, lead1)


@pytest.fixture
def assignment2(module2, lead2):
    return make_assignment(module2, lead2, title="Strategy canvas")
