"""Rules of DESIGN.md that import-linter cannot express: workers paint or print, never
show widgets."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "advocate_console"
WORKER_PACKAGES = ("sync", "cards", "telephony", "auth")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", WORKER_PACKAGES)
def test_workers_use_no_widgets(package):
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / package).rglob("*.py")
        if any(name.startswith("PySide6.QtWidgets") for name in _imports(path))
    ]
    assert offenders == []
