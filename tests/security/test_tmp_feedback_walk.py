import pytest
from . import test_matrix as tm
from .matrix import MATRIX

pytestmark = pytest.mark.django_db

@pytest.mark.parametrize("role", tm.ROLES)
def test_walk(role, world, clients, monkeypatch):
    mine = {k: v for k, v in MATRIX.items() if k.startswith(("feedback:", "staff_feedback:", "cohort:"))}
    monkeypatch.setattr(tm, "MATRIX", mine)
    assert len(mine) == 16, sorted(mine)
    tm.test_the_matrix.__wrapped__(role, world, clients) if hasattr(tm.test_the_matrix, "__wrapped__") else tm.test_the_matrix(role, world, clients)
