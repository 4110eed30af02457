"""The radars' people (alice and bob in coaching group 1, carol in group 2, dan of another cohort, a module lead
and a manager) and alice's SWOT canvas with a note in each box."""

import pytest

from campus.canvases import services
from campus.canvases.models import CanvasType
from tests.radars.conftest import PASSWORD, edition, people  # noqa: F401
from tests.scanning.conftest import login  # noqa: F401

__all__ = ["PASSWORD"]


@pytest.fixture
def swot_type(db):
    return CanvasType.objects.get(key="swot")


@pytest.fixture
def swot(people, edition, swot_type):
    """alice's private SWOT: one note per box (S, W, O, T)."""
    alice = people["alice"]
    canvas = services.create_canvas(actor=alice, edition=edition, canvas_type=swot_type, title="Alice SWOT")
    for box, text in zip(swot_type.boxes.order_by("order"), ("Strong members", "Thin staff", "EU funding",
                                                              "Rival cluster"), strict=True):
        services.add_item(canvas=canvas, actor=alice, box_id=box.pk, text=text)
    return canvas


def box(canvas, key):
    return canvas.canvas_type.boxes.get(key=key)
