"""The shape the house rules ask of the code (read with ``ast``, not run): no file in src/campus over 400 lines,
no function or method over 80 lines (decorators and docstring included: from its first decorator, or its
``def``, to its last line). A file that grows past it becomes a package split by concern; a function, smaller
functions."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "campus"
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 80


def long_functions(source: str, path: str, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = node.end_lineno - first + 1
            if length > limit:
                found.append(f"{path}:{node.lineno} {node.name}() has {length} lines")
    return found


def _sources():
    for file in sorted(SRC.rglob("*.py")):
        yield file.relative_to(SRC.parent).as_posix(), file.read_text(encoding="utf-8")


def test_no_file_in_src_is_over_400_lines():
    long = [f"{path}: {len(text.splitlines())} lines" for path, text in _sources()
            if len(text.splitlines()) > MAX_FILE_LINES]
    assert long == []


def test_no_function_in_src_is_over_80_lines():
    found = [hit for path, text in _sources() for hit in long_functions(text, path)]
    assert found == []


def _function(name: str, lines: int, indent: str = "", decorator: bool = False) -> str:
    """A function of exactly ``lines`` lines (its decorator included)."""
    head = [f"{indent}@decorated"] if decorator else []
    head.append(f"{indent}def {name}():")
    body = [f"{indent}    x = {n}" for n in range(lines - len(head))]
    return "\n".join(head + body) + "\n"


def test_the_search_finds_long_functions_and_methods_and_counts_decorators():
    source = (_function("fits", 80) + _function("too_long", 81) + _function("decorated_too_long", 81, decorator=True)
              + "class C:\n" + _function("method_fits", 80, "    ") + _function("long_method", 81, "    "))
    found = [hit.split()[1] for hit in long_functions(source, "x.py")]
    assert found == ["too_long()", "decorated_too_long()", "long_method()"]
