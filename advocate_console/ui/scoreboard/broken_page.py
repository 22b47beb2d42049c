"""What is broken: the models failing customers most, as bars and a table; choosing a
model lists its cases, and opening a case puts its customer on the one screen."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from advocate_console.api.reports import (
    BrokenCase,
    BrokenProduct,
    BrokenProductCases,
    BrokenProducts,
)

from ..formatting import day, money
from ..labels import case_status_label, delight_label, label
from .charts import TopFailingModels
from .figures import percent
from .tables import Notice, ReportColumn, ReportTable

TOP_MODELS = 8
"""How many models the bar chart shows."""


def _categories(product: BrokenProduct) -> str:
    ranked = sorted(product.categories.items(), key=lambda item: -item[1])
    return ", ".join(f"{label(name)} {count}" for name, count in ranked)


class BrokenPage(QWidget):
    """Models ranked by failure cases, with their cases one choice away."""

    sig_cases_requested = Signal(str)
    """List the cases of this model number."""
    sig_case_requested = Signal(object, object)
    """Put this customer (id) on the one screen, working on this case (id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: BrokenProducts | None = None
        self.cases_report: BrokenProductCases | None = None
        self.notice = Notice()
        self.chart = TopFailingModels(self.tr("Top failing models"), self.tr("Top failing models"))
        self.products = self._products_table()
        self.products.selectionModel().currentRowChanged.connect(self._chosen)
        self.cases_title = QLabel(self.tr("Choose a model to see its cases."))
        self.cases_title.setWordWrap(True)
        self.cases = self._cases_table()
        self.cases.activated.connect(self._open_case)
        lower = QWidget()
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.cases_title)
        below.addWidget(self.cases, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.chart)
        top.addWidget(self.products)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 3)
        split.addWidget(top)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)

    def _products_table(self) -> ReportTable:
        """The models, most failure cases first."""
        return ReportTable(
            [
                ReportColumn(self.tr("Model"), lambda p: p.model_number),
                ReportColumn(self.tr("Brand"), lambda p: p.brand),
                ReportColumn(self.tr("Product"), lambda p: p.product_name),
                ReportColumn(self.tr("Failure cases"), lambda p: f"{p.cases:,}", lambda p: p.cases),
                ReportColumn(
                    self.tr("Repeat failures"),
                    lambda p: f"{p.repeat_failures:,}",
                    lambda p: p.repeat_failures,
                ),
                ReportColumn(
                    self.tr("Remedy spend"),
                    lambda p: money(p.remedy_cost_cents),
                    lambda p: p.remedy_cost_cents,
                ),
                ReportColumn(
                    self.tr("Unhappy"),
                    lambda p: percent(p.unhappy_share),
                    lambda p: p.unhappy_share,
                ),
                ReportColumn(self.tr("What went wrong"), _categories),
            ],
            self.tr("What is broken"),
            sort_by=(3, Qt.SortOrder.DescendingOrder),  # most failure cases first
        )

    def _cases_table(self) -> ReportTable:
        """The chosen model's cases, newest first."""
        return ReportTable(
            [
                ReportColumn(self.tr("Case"), lambda c: c.number),
                ReportColumn(self.tr("Customer"), lambda c: c.customer_name),
                ReportColumn(self.tr("Opened"), lambda c: day(c.opened_at), lambda c: c.opened_at),
                ReportColumn(self.tr("Problem"), lambda c: label(c.category)),
                ReportColumn(self.tr("Status"), lambda c: case_status_label(c.status)),
                ReportColumn(
                    self.tr("Failed before"),
                    lambda c: self.tr("yes") if c.repeat_failure else "",
                    lambda c: c.repeat_failure,
                ),
                ReportColumn(self.tr("Customer felt"), lambda c: delight_label(c.delight)),
                ReportColumn(
                    self.tr("Remedy spend"),
                    lambda c: money(c.remedy_cost_cents),
                    lambda c: c.remedy_cost_cents,
                ),
            ],
            self.tr("The model's cases"),
            sort_by=(2, Qt.SortOrder.DescendingOrder),  # newest first
        )

    def show_products(self, report: BrokenProducts) -> None:
        """The models failing most in the period."""
        self.report = report
        self.products.set_rows(report.products)
        self.chart.show_models(
            [(p.model_number, p.cases, p.repeat_failures) for p in report.products[:TOP_MODELS]],
            self.tr("Failure cases"),
            self.tr("Repeat failures"),
        )
        self.cases.set_rows([])
        self.cases_report = None
        self.cases_title.setText(self.tr("Choose a model to see its cases."))

    def show_cases(self, report: BrokenProductCases) -> None:
        """The cases of the chosen model."""
        self.cases_report = report
        self.cases.set_rows(report.cases)
        self.cases_title.setText(
            self.tr(
                "%n case(s) of %1 (%2): open one to put its customer on screen.",
                "",
                len(report.cases),
            )
            .replace("%1", report.product_name)  # the brand is in the name already
            .replace("%2", report.model_number)
        )

    def choose(self, model_number: str) -> bool:
        """Select the row of ``model_number`` (its cases are then asked for)."""
        for row in range(self.products.sorted.rowCount()):
            if self.products.item_at(row).model_number == model_number:
                self.products.selectRow(row)
                return True
        return False

    def _chosen(self, current, _previous) -> None:
        if current.isValid():
            product: BrokenProduct = self.products.item_at(current.row())
            self.cases_title.setText(self.tr("Reading the cases of %s…") % product.model_number)
            self.sig_cases_requested.emit(product.model_number)

    def _open_case(self, index) -> None:
        case: BrokenCase = self.cases.item_at(index.row())
        self.sig_case_requested.emit(uuid.UUID(str(case.customer_id)), uuid.UUID(str(case.case_id)))
