"""Coaching's part of the permission matrix, walked on its own (the whole walk is slow), with the notes' own
leak checks: group A's notes (``NOTES_SECRET``) reach only the participant, a member of group A (never staff,
not even a manager or a superuser, and never in an export); group B's notes reach no role at all."""

import pytest

from . import matrix  # noqa: F401 - first: it merges matrix_coaching (imported alone, the import would loop)
from .http import ask, mismatch, visible
from .matrix_coaching import MATRIX
from .world import ROLES
from .world_coaching import NOTES_SECRET, OTHER_NOTES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_coaching_cells(role, world, clients):
    client = clients[role]
    failures, seen = [], False
    for key, cases in MATRIX.items():
        for case in cases:
            url = case.url.format(**world.values)
            for method in ("GET", "POST"):
                expected = case.expected(method, role, world.values)
                response, data = ask(client, method, url, case.data if method == "POST" else None)
                problem = mismatch(expected, response, data, url)
                if problem:
                    failures.append(f"{role} {method} {url} ({key}): {problem}")
                shown = visible(response, data)
                if OTHER_NOTES in shown:
                    failures.append(f"{role} {method} {url}: LEAK: group B's notes")
                if NOTES_SECRET in shown:
                    seen = True
                    if role != "participant":
                        failures.append(f"{role} {method} {url}: LEAK: group A's notes")
    if role == "participant" and not seen:
        failures.append("the participant never saw their own group's notes: the leak check is blind")
    assert not failures, "\n".join(failures)
