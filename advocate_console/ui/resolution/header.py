"""The form's header: which case of which caller it works on, or how to open one."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from advocate_console.domain import Case, History

from ..formatting import day


class CaseHeader(QWidget):
    """The case's number, the caller and when it was opened; **Open a new case** when
    the caller has none open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("No caller yet"))
        self.title.setObjectName("caseTitle")
        self.title.setWordWrap(True)
        self.title.setAccessibleName(self.tr("Current case"))
        self.open_button = QPushButton(self.tr("&Open a new case"))
        self.open_button.setAccessibleName(self.tr("Open a new case"))
        self.open_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.open_button)

    def show_case(self, history: History | None, case: Case | None) -> None:
        """Say what the form works on."""
        if history is None:
            self.title.setText(self.tr("No caller yet"))
        elif case is None:
            self.title.setText(
                self.tr("No open case for %s: choose the problem and open one.")
                % history.customer.display_name
            )
        else:
            self.title.setText(
                self.tr("<b>Case %s</b> · %s · opened %s")
                % (case.number, history.customer.display_name, day(case.opened_at))
            )
        self.open_button.setVisible(history is not None and case is None)
