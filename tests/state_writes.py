"""Finds the places in the source that write a state field (by reading the code, not by running it).

A write is an assignment to ``x.<field>`` (also in a tuple, or ``setattr(x, "<field>", …)``) or a keyword
``<field>=`` (or a ``defaults={"<field>": …}`` key) in a call that creates or updates rows: ``create``,
``update``, ``get_or_create``, ``update_or_create``, ``bulk_create`` or the model class itself. Reads
(``filter(state=…)``) are not writes. Used by tests/admissions/test_states.py and tests/interviews/test_states.py.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "campus"
WRITE_CALLS = {"create", "update", "get_or_create", "update_or_create", "bulk_create"}


@dataclass
class Guard:
    """The fields of ``model`` that only ``allowed`` modules (paths under src/campus) may write.

    A keyword in a call on another model class (``AdmissionSettings.objects.create(released_at=…)``) is not
    one of ``model``'s; an assignment to ``<name>.<field>`` is ignored for the base names in
    ``other_objects``, objects of other models with a field of the same name (e.g. ``config.released_at`` is
    the admission settings' own moment, not a decision's)."""

    model: str
    fields: set[str]
    allowed: set[str]
    other_objects: set[str] = field(default_factory=set)


def _root_name(node) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _targets(node):
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        yield from target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]


def _assigned(tree):
    """(line, base name, attribute) of every attribute assignment and ``setattr`` with a literal name."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            for target in _targets(node):
                if isinstance(target, ast.Attribute):
                    yield node.lineno, _root_name(target.value), target.attr
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"
              and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)):
            yield node.lineno, _root_name(node.args[0]), node.args[1].value


def _keywords(tree):
    """(line, root name of the call, keyword) of every keyword (and ``defaults`` key) of a writing call."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name not in WRITE_CALLS and not (isinstance(func, ast.Name) and name[:1].isupper()):
            continue
        root = _root_name(func)
        for keyword in node.keywords:
            if keyword.arg in ("defaults", "create_defaults") and isinstance(keyword.value, ast.Dict):
                for key in keyword.value.keys:
                    if isinstance(key, ast.Constant):
                        yield node.lineno, root, key.value
            elif keyword.arg:
                yield node.lineno, root, keyword.arg


def writes(guard: Guard, *, source: str, path: str) -> list[str]:
    """The writes of ``guard``'s fields in ``source`` (a module at ``path``), as "path:line field"."""
    tree = ast.parse(source)
    fields = guard.fields
    found = []
    for line, base, attr in _assigned(tree):
        if attr in fields and base not in guard.other_objects:
            found.append(f"{path}:{line} {base}.{attr} =")
    for line, root, keyword in _keywords(tree):
        other_model = root is not None and root[:1].isupper() and root != guard.model
        if keyword in fields and not other_model:
            found.append(f"{path}:{line} {keyword}=")
    return found


def guard_app(guard: Guard) -> str:
    return next(iter(guard.allowed)).split("/")[0]


def writes_in_source(guard: Guard, *, skip: tuple[str, ...] = ()) -> list[str]:
    """Every write of ``guard``'s fields in src/campus outside ``guard.allowed``, migrations, ``skip`` (path
    prefixes) and the other apps' ``states.py`` (each the home of its own machines, e.g. the application's
    ``application.state = to``)."""
    found = []
    for file in sorted(SRC.rglob("*.py")):
        path = file.relative_to(SRC).as_posix()
        other_machine = path.endswith("/states.py") and path.split("/")[0] != guard_app(guard)
        if path in guard.allowed or other_machine or "/migrations/" in path or path.startswith(skip):
            continue
        found += writes(guard, source=file.read_text(encoding="utf-8"), path=path)
    return found
