"""The line that says the caller on screen is not the one searched for."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class StaleBanner(QLabel):
    """ "Still showing Margaret O'Donnell: press Esc to go back", above the dimmed screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staleBanner")  # coloured by the style sheets, light and dark
        self.setAccessibleName(self.tr("Caller on screen"))
        self.setWordWrap(True)
        self.setMargin(6)
        self.hide()

    def show_for(self, name: str | None) -> None:
        """Say that ``name`` is still shown though the search is for someone else; None
        hides the banner."""
        if name is None:
            self.clear()
            self.hide()
            return
        self.setText(
            self.tr(
                "Still showing %s, who is not the caller searched for: choose a match, "
                "or press Esc to go back to them."
            )
            % name
        )
        self.show()
