"""Who the caller is, at the top of the history: name, tier and value, how to reach
them, and a warning when the same model failed before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..formatting import day, money, phone
from ..labels import label

if TYPE_CHECKING:
    from advocate_console.domain import History


class CallerSummary(QWidget):
    """The caller's name, summary line, contact details and repeat-failure warning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel(self.tr("No caller yet"))
        self.name.setObjectName("callerName")
        self.name.setAccessibleName(self.tr("Caller name"))
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self.tr("Search for a caller by phone, name, e-mail or serial."))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Caller summary"))
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contact.setAccessibleName(self.tr("Contact details"))
        self.warning = QLabel()
        self.warning.setObjectName("repeatFailure")
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("Repeat failure warning"))
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for part in (self.name, self.summary, self.contact, self.warning):
            layout.addWidget(part)

    def show_history(self, history: History | None) -> None:
        """Say who ``history``'s customer is; None: nobody yet."""
        if history is None:
            self.name.setText(self.tr("No caller yet"))
            self.summary.setText(self.tr("Search for a caller by phone, name, e-mail or serial."))
            self.contact.clear()
            self.warning.hide()
            return
        customer = history.customer
        open_cases = sum(1 for case in history.cases if case.status.is_open)
        self.name.setText(customer.display_name)
        self.summary.setText(
            self.tr("%s customer since %s · lifetime value %s · %n open case(s)", "", open_cases)
            % (
                label(customer.tier),
                day(customer.customer_since),
                money(customer.lifetime_value_cents),
            )
        )
        lines = [" · ".join(phone(p) for p in customer.phones), " · ".join(customer.emails)]
        if customer.address:
            lines.append(", ".join(customer.address.envelope_lines(customer.display_name)[1:]))
        self.contact.setText("\n".join(line for line in lines if line))
        from advocate_console.domain import repeat_failures

        flags = repeat_failures(history.products, history.cases)
        self.warning.setText(
            "\n".join(
                self.tr("⚠ Repeat failure: %s %s failed %n time(s)", "", flag.failures)
                % (flag.brand, flag.model_number)
                for flag in flags
            )
        )
        self.warning.setVisible(bool(flags))
