"""Room for the call: while a call has legs, the right column's top part grows to show
them whole, taking height from the people to bring in (who keep room for their search
and a few rows); when the last row is cleared, the column goes back as it was.

At 1366×768 with the follow-ups dock open, the call's part had ~100 px: a conference of
three (the advocate, the customer, a resource) showed one leg and a half, the newest
scrolled into view and the customer's row above the fold.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QScrollArea, QSplitter, QWidget

from .call_panel import CallPanel, LegRow

DIAL_OUT_LINES = 11
"""Lines of text the people to bring in keep: search, filters, header and two people."""


class CallRoom(QObject):
    """Fits ``splitter``'s first part (the call panel) to the call's rows."""

    def __init__(self, splitter: QSplitter, calls: CallPanel, dial_out: QWidget) -> None:
        super().__init__(calls)
        self.splitter, self.dial_out = splitter, dial_out
        self.scroll = calls.findChild(QScrollArea)
        self.rows = self.scroll.widget()
        self._before: list[int] | None = None  # the advocate's split, while grown
        self._pending = False
        self.rows.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and not self._pending:
            self._pending = True  # (rows added or removed: once laid out)
            QTimer.singleShot(0, self, self.fit)
        return False

    def fit(self) -> None:
        """Grow to show every row whole, as far as the people to bring in can give; back
        to the advocate's split once no row is left."""
        self._pending = False
        shown = [row for row in self.rows.findChildren(LegRow) if not row.isHidden()]
        sizes = self.splitter.sizes()
        if not shown:
            self.give_back()
            return
        wanted = self.rows.sizeHint().height() - self.scroll.viewport().height()
        keeps = self.dial_out.fontMetrics().lineSpacing() * DIAL_OUT_LINES
        grow = min(wanted, sizes[1] - keeps)
        if grow <= 0:
            return
        if self._before is None:
            self._before = sizes
        self.splitter.setSizes([sizes[0] + grow, sizes[1] - grow])

    def give_back(self) -> None:
        """The advocate's own split again, if a call had grown the call panel."""
        if self._before is not None:
            self.splitter.setSizes(self._before)
            self._before = None
