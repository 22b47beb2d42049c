"""What the window remembers per user: its size and place, its docks, its splitters."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

DEFAULT_SIZE = (1280, 720)
"""The window's size until the advocate changes it: a 13-inch laptop's screen."""


class WindowState:
    """Reads and writes the window's state under ``window/`` in ``settings`` (none: the
    defaults every time)."""

    def __init__(self, settings: QSettings | None) -> None:
        self._settings = settings

    def restore(self, window: QMainWindow) -> None:
        """The remembered size, place and docks (the default size when none)."""
        geometry = self._settings.value("window/geometry") if self._settings else None
        if geometry is None or not window.restoreGeometry(geometry):
            window.resize(*DEFAULT_SIZE)
        state = self._settings.value("window/state") if self._settings else None
        if state is not None:
            window.restoreState(state)

    def restore_splitter(self, splitter: QSplitter, sizes: list[int]) -> bool:
        """The splitter's remembered sizes, else ``sizes``; False when nothing was
        remembered (then :meth:`fit_splitter` puts ``sizes`` right once it is shown)."""
        saved = self._settings.value(f"window/{splitter.objectName()}") if self._settings else None
        if saved is None or not splitter.restoreState(saved):
            splitter.setSizes(sizes)
            return False
        return True

    @staticmethod
    def fit_splitter(splitter: QSplitter, sizes: list[int]) -> None:
        """``sizes`` in proportion to the splitter's width (or height) now it is laid out:
        set before the window had its size, they were squeezed by other parts' minimums."""
        total = sum(splitter.sizes())
        if total > 0:
            splitter.setSizes([round(size * total / sum(sizes)) for size in sizes])

    def save(self, window: QMainWindow, splitters: list[QSplitter]) -> None:
        """Remember the window and its splitters (it is closing)."""
        if self._settings is None:
            return
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/state", window.saveState())
        for splitter in splitters:
            self._settings.setValue(f"window/{splitter.objectName()}", splitter.saveState())
