"""One remedy on the resolution form: its check box, what it needs besides the cost (months
of warranty, a gift certificate's value, what else was done), the cost, and its problem."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from advocate_console.domain import RemedyKind
from advocate_console.domain.resolutions import RemedyEntry

from ..fields import problem_label


def _cents(spin: QDoubleSpinBox) -> int | None:
    return round(spin.value() * 100) or None


class RemedyRow:
    """One remedy: its check box, what it needs besides the cost, the cost, its problem."""

    def __init__(self, kind: RemedyKind, label: str, form: QWidget) -> None:
        self.kind = kind
        self.check = QCheckBox(label)
        self.check.setAccessibleName(label)
        self.extra: QWidget | None = None
        if kind is RemedyKind.WARRANTY_EXTENDED:
            self.extra = self.months = QSpinBox()
            self.months.setRange(0, 120)
            self.months.setSpecialValueText(QCoreApplication.translate("RemedyRow", "months"))
            self.months.setSuffix(QCoreApplication.translate("RemedyRow", " months"))
            self.months.setAccessibleName(
                QCoreApplication.translate("RemedyRow", "Months the warranty is extended by")
            )
        if kind is RemedyKind.GIFT_CERTIFICATE:
            self.extra = self.value = QDoubleSpinBox()
            self.value.setRange(0, 10000)
            self.value.setPrefix(QCoreApplication.translate("RemedyRow", "value $"))
            self.value.setSpecialValueText(QCoreApplication.translate("RemedyRow", "value"))
            self.value.setAccessibleName(
                QCoreApplication.translate("RemedyRow", "Gift certificate value")
            )
        if kind is RemedyKind.OTHER:
            self.extra = self.note = QLineEdit()
            self.note.setMaxLength(200)
            self.note.setPlaceholderText(QCoreApplication.translate("RemedyRow", "what was done"))
            self.note.setAccessibleName(
                QCoreApplication.translate("RemedyRow", "What else was done")
            )
        if self.extra is not None:
            self.extra.setMaximumWidth(form.fontMetrics().horizontalAdvance("value $0,000") + 34)
        self.cost = QDoubleSpinBox()
        self.cost.setMaximumWidth(form.fontMetrics().horizontalAdvance("$0,000.00") + 34)
        self.cost.setRange(0, 100000)
        self.cost.setPrefix("$")
        self.cost.setSpecialValueText(QCoreApplication.translate("RemedyRow", "cost"))
        self.cost.setAccessibleName(
            QCoreApplication.translate("RemedyRow", "Cost of %s") % label.lower()
        )
        self.cost.setVisible(kind is not RemedyKind.INFORMATION_ONLY)
        self.problem = problem_label(
            QCoreApplication.translate("RemedyRow", "Problem with %s") % label.lower()
        )
        self.check.toggled.connect(self.enable)
        self.enable(False)

    def widgets(self) -> list[QWidget]:
        """The focusable widgets, left to right."""
        return [w for w in (self.check, self.extra, self.cost) if w is not None]

    def enable(self, on: bool) -> None:
        """Let the row's amounts be typed (it is ticked), or not."""
        for widget in self.widgets()[1:]:
            widget.setEnabled(on)

    def entry(self) -> RemedyEntry:
        """What the row says, as typed."""
        return RemedyEntry(
            kind=self.kind,
            cost_cents=_cents(self.cost),
            months=self.months.value() or None
            if self.kind is RemedyKind.WARRANTY_EXTENDED
            else None,
            value_cents=_cents(self.value) if self.kind is RemedyKind.GIFT_CERTIFICATE else None,
            note=self.note.text() if self.kind is RemedyKind.OTHER else "",
        )

    def show_entry(self, entry: RemedyEntry | None) -> None:
        """Tick and fill the row from ``entry``; None clears it."""
        self.check.setChecked(entry is not None)
        self.cost.setValue((entry.cost_cents or 0) / 100 if entry else 0)
        if self.kind is RemedyKind.WARRANTY_EXTENDED:
            self.months.setValue(entry.months or 0 if entry else 0)
        if self.kind is RemedyKind.GIFT_CERTIFICATE:
            self.value.setValue((entry.value_cents or 0) / 100 if entry else 0)
        if self.kind is RemedyKind.OTHER:
            self.note.setText(entry.note if entry else "")
