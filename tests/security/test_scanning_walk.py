"""Signal scanning's part of the permission matrix, walked on its own (the whole walk is slow), with the group
signal's own leak check: ``GROUP_SECRET`` (Sigrid's signal shared with her coaching group, and a comment on it)
reaches the module lead, the manager and the superuser (the cohort's work, on /staff/signals/) and nobody else of
the world: not the participant (another group), not a reviewer, an applicant or a visitor."""

import pytest

from . import matrix  # noqa: F401 - first: it merges matrix_scanning (imported alone, the import would loop)
from .http import ask, mismatch, visible
from .matrix_scanning import MATRIX
from .world import ROLES
from .world_scanning import GROUP_SECRET

pytestmark = pytest.mark.django_db

READERS = {"lead", "manager", "superuser"}


@pytest.mark.parametrize("role", ROLES)
def test_scanning_cells(role, world, clients):
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
                if GROUP_SECRET in visible(response, data):
                    seen = True
                    if role not in READERS:
                        failures.append(f"{role} {method} {url} ({key}): LEAK of the group's signal")
    if role in READERS and not seen:
        failures.append(f"{role} never saw the group's signal on the staff pages: the leak check is blind")
    assert not failures, "\n".join(failures)
