"""Translations: Qt Linguist sources (``resources/translations/*.ts``) compiled to ``.qm``
and installed with ``QTranslator`` for the advocate's language.

The ``.ts`` files are the source and are committed; the ``.qm`` files are built from them,
never committed: by the PyInstaller spec for a frozen build, and in a checkout on the
first start after a ``.ts`` changed (into the user cache folder, keyed by the source's
hash, so a stale one is never used).

English is the language of the source code, so its file holds only the plural forms
("%n caller(s)" → "1 caller", "2 callers"); it is installed under every language, so
a message a translation lacks still reads as proper English.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from advocate_console.paths import resource_dir
from advocate_console.settings import LANGUAGES

log = logging.getLogger(__name__)

DOMAIN = "advocate_console"
"""The translation files' name: ``advocate_console_<language>.ts``."""
SOURCE_LANGUAGE = "en"
LOCALES = {"en": "en_US", "es": "es_US"}
"""The locale each language formats dates and numbers in (its language alone where absent)."""


def translations_dir() -> Path:
    """``resources/translations``: the ``.ts`` sources (and, frozen, the built ``.qm``)."""
    return resource_dir() / "translations"


def source_file(language: str) -> Path:
    """The ``.ts`` source of one language."""
    return translations_dir() / f"{DOMAIN}_{language}.ts"


def lrelease() -> Path | None:
    """Qt's ``lrelease`` (shipped inside PySide6), or None where it is missing."""
    import PySide6

    bundled = Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    if bundled.exists():
        return bundled
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def compile_translation(source: Path, target: Path) -> None:
    """Build ``target`` (``.qm``) from ``source`` (``.ts``) with lrelease."""
    tool = lrelease()
    if tool is None:
        raise FileNotFoundError("Qt's lrelease is missing (it ships with PySide6)")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    subprocess.run(
        [str(tool), "-silent", str(source), "-qm", str(partial)], check=True, capture_output=True
    )
    partial.replace(target)  # never a half-written file where a reader looks


def compiled_file(language: str, cache_dir: Path | None = None) -> Path | None:
    """The ``.qm`` of ``language``: the frozen build's own, or one built from the current
    ``.ts`` into ``cache_dir`` (the user cache folder) when it is not there yet."""
    source = source_file(language)
    built = source.with_suffix(".qm")
    if getattr(sys, "frozen", False) or not source.exists():
        return built if built.exists() else None
    if cache_dir is None:
        from platformdirs import user_cache_dir

        cache_dir = Path(user_cache_dir("advocate-console", appauthor=False)) / "translations"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = cache_dir / f"{source.stem}-{digest}.qm"
    if not target.exists():
        try:
            compile_translation(source, target)
        except (OSError, subprocess.CalledProcessError) as error:
            log.warning("The %s translation could not be built: %s", language, error)
            return None
    return target


def system_language() -> str:
    """The system's language if the console speaks it, else English."""
    language = QLocale.system().name().split("_")[0]
    return language if language in LANGUAGES else SOURCE_LANGUAGE


def install_translations(
    app: QCoreApplication, language: str = "", cache_dir: Path | None = None
) -> str:
    """Install the translators for ``language`` (the system's when it is "", "system" or
    one the console does not speak) on ``app``; returns
    the language the console now speaks. Call it before any widget is made: a string is
    translated when ``tr()`` runs, not later."""
    chosen = language if language in LANGUAGES else system_language()
    # Dates, month names and the cards' language follow the console's language (US
    # Spanish: es_US writes $1,234.50 as the customers' statements do).
    QLocale.setDefault(QLocale(LOCALES.get(chosen, chosen)))
    for old in app.findChildren(QTranslator, "advocate-console"):
        app.removeTranslator(old)
        old.deleteLater()
    # Installed last is asked first: the chosen language, then English plurals, then Qt's
    # own dialogs (buttons of a message box, the print dialog).
    files: list[tuple[str, str]] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if chosen != SOURCE_LANGUAGE:
        files.append((f"qtbase_{chosen}", qt_folder))
    for wanted in dict.fromkeys((SOURCE_LANGUAGE, chosen)):
        path = compiled_file(wanted, cache_dir)
        if path is not None:
            files.append((path.stem, str(path.parent)))
    for name, folder in files:
        translator = QTranslator(app)
        translator.setObjectName("advocate-console")
        if translator.load(name, folder):
            app.installTranslator(translator)
        else:
            log.warning("No translation %s in %s", name, folder)
            translator.deleteLater()
    return chosen
