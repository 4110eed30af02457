"""One walk of the permission matrix per role, shared by the tests that read the same answers.

``test_matrix.py`` (the status of every cell, leaks, security headers, the admin's pages) and
``test_private_pages.py`` (``Cache-Control: private, no-store`` for a signed-in person) send exactly the same
requests: every URL of the matrix, GET and POST, and every page of every model in the admin, GET, as a role, in
the world of the security package (tests/security/conftest.py). Each request runs in a savepoint that is rolled
back, with the caches emptied and the client's cookies put back (``http.ask``), so an answer depends only on the
role, the request and the world: the walk is made once per role (by whichever test needs it first) and each test
checks every answer, exactly as when it asked itself. The walk with the second factor required
(test_staff_mfa_everywhere.py) runs with other settings and asks on its own.

Kept: the status, the headers and the body of every answer (not Django's test-client extras: templates,
contexts, the request), so the shared walk is cheap to hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.datastructures import CaseInsensitiveMapping

from .http import ask
from .matrix import MATRIX, Case
from .urlwalk import admin_urls


class Answer:
    """What the site answered: ``status_code``, headers (``answer["Location"]``, ``.get()``, ``.items()``) and
    the body, read whole (streams included)."""

    streaming = False

    def __init__(self, response, data: bytes):
        self.status_code = response.status_code
        self.headers = CaseInsensitiveMapping(dict(response.items()))
        self.content = data

    def __getitem__(self, name):
        return self.headers[name]

    def get(self, name, default=None):
        return self.headers.get(name, default)

    def items(self):
        return self.headers.items()


@dataclass(frozen=True)
class Cell:
    key: str
    case: Case
    method: str
    url: str
    answer: Answer
    data: bytes


@dataclass(frozen=True)
class AdminPage:
    model: str
    page: str
    url: str
    has_object: bool
    answer: Answer
    data: bytes


@dataclass
class Walk:
    cells: list[Cell] = field(default_factory=list)  # the matrix, in its order
    admin: list[AdminPage] = field(default_factory=list)  # every page of every admin model, GET


def walk_as(world, client) -> Walk:
    """Ask everything of the matrix and the admin as ``client`` (signed in as one role, or anonymous)."""
    result = Walk()
    for key, cases in MATRIX.items():
        for case in cases:
            url = case.url.format(**world.values)
            for method in ("GET", "POST"):
                response, data = ask(client, method, url, case.data if method == "POST" else None)
                result.cells.append(Cell(key, case, method, url, Answer(response, data), data))
    for model, (pages, has_object) in admin_urls(world).items():
        for page, url in pages.items():
            response, data = ask(client, "GET", url)
            result.admin.append(AdminPage(model, page, url, has_object, Answer(response, data), data))
    return result
