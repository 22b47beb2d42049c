"""The status bar's passing messages: each shown whole, for its own time.

Qt's own status-bar message is one line painted into whatever room the permanent marks
leave (at 1366 pixels, often none) and each message wipes out the one before. Here every
message keeps its line until its time is up, a message too long for the room wraps onto
another line (the bar grows), and the last sync problem stands below them until a sync
works again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MAX_SHOWN = 3
"""Messages shown at once, newest last; older ones go first when more arrive."""
MIN_WIDTH = 240


@dataclass(slots=True)
class _Message:
    text: str
    until: float | None  # monotonic seconds; None: until another message replaces it


class MessageLine(QLabel):
    """Passing messages, each on its line until its time is up, and the standing sync
    problem; never elided, never painted over."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusMessages")
        self.setAccessibleName(self.tr("Messages"))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(MIN_WIDTH)
        self._messages: list[_Message] = []
        self._standing = ""
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self._refresh)

    @property
    def messages(self) -> list[str]:
        """The passing messages shown now, oldest first."""
        return [message.text for message in self._messages]

    @property
    def standing(self) -> str:
        """The sync problem shown below the messages ("" when none)."""
        return self._standing

    def add(self, text: str, timeout_ms: int = 0) -> None:
        """Show ``text`` for ``timeout_ms`` (0: until the next message); "" clears all."""
        if not text:
            self._messages.clear()
            self._refresh()
            return
        until = time.monotonic() + timeout_ms / 1000 if timeout_ms > 0 else None
        # A message without a time ("Opening the local store…") lasts until the next one.
        self._messages = [m for m in self._messages if m.until is not None and m.text != text]
        self._messages.append(_Message(text, until))
        del self._messages[:-MAX_SHOWN]
        self._refresh()

    def clear_messages(self) -> None:
        """Take every passing message away (the standing problem stays)."""
        self.add("")

    def set_standing(self, text: str) -> None:
        """The last sync problem, shown until a sync works again ("" when none)."""
        self._standing = text
        self._refresh()

    def current(self) -> str:
        """The newest passing message ("" when none)."""
        return self._messages[-1].text if self._messages else ""

    def _refresh(self) -> None:
        now = time.monotonic()
        self._messages = [m for m in self._messages if m.until is None or m.until > now]
        lines = [m.text for m in self._messages]
        if self._standing:
            lines.append(f"⚠ {self._standing}")
        self.setText("\n".join(lines))
        self.setToolTip(self.text())
        self._fit_height()
        ends = [m.until for m in self._messages if m.until is not None]
        if ends:
            self._expiry.start(max(1, int((min(ends) - now) * 1000)))
        else:
            self._expiry.stop()

    def _fit_height(self) -> None:
        # Tall enough for every wrapped line at the width it has: a status bar gives its
        # widgets one line's height otherwise, and the rest would be cut off.
        width = max(self.width(), self.minimumWidth())
        self.setMinimumHeight(self.heightForWidth(width) if self.text() else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()
