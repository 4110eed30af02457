"""The radars' people (alice and bob in coaching group 1, carol in group 2, dan of another cohort, a module lead
and a manager) and a few signals."""

import pytest

from campus.scanning import services
from tests.radars.conftest import PASSWORD, edition, people, radar  # noqa: F401

__all__ = ["PASSWORD"]


@pytest.fixture
def signals(people, edition):
    p = people
    make = services.create_signal
    return {
        "private": make(actor=p["alice"], edition=edition, title="Alice private hydrogen", why="secret why",
                        impact=5, uncertainty=1),
        "group": make(actor=p["alice"], edition=edition, title="Group heat pumps", visibility="group",
                      group=p["g1"], impact=4, uncertainty=4),
        "carol": make(actor=p["carol"], edition=edition, title="Carol group-2 batteries", visibility="group",
                      group=p["g2"]),
        "dan": make(actor=p["dan"], edition=p["other"], title="Dan other cohort", visibility="cohort"),
    }


@pytest.fixture
def login(client):
    def as_(user):
        client.force_login(user)
        return client
    return as_
