"""The sizes the next engineer can carry (issue #14): no module of the app over about 400
lines, no class over about 300, no function over about 60, generated migrations aside.
A split that a merge undoes fails here, naming what grew."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "advocate_console"
LIMITS = {"module": 400, "class": 300, "function": 60}


def _sizes() -> list[tuple[str, str, int]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "versions" in path.parts:  # Alembic's revisions, written as generated
            continue
        source = path.read_text(encoding="utf-8")
        name = str(path.relative_to(PACKAGE.parent))
        found.append(("module", name, len(source.splitlines())))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef):
                kind = "class"
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                kind = "function"
            else:
                continue
            found.append((kind, f"{name}::{node.name}", node.end_lineno - node.lineno + 1))
    return found


def test_no_module_class_or_function_is_over_its_size():
    over = [
        f"{kind} {name}: {lines} lines (at most {LIMITS[kind]})"
        for kind, name, lines in _sizes()
        if lines > LIMITS[kind]
    ]
    assert not over, "Split by what each part does:\n" + "\n".join(over)


def test_the_walk_sees_the_app():
    names = {name for _kind, name, _lines in _sizes()}
    assert "advocate_console/ui/resolution_form.py::ResolutionForm" in names
    assert not any("migrations/versions" in name for name in names)
