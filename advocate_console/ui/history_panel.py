"""The caller's whole history at a glance: who they are, what they own, what happened."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from advocate_console.domain import InteractionKind, warranty_status

from .delegates import Badge, TwoLineDelegate
from .formatting import day, moment, money, phone
from .history_details import case_details, interaction_details, written_by
from .record_models import BADGE_ROLE, Column, RecordTableModel

if TYPE_CHECKING:  # the records load with the store, after the window is up
    from advocate_console.domain import History, Interaction, Product

TIMELINE_BATCH = 100
"""Timeline rows handed to the view at a time, as it scrolls."""
FILTER_DELAY_MS = 120


class HistoryPanel(QWidget):
    """Shows one customer's :class:`History`; empty until a caller is chosen."""

    sig_case_chosen = Signal(object)
    """The advocate wants to work on this case (a case id) on the resolution form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.history: History | None = None
        self.today = date.today()
        self._products_by_id: dict[uuid.UUID, Product] = {}

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

        self.products = RecordTableModel(
            [
                Column(self.tr("Product"), lambda p: p.display_name),
                Column(self.tr("Model"), lambda p: p.model_number),
                Column(self.tr("Serial"), lambda p: p.serial_number),
                Column(self.tr("Purchased"), lambda p: day(p.purchase_date)),
                Column(
                    self.tr("Warranty"),
                    lambda p: self._warranty(p).describe(),
                    badge=lambda p: self._warranty(p).state.value,
                    tooltip=lambda p: self.tr("Warranty ends %s") % day(p.warranty_end),
                ),
            ],
            self,
        )
        self.cases = RecordTableModel(
            [
                Column(self.tr("Case"), lambda c: c.number),
                Column(self.tr("Opened"), lambda c: day(c.opened_at)),
                Column(self.tr("Status"), lambda c: c.status.value),
                Column(self.tr("Category"), lambda c: c.category),
                Column(self.tr("Product"), lambda c: self._product_name(c.product_id)),
                Column(self.tr("Summary"), lambda c: c.summary, tooltip=lambda c: c.summary),
            ],
            self,
        )
        self.timeline = RecordTableModel(
            [
                Column(self.tr("When"), lambda i: moment(i.occurred_at)),
                Column(self.tr("What"), lambda i: i.kind.value),
                Column(
                    self.tr("Summary"), lambda i: i.summary, tooltip=lambda i: i.body or i.summary
                ),
                Column(self.tr("By"), lambda i: written_by(i, self.tr)),
            ],
            self,
            batch=TIMELINE_BATCH,
        )
        self.follow_ups = RecordTableModel(
            [
                Column(self.tr("Due"), lambda f: moment(f.due_at)),
                Column(self.tr("Kind"), lambda f: f.kind.value),
                Column(self.tr("Status"), lambda f: f.status.value),
                Column(self.tr("Reason"), lambda f: f.reason, tooltip=lambda f: f.reason),
            ],
            self,
        )
        self.cards = RecordTableModel(
            [
                Column(self.tr("Created"), lambda c: day(c.created_at)),
                Column(self.tr("State"), lambda c: c.state.value),
                Column(self.tr("Message"), lambda c: c.message, tooltip=lambda c: c.message),
                Column(self.tr("By"), lambda c: written_by(c, self.tr)),
            ],
            self,
        )

        self.products_view = QListView()
        self.products_view.setObjectName("productList")
        self.products_view.setModel(self.products)
        self.products_view.setAccessibleName(self.tr("Products"))
        self.products_view.setItemDelegate(
            TwoLineDelegate(self._product_title, self._product_details, self._product_badge, self)
        )
        self.products_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.products_view.setUniformItemSizes(True)

        self.timeline_filter = QLineEdit()
        self.timeline_filter.setPlaceholderText(self.tr("Filter the timeline…"))
        self.timeline_filter.setClearButtonEnabled(True)
        self.timeline_filter.setAccessibleName(self.tr("Filter the timeline"))
        self.timeline_kind = QComboBox()
        self.timeline_kind.setAccessibleName(self.tr("Kind of timeline entry"))
        self.timeline_kind.addItem(self.tr("Everything"), None)
        for kind, text in (
            (InteractionKind.CALL, self.tr("Calls")),
            (InteractionKind.CALLBACK, self.tr("Callbacks")),
            (InteractionKind.EMAIL, self.tr("E-mails")),
            (InteractionKind.NOTE, self.tr("Notes")),
            (InteractionKind.CARD, self.tr("Cards")),
        ):
            self.timeline_kind.addItem(text, kind.value)
        self.timeline_view = _table(self.timeline, self.tr("Timeline"))
        self.timeline_view.setObjectName("timeline")
        timeline_page = QWidget()
        timeline_layout = QVBoxLayout(timeline_page)
        timeline_layout.setContentsMargins(0, 4, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.timeline_filter, 1)
        filters.addWidget(self.timeline_kind)
        timeline_layout.addLayout(filters)
        timeline_layout.addWidget(self.timeline_view, 1)

        self.cases_view = _table(self.cases, self.tr("Cases"))
        self.follow_ups_view = _table(self.follow_ups, self.tr("Follow-ups"))
        self.cards_view = _table(self.cards, self.tr("Cards"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("History"))
        self.tabs.addTab(timeline_page, self.tr("&Timeline"))
        self.tabs.addTab(self.cases_view, self.tr("Cas&es"))
        self.tabs.addTab(self.follow_ups_view, self.tr("Follow-&ups"))
        self.tabs.addTab(self.cards_view, self.tr("Car&ds"))
        _fit_columns(self.timeline_view, ["28 Sep 2025 19:10", "callback"], stretch=2)
        _fit_columns(self.cases_view, ["C-7K2M9Q4X", "28 Sep 2025", "resolved"], stretch=5)
        _fit_columns(self.follow_ups_view, ["28 Sep 2025 19:10", "proactive", "open"], stretch=3)
        _fit_columns(self.cards_view, ["28 Sep 2025", "printed"], stretch=2)
        # Who wrote an entry, and a case's product, are in the details below.
        self.timeline_view.setColumnHidden(3, True)
        self.cases_view.setColumnHidden(4, True)

        self.details = QTextBrowser()
        self.details.setObjectName("historyDetails")
        self.details.setAccessibleName(self.tr("Details of the chosen entry"))
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText(self.tr("Choose an entry or a case to read all of it."))

        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setObjectName("historySplitter")
        lists.setChildrenCollapsible(False)
        lists.addWidget(self.products_view)
        lists.addWidget(self.tabs)
        lists.addWidget(self.details)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 6)
        lists.setStretchFactor(2, 1)
        lists.setSizes([150, 330, 90])
        self.lists = lists

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.summary)
        layout.addWidget(self.contact)
        layout.addWidget(self.warning)
        layout.addWidget(lists, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._filter_timeline)
        self.timeline_filter.textChanged.connect(self._filter_timer.start)
        self.timeline_kind.currentIndexChanged.connect(self._filter_timeline)
        for view, describe in (
            (self.timeline_view, self._describe_interaction),
            (self.cases_view, self._describe_case),
        ):
            view.selectionModel().currentRowChanged.connect(
                lambda current, _previous, d=describe: d(current)
            )
        self.cases_view.activated.connect(self._choose_case)

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
        if history is None:
            self.name.setText(self.tr("No caller yet"))
            self.summary.setText(self.tr("Search for a caller by phone, name, e-mail or serial."))
            self.contact.clear()
            self.warning.hide()
            for model in (self.products, self.cases, self.timeline, self.follow_ups, self.cards):
                model.set_records([])
            return
        if not same_customer:  # a new caller starts with the whole timeline
            self.timeline_filter.blockSignals(True)
            self.timeline_filter.clear()
            self.timeline_filter.blockSignals(False)
            self.timeline_kind.setCurrentIndex(0)
        customer = history.customer
        self._products_by_id = {product.id: product for product in history.products}
        open_cases = sum(1 for case in history.cases if case.status.is_open)
        self.name.setText(customer.display_name)
        self.summary.setText(
            self.tr("%s customer since %s · lifetime value %s · %d open case(s)")
            % (
                customer.tier.value.capitalize(),
                day(customer.customer_since),
                money(customer.lifetime_value_cents),
                open_cases,
            )
        )
        lines = [" · ".join(phone(p) for p in customer.phones), " · ".join(customer.emails)]
        if customer.address:
            lines.append(", ".join(customer.address.envelope_lines(customer.display_name)[1:]))
        self.contact.setText("\n".join(line for line in lines if line))
        from advocate_console.domain import repeat_failures

        flags = repeat_failures(history.products, history.cases)
        self.warning.setText("\n".join("⚠ " + flag.describe() for flag in flags))
        self.warning.setVisible(bool(flags))
        self.products.set_records(history.products)
        self.cases.set_records(history.cases)
        self._filter_timeline()
        self.follow_ups.set_records(history.follow_ups)
        self.cards.set_records(history.cards)

    def timeline_entries(self) -> list[Interaction]:
        """The timeline entries the filter lets through, newest first."""
        return self.timeline.records()

    # -- internals ----------------------------------------------------------------------------

    def _filter_timeline(self) -> None:
        history = self.history
        if history is None:
            self.timeline.set_records([])
            return
        words = self.timeline_filter.text().casefold().split()
        kind = self.timeline_kind.currentData()
        entries = [
            entry
            for entry in history.interactions
            if (kind is None or entry.kind.value == kind)
            and all(word in _searchable(entry) for word in words)
        ]
        self.timeline.set_records(entries)

    def _describe_interaction(self, index: QModelIndex) -> None:
        if self.history is not None and index.isValid():
            entry = self.timeline.record(index.row())
            self.details.setHtml(interaction_details(entry, self.history, self.tr))

    def _describe_case(self, index: QModelIndex) -> None:
        if self.history is not None and index.isValid():
            case = self.cases.record(index.row())
            self.details.setHtml(case_details(case, self.history, self.tr))

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


def _searchable(entry: Interaction) -> str:
    return f"{entry.summary} {entry.body} {entry.written_by} {entry.kind.value}".casefold()


def _table(model: RecordTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Fixed row height: nothing measures 500 rows to lay them out.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


def _fit_columns(view: QTableView, samples: list[str], stretch: int) -> None:
    """Size the first columns for their widest usual text; ``stretch`` takes what is left
    (no column is measured row by row, which would read every row)."""
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    for column, sample in enumerate(samples):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, metrics.horizontalAdvance(sample) + 18)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column in range(len(samples), view.model().columnCount()):
        if column != stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance("M" * 8))
