"""Above the form: "Dana Whitlock is also on this case", while another advocate has the
case open on their console or changed it in the last minutes (agent collision
detection), so two advocates learn of each other before their work collides."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from advocate_console.api.presence import OnCase

from ..formatting import moment


class AlsoOnCase(QLabel):
    """Names the others on the form's case; hidden when there are none."""

    sig_shown = Signal()
    """Someone is named now (the banner appeared or changed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alsoOnCase")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Others on this case"))
        self.setTextFormat(Qt.TextFormat.PlainText)  # names are people's, never markup
        self.others: list[OnCase] = []
        self.hide()

    def show_others(self, others: list[OnCase]) -> None:
        """Name ``others`` (none: hide)."""
        self.others = list(others)
        if not others:
            self.clear()
            self.hide()
            return
        self.setText(self.in_words(others))
        self.setToolTip(
            "\n".join(
                (
                    self.tr("%1: open on their console (%2)")
                    if someone.how == "open"
                    else self.tr("%1: changed it at %2")
                )
                .replace("%1", someone.name)
                .replace("%2", moment(someone.at))
                for someone in others
            )
        )
        self.show()
        self.sig_shown.emit()

    def in_words(self, others: list[OnCase]) -> str:
        """ "Dana Whitlock is also on this case" (or changed it), one sentence."""
        open_now = [someone.name for someone in others if someone.how == "open"]
        edited = [someone for someone in others if someone.how == "edited"]
        parts = []
        if len(open_now) == 1:
            parts.append(self.tr("%s is also on this case.") % open_now[0])
        elif open_now:
            names = self.tr("%1 and %2").replace("%1", ", ".join(open_now[:-1]))
            parts.append(self.tr("%s are also on this case.") % names.replace("%2", open_now[-1]))
        for someone in edited:
            parts.append(
                self.tr("%1 changed it at %2.")
                .replace("%1", someone.name)
                .replace("%2", moment(someone.at))
            )
        parts.append(self.tr("Talk first: only one resolution of a case stands."))
        return " ".join(parts)
