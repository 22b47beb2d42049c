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


PLACEHOLDER = re.compile(r"%(?:[1-9]|n|s|d)|\{\w+\}|<[^>]+>")


@pytest.mark.parametrize("language", sorted(set(LANGUAGES) - {"en"}))
def test_every_translation_keeps_the_placeholders(language):
    # "%1", "%s", "%n", a merge field or a tag lost (or added) breaks the sentence it fills.
    wrong = []
    for message in ET.parse(source_file(language)).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        wanted = sorted(PLACEHOLDER.findall(source))
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for form in forms:
            found = sorted(PLACEHOLDER.findall(form))
            # A plural form may leave the count out ("one card" for %n == 1), nothing else.
            if found != wanted and found != [p for p in wanted if p != "%n"]:
                wrong.append(f"{source!r} -> {form!r}")
        if message.get("numerus") == "yes" and not all(f.strip() for f in forms):
            wrong.append(f"{source!r}: a plural form is empty")
    assert not wrong, f"{source_file(language).name}:\n" + "\n".join(wrong)


def _literal_messages() -> set[tuple[str, str]]:
    """(context, text) of every tr()/translate()/QT_TRANSLATE_NOOP call with literal text;
    context "?" for self.tr (its class is found by lupdate)."""
    found = set()
    for path in sorted((ROOT / "advocate_console").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            if name == "tr" and args and isinstance(args[0], str):
                found.add(("?", args[0]))
            elif (
                name in ("translate", "QT_TRANSLATE_NOOP")
                and len(args) > 1
                and isinstance(args[0], str)
                and isinstance(args[1], str)
            ):
                found.add((args[0], args[1]))
    return found


def test_every_message_of_the_code_reaches_the_translators(tmp_path):
    # lupdate skips some calls silently (a tr() through another name, or with no class
    # around it): such a message would stay English in every language.
    tree = _current("es" if "es" in LANGUAGES else "en", tmp_path)
    extracted = {
        (context.findtext("name"), message.findtext("source"))
        for context in tree.iter("context")
        for message in context.iter("message")
    }
    texts = {text for _context, text in extracted}
    contexts = {context for context, _text in extracted}
    missing = sorted(
        f"{context}: {text!r}"
        for context, text in _literal_messages()
        if (context == "?" and text not in texts)
        or (context != "?" and (context, text) not in extracted)
    )
    assert not missing, "messages lupdate did not extract:\n" + "\n".join(missing)
    # tr() looks a message up under its object's class: a context named after no class
    # (or after a variable, "window") is never found at run time.
    classes = {
        node.name
        for path in (ROOT / "advocate_console").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
    }
    named = {context for context, _text in _literal_messages() if context != "?"}
    stray = sorted(c for c in contexts if c not in classes and c not in named)
    assert not stray, f"messages in a context no tr() looks in: {stray}"
