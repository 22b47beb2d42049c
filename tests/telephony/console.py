"""The console's telephony parts assembled as the main window would: store, directory,
phone, conference, dial-out panel and call panel side by side."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QTableView, QWidget

from advocate_console.domain import Case, Collection, Customer, Product, Resource, WorkingHours
from advocate_console.store import Replica, Store
from advocate_console.store.resources import CallLog, DialContext, ResourceDirectory
from advocate_console.telephony import Softphone
from advocate_console.telephony.conference import Conference
from advocate_console.ui.call_panel import CallPanel
from advocate_console.ui.dial_out_panel import DialOutPanel, RankedResourceModel
from tests import factories as make

ADVOCATE = "Maya Castellanos"
ALWAYS = WorkingHours(timezone="UTC", days=[0, 1, 2, 3, 4, 5, 6], start="00:00", end="23:59")


def resource(name: str, sip_uri: str | None, **fields) -> Resource:
    """An internal resource reachable at ``sip_uri``, on duty around the clock."""
    values = dict(
        id=uuid.uuid4(),
        name=name,
        department="Product engineering",
        role="Engineer, microwaves",
        skills=["product failure"],
        products=["Halvorsen microwaves"],
        sip_uri=sip_uri,
        working_hours=ALWAYS,
    )
    return Resource(**(values | fields))


@dataclass
class Console:
    """The pieces a test drives."""

    window: QWidget
    dial_out: DialOutPanel
    calls: CallPanel
    conference: Conference
    directory: ResourceDirectory
    call_log: CallLog
    customer: Customer
    product: Product
    case: Case

    def row_of(self, name: str) -> int:
        """The dial-out list row showing ``name``."""
        model = self.dial_out.model
        for row in range(model.rowCount()):
            if model.ranked(row).resource.name == name:
                return row
        raise LookupError(f"{name} is not in the dial-out list")

    def click_call(self, qtbot, name: str) -> None:
        """One click on the "Call" cell of ``name``'s row, as the advocate would."""
        table: QTableView = self.dial_out.table
        index = self.dial_out.model.index(self.row_of(name), RankedResourceModel.CALL)
        table.scrollTo(index)
        centre: QPoint = table.visualRect(index).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def build_console(
    qtbot, store: Store, phone: Softphone | None, resources: list[Resource], **options
) -> Console:
    """Resources and the story customer synced into ``store``, and the panels shown."""
    customer = make.customer(display_name="Margaret O'Donnell")
    product = make.product(customer, model_number="HVM3160SF")
    case = make.case(customer, product_id=product.id)
    Replica(store).apply(
        [(Collection.RESOURCES, r) for r in resources]
        + [
            (Collection.CUSTOMERS, customer),
            (Collection.PRODUCTS, product),
            (Collection.CASES, case),
        ]
    )
    directory = ResourceDirectory(store, ADVOCATE)
    call_log = CallLog(store, ADVOCATE)
    conference = Conference(phone, call_log, **options)
    context = DialContext.for_case(case, product)
    conference.set_context(context)
    dial_out = DialOutPanel(directory)
    calls = CallPanel(conference)
    dial_out.sig_dial_requested.connect(
        lambda chosen, ask_first: conference.dial(chosen, ask_first=ask_first)
    )
    window = QWidget()
    layout = QHBoxLayout(window)
    layout.addWidget(calls, 2)
    layout.addWidget(dial_out, 3)
    window.resize(1100, 600)
    qtbot.addWidget(window)
    window.show()
    dial_out.set_context(context)
    qtbot.waitUntil(lambda: dial_out.model.rowCount() == len(resources), timeout=10_000)
    return Console(
        window, dial_out, calls, conference, directory, call_log, customer, product, case
    )
