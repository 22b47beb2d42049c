"""The caller's whole history at a glance: who they are, what they own, what happened."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from advocate_console.domain import warranty_status
from advocate_console.domain.card_merge import merged_message

from .delegates import Badge, TwoLineDelegate
from .formatting import day, moment
from .history.caller_summary import CallerSummary
from .history.tables import fit_columns, record_table
from .history.timeline import TIMELINE_BATCH, TimelinePage
from .history_details import case_details, interaction_details
from .labels import label, labels
from .record_models import BADGE_ROLE, Column, RecordTableModel

if TYPE_CHECKING:  # the records load with the store, after the window is up
    from advocate_console.domain import History, Interaction, Product

__all__ = ["TIMELINE_BATCH", "HistoryPanel"]


class HistoryPanel(QWidget):
    """Shows one customer's :class:`History`; empty until a caller is chosen.

    From the top: who they are (:class:`CallerSummary`), their products, the tabs
    (timeline, cases, follow-ups, cards) and the details of the entry or case chosen.
    """

    sig_case_chosen = Signal(object)
    """The advocate wants to work on this case (a case id) on the resolution form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.history: History | None = None
        self.today = date.today()
        self._products_by_id: dict[uuid.UUID, Product] = {}

        self.caller = CallerSummary()
        self.products_view = self._products()
        self.timeline = TimelinePage()
        self.tabs = self._tabs()
        self.details = QTextBrowser()
        self.details.setObjectName("historyDetails")
        self.details.setAccessibleName(self.tr("Details of the chosen entry"))
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText(self.tr("Choose an entry or a case to read all of it."))

        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setObjectName("historySplitter")
        lists.setChildrenCollapsible(False)
        for index, (part, stretch) in enumerate(
            ((self.products_view, 3), (self.tabs, 6), (self.details, 1))
        ):
            lists.addWidget(part)
            lists.setStretchFactor(index, stretch)
        lists.setSizes([150, 330, 90])
        self.lists = lists
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caller)
        layout.addWidget(lists, 1)

        self.timeline.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._describe_interaction(current)
        )

    # -- building -----------------------------------------------------------------------------

    def _products(self) -> QListView:
        self.products = RecordTableModel(
            [
                Column(self.tr("Product"), lambda p: p.display_name),
                Column(self.tr("Model"), lambda p: p.model_number),
                Column(self.tr("Serial"), lambda p: p.serial_number),
                Column(self.tr("Purchased"), lambda p: day(p.purchase_date)),
                Column(
                    self.tr("Warranty"),
                    lambda p: labels().warranty(self._warranty(p)),
                    badge=lambda p: self._warranty(p).state.value,
                    tooltip=lambda p: self.tr("Warranty ends %s") % day(p.warranty_end),
                ),
            ],
            self,
        )
        view = QListView()
        view.setObjectName("productList")
        view.setModel(self.products)
        view.setAccessibleName(self.tr("Products"))
        view.setItemDelegate(
            TwoLineDelegate(self._product_title, self._product_details, self._product_badge, self)
        )
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setUniformItemSizes(True)
        return view

    def _tabs(self) -> QTabWidget:
        self.cases = RecordTableModel(
            [
                Column(self.tr("Case"), lambda c: c.number),
                Column(self.tr("Opened"), lambda c: day(c.opened_at)),
                Column(self.tr("Status"), lambda c: label(c.status)),
                Column(self.tr("Category"), lambda c: label(c.category), tooltip=_category),
                Column(self.tr("Product"), lambda c: self._product_name(c.product_id)),
                Column(self.tr("Summary"), lambda c: c.summary, tooltip=lambda c: c.summary),
            ],
            self,
        )
        self.follow_ups = RecordTableModel(
            [
                Column(self.tr("Due"), lambda f: moment(f.due_at)),
                Column(self.tr("Kind"), lambda f: label(f.kind)),
                Column(self.tr("Status"), lambda f: label(f.status)),
                Column(self.tr("Reason"), lambda f: f.reason, tooltip=lambda f: f.reason),
            ],
            self,
        )
        self.cards = RecordTableModel(
            [
                Column(self.tr("Created"), lambda c: day(c.created_at)),
                Column(self.tr("State"), lambda c: label(c.state)),
                Column(
                    self.tr("Message"),
                    lambda c: merged_message(c, self.history),
                    tooltip=lambda c: merged_message(c, self.history),
                ),
                Column(self.tr("By"), lambda c: c.written_by or ""),  # stamped by the server
            ],
            self,
        )
        self._views: dict[int, QTableView] = {}
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("History"))
        tabs.addTab(self.timeline, self.tr("&Timeline"))
        # The other tabs' tables are made when first shown (or asked for): Qt lays out a
        # table put in a tab, shown or not, asking its model for every header many times,
        # and the window comes up before the first caller is answered.
        for title in (self.tr("Cas&es"), self.tr("Follow-&ups"), self.tr("Car&ds")):
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            tabs.addTab(page, title)
        tabs.currentChanged.connect(lambda index: index > 0 and self._view(index))
        return tabs

    @property
    def cases_view(self) -> QTableView:
        """The cases tab's table (made on first use)."""
        return self._view(1)

    @property
    def follow_ups_view(self) -> QTableView:
        """The follow-ups tab's table (made on first use)."""
        return self._view(2)

    @property
    def cards_view(self) -> QTableView:
        """The cards tab's table (made on first use)."""
        return self._view(3)

    def _view(self, tab: int) -> QTableView:
        view = self._views.get(tab)
        if view is None:
            view = self._views[tab] = self._make_view(tab)
            self.tabs.widget(tab).layout().addWidget(view)
        return view

    def _make_view(self, tab: int) -> QTableView:
        if tab == 1:
            view = record_table(self.cases, self.tr("Cases"))
            fit_columns(view, ["C-7K2M9Q4X", "28 Sep 2025", "Resolved"], stretch=5)
            view.setColumnHidden(4, True)  # a case's product is in the details below
            view.selectionModel().currentRowChanged.connect(
                lambda current, _previous: self._describe_case(current)
            )
            view.activated.connect(self._choose_case)
        elif tab == 2:
            view = record_table(self.follow_ups, self.tr("Follow-ups"))
            fit_columns(view, ["28 Sep 2025 19:10", "Proactive call", "Cancelled"], stretch=3)
        else:
            view = record_table(self.cards, self.tr("Cards"))
            fit_columns(view, ["28 Sep 2025", "Cancelled"], stretch=2)
        return view

    # -- showing ------------------------------------------------------------------------------

    def show_history(self, history: History | None) -> None:
        """Show ``history``, or clear the panel when None."""
        same_customer = (
            history is not None
            and self.history is not None
            and history.customer.id == self.history.customer.id
        )
        self.history = history
        self.details.clear()
        self.caller.show_history(history)
        self.timeline.show_history(history, same_customer)
        self._products_by_id = {p.id: p for p in history.products} if history else {}
        self.products.set_records(history.products if history else [])
        self.cases.set_records(history.cases if history else [])
        self.follow_ups.set_records(history.follow_ups if history else [])
        self.cards.set_records(history.cards if history else [])

    def timeline_entries(self) -> list[Interaction]:
        """The timeline entries the filter lets through, newest first."""
        return self.timeline.entries()

    # -- internals ----------------------------------------------------------------------------

    def _describe_interaction(self, index: QModelIndex) -> None:
        if self.history is not None and index.isValid():
            entry = self.timeline.model.record(index.row())
            self.details.setHtml(interaction_details(entry, self.history))

    def _describe_case(self, index: QModelIndex) -> None:
        if self.history is not None and index.isValid():
            case = self.cases.record(index.row())
            self.details.setHtml(case_details(case, self.history))

    def _choose_case(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_case_chosen.emit(self.cases.record(index.row()).id)

    def _warranty(self, product: Product):
        return warranty_status(product.warranty_end, self.today)

    def _product_name(self, product_id) -> str:
        product = self._products_by_id.get(product_id)
        return f"{product.brand} {product.model_number}" if product else ""

    def _product_title(self, index) -> str:
        return self.products.record(index.row()).display_name

    def _product_details(self, index) -> str:
        product: Product = self.products.record(index.row())
        parts = [product.model_number, self.tr("serial %s") % product.serial_number]
        if product.purchase_date:
            parts.append(self.tr("bought %s") % day(product.purchase_date))
        return " · ".join(parts)

    def _product_badge(self, index) -> Badge:
        warranty = self.products.index(index.row(), 4)
        return Badge(
            str(self.products.data(warranty)), str(self.products.data(warranty, BADGE_ROLE))
        )


def _category(case) -> str:
    return label(case.category)
