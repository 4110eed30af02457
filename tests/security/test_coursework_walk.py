"""Coursework's part of the permission matrix, walked on its own (the whole walk is slow), with one more leak
check: the participant's own words (``PARTICIPANT_SECRET``) reach nobody but the participant and the staff who
lead the module (its attempt's reader); never an applicant, another person, a reviewer or a visitor."""

import pytest

from . import matrix  # noqa: F401 - first: it merges matrix_coursework (imported alone, the import would loop)
from .http import ask, mismatch, visible
from .matrix_coursework import MATRIX
from .world import ROLES
from .world_coursework import PARTICIPANT_SECRET, SHARED_SECRET

pytestmark = pytest.mark.django_db

READERS = {"participant", "lead", "manager", "superuser"}


@pytest.mark.parametrize("role", ROLES)
def test_coursework_cells(role, world, clients):
    client = clients[role]
    failures = []
    for key, cases in MATRIX.items():
        for case in cases:
            url = case.url.format(**world.values)
            for method in ("GET", "POST"):
                expected = case.expected(method, role, world.values)
                response, data = ask(client, method, url, case.data if method == "POST" else None)
                problem = mismatch(expected, response, data, url)
                if problem:
                    failures.append(f"{role} {method} {url} ({key}): {problem}")
                if role not in READERS and PARTICIPANT_SECRET in visible(response, data):
                    failures.append(f"{role} {method} {url} ({key}): LEAK of the participant's words")
    assert not failures, "\n".join(failures)


def test_the_private_entry_reaches_no_staff(world, clients):
    for role in ("lead", "manager", "superuser"):
        for url in ("/staff/coursework/journal/", "/staff/coursework/"):
            response, data = ask(clients[role], "GET", url, None)
            assert PARTICIPANT_SECRET not in visible(response, data), (role, url)


def test_the_leak_check_is_not_blind(world, clients):
    """The marker is where it belongs: the participant's journal and the lead's review page."""
    response, data = ask(clients["participant"], "GET", "/me/coursework/journal/", None)
    assert PARTICIPANT_SECRET in visible(response, data)
    url = "/staff/coursework/attempts/{cw_attempt}/".format(**world.values)
    response, data = ask(clients["lead"], "GET", url, None)
    assert PARTICIPANT_SECRET in visible(response, data)


def test_the_shared_entry_reaches_the_modules_lead_only(world, clients):
    """Shared with module 1: its lead reads it; the edition's manager and a superuser, who lead no module by a
    role of their own, do not (neither in the list nor on the entry's page)."""
    urls = ("/staff/coursework/journal/", "/staff/coursework/journal/{cw_shared}/".format(**world.values))
    for role in ROLES:
        for url in urls:
            response, data = ask(clients[role], "GET", url, None)
            assert (SHARED_SECRET in visible(response, data)) is (role == "lead"), (role, url)
