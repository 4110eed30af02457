"""The radars' people (alice and bob in coaching group 1, carol in group 2, dan of another cohort, a module lead
and a manager), alice's radar, and a board of group 1 aimed at it."""

import pytest

from campus.assessment import services
from tests.radars.conftest import PASSWORD, edition, people, radar  # noqa: F401
from tests.scanning.conftest import login, signals  # noqa: F401

__all__ = ["PASSWORD"]


@pytest.fixture
def board(people, edition, radar):
    """Coaching group 1's board (alice made it), aimed at alice's radar."""
    return services.create_board(actor=people["alice"], edition=edition, title="Group 1 board", target_radar=radar,
                                 owner_kind="group", visibility="group", group=people["g1"])


@pytest.fixture
def card(board, people):
    return services.add_card(board=board, actor=people["alice"], title="Heat pumps", trl=6,
                             trl_evidence="Pilot at two members")
