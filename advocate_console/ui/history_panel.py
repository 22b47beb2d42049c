"""The caller's whole history at a glance: who they are, what they own, what happened."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advocate_console.domain import History, Product, repeat_failures, warranty_status

from .formatting import day, moment, money, phone
from .record_models import Column, RecordTableModel


class HistoryPanel(QWidget):
    """Shows one customer's :class:`History`; empty until a caller is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: History | None = None
        self.today = date.today()
        products_by_id: dict = {}
        self._products_by_id = products_by_id

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
                Column(self.tr("By"), lambda i: i.advocate or ""),
            ],
            self,
        )
        self.follow_ups = RecordTableModel(
            [
                Column(self.tr("Due"), lambda f: moment(f.due_at)),
                Column(self.tr("Kind"), lambda f: f.kind.value),
                Column(self.tr("Status"), lambda f: f.status.value),
                Column(self.tr("Reason"), lambda f: f.reason),
            ],
            self,
        )
        self.cards = RecordTableModel(
            [
                Column(self.tr("Created"), lambda c: day(c.created_at)),
                Column(self.tr("State"), lambda c: c.state.value),
                Column(self.tr("Message"), lambda c: c.message, tooltip=lambda c: c.message),
            ],
            self,
        )

        self.products_view = _table(self.products, self.tr("Products"))
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("History"))
        self.tabs = tabs
        self.timeline_view = _table(self.timeline, self.tr("Timeline"))
        self.cases_view = _table(self.cases, self.tr("Cases"))
        tabs.addTab(self.timeline_view, self.tr("Timeline"))
        tabs.addTab(self.cases_view, self.tr("Cases"))
        tabs.addTab(_table(self.follow_ups, self.tr("Follow-ups")), self.tr("Follow-ups"))
        tabs.addTab(_table(self.cards, self.tr("Cards")), self.tr("Cards"))

        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setObjectName("historySplitter")
        lists.addWidget(self.products_view)
        lists.addWidget(tabs)
        lists.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.summary)
        layout.addWidget(self.contact)
        layout.addWidget(self.warning)
        layout.addWidget(lists, 1)

    def show_history(self, history: History | None) -> None:
        """Show ``history``, or clear the panel when None."""
        self.history = history
        if history is None:
            self.name.setText(self.tr("No caller yet"))
            self.summary.setText(self.tr("Search for a caller by phone, name, e-mail or serial."))
            self.contact.clear()
            self.warning.hide()
            for model in (self.products, self.cases, self.timeline, self.follow_ups, self.cards):
                model.set_records([])
            return
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
        flags = repeat_failures(history.products, history.cases)
        self.warning.setText("\n".join("⚠ " + flag.describe() for flag in flags))
        self.warning.setVisible(bool(flags))
        self.products.set_records(history.products)
        self.cases.set_records(history.cases)
        self.timeline.set_records(history.interactions)
        self.follow_ups.set_records(history.follow_ups)
        self.cards.set_records(history.cards)

    def _warranty(self, product: Product):
        return warranty_status(product.warranty_end, self.today)

    def _product_name(self, product_id) -> str:
        product = self._products_by_id.get(product_id)
        return f"{product.brand} {product.model_number}" if product else ""


def _table(model: RecordTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setWordWrap(False)
    return view
