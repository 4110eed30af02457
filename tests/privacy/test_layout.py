"""The privacy app sits at the bottom of the layout: it reads every app, and no app imports it (apps above it
name its pages by URL only). Their declarations (``<app>/privacy.py``) are plain data that import nothing."""

import ast
from pathlib import Path

import campus

SRC = Path(campus.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_other_app_imports_the_privacy_app():
    offenders = []
    for path in SRC.rglob("*.py"):
        if (SRC / "privacy") in path.parents:
            continue
        if any(name == "campus.privacy" or name.startswith("campus.privacy.") for name in imported_modules(path)):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []


def test_the_declarations_of_the_other_apps_import_nothing():
    for path in SRC.glob("*/privacy.py"):
        assert imported_modules(path) == set(), path
