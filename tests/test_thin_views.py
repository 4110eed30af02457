"""The views of the apps that run an edition stay thin (DESIGN.md: views pick a selector and render): no ORM
read (``Model.objects``) or hand-built query (``.filter(`` / ``.count()`` on a relation) inside them; the reads
live in each app's ``selectors.py``, where their query counts are pinned."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "campus"
APPS = ("cohort", "attendance", "coursework", "feedback", "coaching", "certificates", "booklet", "forum", "news", "radars",
        "scanning", "assessment", "strategy")
QUERY_METHODS = {"filter", "exclude", "count", "exists", "order_by", "aggregate", "annotate", "get"}


def _orm_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append(f"{path.name}:{node.lineno} .objects")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in QUERY_METHODS and node.func.attr != "get"
              and isinstance(node.func.value, ast.Attribute)
              and not (isinstance(node.func.value.value, ast.Name) and node.func.value.value.id == "request")):
            found.append(f"{path.name}:{node.lineno} .{node.func.value.attr}.{node.func.attr}()")
    return found


@pytest.mark.parametrize("app", APPS)
def test_views_read_through_selectors(app):
    views = SRC / app / "views"
    files = sorted(views.glob("*.py")) if views.is_dir() else [SRC / app / "views.py"]
    found = [hit for path in files for hit in _orm_reads(path)]
    assert not found, f"ORM reads in {app}'s views (move them into {app}/selectors.py): {found}"


def test_the_check_sees_a_read():
    sample = SRC.parent.parent / "tests" / "_thin_views_sample.py"
    sample.write_text("def view(request, edition):\n    return edition.participants.count()\n"
                      "def other(request):\n    return Thing.objects.first()\n")
    try:
        assert len(_orm_reads(sample)) == 2
    finally:
        sample.unlink()
