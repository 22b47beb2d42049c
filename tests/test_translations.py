"""The translations: every message of the code is in every .ts and translated, and the
English plural forms read as English."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from advocate_console.ui.i18n import LANGUAGES, source_file

ROOT = Path(__file__).resolve().parents[1]
LUPDATE = ROOT / ".venv" / "bin" / "pyside6-lupdate"


def _current(language: str, tmp_path: Path) -> ET.ElementTree:
    """The committed .ts of ``language`` merged with the code's messages today, as
    scripts/translations would leave it."""
    lupdate = shutil.which("pyside6-lupdate") or str(LUPDATE)
    copy = tmp_path / source_file(language).name
    shutil.copy(source_file(language), copy)
    options = ["-extensions", "py", "-locations", "none", "-no-obsolete"]
    if language == "en":
        options.append("-pluralonly")
    subprocess.run(
        [lupdate, *options, "advocate_console", "-ts", str(copy)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return ET.parse(copy)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_message_is_translated(language, tmp_path):
    unfinished = [
        message.findtext("source")
        for message in _current(language, tmp_path).iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert not unfinished, (
        f"{len(unfinished)} message(s) not translated in {source_file(language).name}; run "
        f"scripts/translations and translate them: {unfinished[:10]}"
    )


def test_every_plural_in_the_code_uses_qts_plural_forms():
    # "1 caller(s)" must never reach a person: a count in a sentence goes through %n.
    hacks = []
    for path in sorted((ROOT / "advocate_console").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        hacks += [
            f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and re.search(r"[a-z]\(e?s\)", node.value)
            and "%n" not in node.value
        ]
    assert not hacks, "plurals built without tr()'s %n:\n" + "\n".join(hacks)


@pytest.mark.parametrize(("count", "text"), [(1, "1 caller"), (2, "2 callers"), (0, "0 callers")])
def test_english_plurals_read_as_english(qapp, count, text):
    assert QCoreApplication.translate("CallerBar", "%n caller(s)", "", count) == text
