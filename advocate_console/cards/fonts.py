"""The handwriting fonts: OFL fonts from the ``fontpkg-*`` packages, loaded into Qt once.

The packages carry each font's licence next to it, so the licence travels with the app on
every OS (the PyInstaller spec copies the package folders whole).
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication

HANDS: dict[str, tuple[str, str]] = {
    "caveat": ("fontpkg_caveat", "Caveat[wght].ttf"),
    "kalam": ("fontpkg_kalam", "Kalam-Regular.ttf"),
    "dancing-script": ("fontpkg_dancing_script", "DancingScript[wght].ttf"),
}
"""Every hand a template may name, and the package and file it comes from."""

# Advances are measured once at this pixel size and scaled: exact, and independent of the
# device (screen, PDF, printer) the card is later painted on.
_MEASURE_SIZE = 200


class FontMissing(RuntimeError):
    """A handwriting font is not installed or Qt cannot read it."""


@dataclass(frozen=True, slots=True)
class Hand:
    """One loaded handwriting font: its Qt family and its glyph advances."""

    name: str
    family: str
    path: Path
    licence: Path

    def font(self) -> QFont:
        """A QFont of this hand, unhinted so every device lays it out the same."""
        font = QFont(self.family)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        font.setKerning(False)
        return font

    def advance(self, text: str) -> float:
        """Width of ``text`` at a 1-point size (multiply by the size)."""
        table = _advances.setdefault(self.family, {})
        total = 0.0
        for char in text:
            width = table.get(char)
            if width is None:
                width = _metrics(self).horizontalAdvance(char) / _MEASURE_SIZE
                table[char] = width
            total += width
        return total

    @property
    def x_height(self) -> float:
        """Height of a lowercase x at a 1-point size."""
        return _metrics(self).xHeight() / _MEASURE_SIZE

    def supports(self, char: str) -> bool:
        """True when the font has a glyph for ``char``."""
        return _metrics(self).inFontUcs4(ord(char))


_lock = threading.Lock()
_hands: dict[str, Hand] = {}
_advances: dict[str, dict[str, float]] = {}
_measures: dict[str, QFontMetricsF] = {}


def _metrics(hand: Hand) -> QFontMetricsF:
    metrics = _measures.get(hand.family)
    if metrics is None:
        font = hand.font()
        font.setPixelSize(_MEASURE_SIZE)
        metrics = _measures.setdefault(hand.family, QFontMetricsF(font))
    return metrics


def font_file(name: str) -> tuple[Path, Path]:
    """The font file of hand ``name`` and its licence file."""
    try:
        package_name, file_name = HANDS[name]
    except KeyError:
        known = ", ".join(HANDS)
        raise FontMissing(f"There is no handwriting font “{name}” (known: {known})") from None
    try:
        package = importlib.import_module(package_name)
    except ImportError:
        raise FontMissing(f"The handwriting font package {package_name} is not installed") from None
    root = Path(package.ROOT)
    return root / "files" / file_name, root / "LICENSE"


def hand(name: str) -> Hand:
    """The hand called ``name``, loading its font into Qt the first time.

    Needs a QGuiApplication. Safe from any thread: loading happens once, under a lock.
    """
    loaded = _hands.get(name)
    if loaded is not None:
        return loaded
    with _lock:
        if name in _hands:
            return _hands[name]
        if QGuiApplication.instance() is None:  # Qt would crash, not raise
            raise FontMissing("Handwriting fonts need a QGuiApplication to be created first")
        path, licence = font_file(name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise FontMissing(f"Qt could not load the handwriting font {path}")
        loaded = Hand(name, families[0], path, licence)
        _metrics(loaded)  # measured here, under the lock, not racing in a worker
        _hands[name] = loaded
        return loaded
