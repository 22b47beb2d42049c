"""The problem: its category, the product it concerns, what went wrong."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QPlainTextEdit, QVBoxLayout

from advocate_console.domain import CASE_CATEGORIES, History
from advocate_console.domain.resolutions import ResolutionEntry

from ..fields import problem_label
from ..labels import label
from .section import Section, add_row


class ProblemSection(Section):
    """Category, product and what went wrong; editable before a case is open, to open one."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Issue category"))
        for name in CASE_CATEGORIES:
            self.category.addItem(label(name), name)
        self.product = QComboBox()
        self.product.setAccessibleName(self.tr("Product"))
        # Long product names must not widen the middle column past a laptop's screen.
        for combo in (self.category, self.product):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(self.tr("What went wrong"))
        self.summary.setTabChangesFocus(True)
        # Whole lines only (four): a half-cut fifth line read as a cut-off sentence.
        margins = int(self.summary.document().documentMargin() * 2) + 2 * self.summary.frameWidth()
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + margins)
        self.category_problem = problem_label(self.tr("Problem with the category"))
        self.summary_problem = problem_label(self.tr("Problem with what went wrong"))
        box = QGroupBox(self.tr("The problem"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("Cate&gory"), self.category, self.category_problem)
        add_row(form, self.tr("&Product"), self.product)
        add_row(form, self.tr("&What went wrong"), self.summary, self.summary_problem)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        self.watch(*self.inputs())
        for combo in (self.category, self.product):  # a long product name is cut: say it all
            combo.currentTextChanged.connect(combo.setToolTip)

    def inputs(self):
        return [self.category, self.product, self.summary]

    def fill_products(self, history: History) -> None:
        """The caller's products to choose from (no particular product first)."""
        blocked = self.product.blockSignals(True)
        self.product.clear()
        self.product.addItem(self.tr("No particular product"), None)
        for product in history.products:
            # Item data as text: a UUID in a QVariant does not compare equal to itself.
            self.product.addItem(
                f"{product.display_name} · {product.serial_number}", str(product.id)
            )
        self.product.blockSignals(blocked)

    def product_id(self) -> uuid.UUID | None:
        """The chosen product, or None."""
        data = self.product.currentData()
        return uuid.UUID(data) if data else None

    def show_entry(self, entry: ResolutionEntry | None) -> None:
        category = entry.category if entry else CASE_CATEGORIES[0]
        if self.category.findData(category) < 0:
            self.category.addItem(label(category), category)
        self.category.setCurrentIndex(self.category.findData(category))
        product = self.product.findData(str(entry.product_id)) if entry else 0
        self.product.setCurrentIndex(max(0, product))
        self.summary.setPlainText(entry.summary if entry else "")

    def read(self) -> dict[str, Any]:
        return {
            "category": self.category.currentData() or "",
            "product_id": self.product_id(),
            "summary": self.summary.toPlainText(),
        }

    def summary_said(self) -> str:
        """What went wrong, as typed; when nothing is, asks for it (a new case starts from
        it: one with no problem said tells nobody anything)."""
        summary = self.summary.toPlainText().strip()
        self.summary_problem.setText(self.tr("Say what went wrong first: the case starts from it"))
        self.summary_problem.setVisible(not summary)
        if not summary:
            self.summary.setFocus(Qt.FocusReason.OtherFocusReason)
        return summary

    def problem_places(self):
        return {
            "category": (self.category_problem, self.category),
            "product_id": (self.category_problem, self.product),
            "summary": (self.summary_problem, self.summary),
        }
