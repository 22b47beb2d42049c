"""The dial-out panel: internal resources ranked for the problem at hand, one click to call.

The list is searched as the advocate types and ranked by who helped with this category
and product before (see :mod:`advocate_console.store.resources`). A click on "Call", a
double-click, Enter, or Alt+1…Alt+9 dials that resource into the call; the panel itself
only asks (``sig_dial_requested``) and never touches the phone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advocate_console.store.resources import DialContext, RankedResource, ResourceDirectory
from advocate_console.tasks import run_task

from .delegates import Badge, TwoLineDelegate
from .reason_words import error_text
from .record_models import BADGE_ROLE, RECORD_ROLE
from .theme import colours

if TYPE_CHECKING:
    from advocate_console.domain import Case, History

SHORTCUT_COUNT = 9
"""Alt+1 … Alt+9 dial the first nine resources of the list."""


class RankedResourceModel(QAbstractTableModel):
    """The ranked resources, one per row; the last column is the one-click "Call"."""

    FAVOURITE, NAME, DESK, HISTORY, AVAILABLE, CALL = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RankedResource] = []
        self._enabled = True
        self._titles = [
            "★",
            self.tr("Name"),
            self.tr("Desk and role"),
            self.tr("Helped before"),
            self.tr("Now"),
            "",
        ]

    def set_enabled(self, on: bool) -> None:
        """Draw "Call" as a link only while the list can be used (dimmed with the rest of
        the screen under a search that is not the shown caller, it is plain grey text)."""
        if on != self._enabled:
            self._enabled = on
            if self._rows:
                last = self.index(len(self._rows) - 1, self.CALL)
                self.dataChanged.emit(self.index(0, self.CALL), last)

    def set_rows(self, rows: Sequence[RankedResource]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def ranked(self, row: int) -> RankedResource:
        """The resource shown on ``row``."""
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._rows[index.row()]
        column = index.column()
        if role == RECORD_ROLE:
            return line
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if column == self.AVAILABLE and role == BADGE_ROLE:
            return {True: "available", False: "away", None: "unknown"}[line.available]
        if column == self.AVAILABLE and role == Qt.ItemDataRole.ForegroundRole:
            colour = {True: "#1e6b34", False: "#8a1c1c", None: "#555555"}[line.available]
            return QBrush(QColor(colour))
        if column == self.CALL and role == Qt.ItemDataRole.ForegroundRole and self._enabled:
            return QBrush(QColor(colours().link))
        return None

    def _text(self, line: RankedResource, column: int) -> str:
        resource, record = line.resource, line.track_record
        if column == self.FAVOURITE:
            return "★" if line.favourite else "☆"
        if column == self.NAME:
            return resource.name
        if column == self.DESK:
            return " · ".join(part for part in (resource.department, resource.role) if part)
        if column == self.HISTORY:
            # Two short lines, as the row has: this very problem first, then the rest.
            first = []
            if record.helped_here:
                first.append(self.tr("%d× on this") % record.helped_here)
            if record.helped_me:
                first.append(self.tr("%d× for you") % record.helped_me)
            second = (
                [self.tr("%d× similar") % record.helped_category] if record.helped_category else []
            )
            if not first and not second and line.knows_problem:
                first.append(self.tr("knows this"))
            return "\n".join(", ".join(part) for part in (first, second) if part)
        if column == self.AVAILABLE:
            return {True: self.tr("Available"), False: self.tr("Off hours"), None: "—"}[
                line.available
            ]
        return self.tr("Call")

    def _tooltip(self, line: RankedResource, column: int) -> str | None:
        resource = line.resource
        if column == self.CALL:
            address = resource.sip_uri or resource.phone or self.tr("no address")
            return self.tr("Call %s (%s)") % (resource.name, address)
        if column == self.FAVOURITE:
            return self.tr("Star or unstar")
        if column == self.AVAILABLE and resource.working_hours is not None:
            hours = resource.working_hours
            return self.tr("%s–%s, %s") % (
                hours.start.strftime("%H:%M"),
                hours.end.strftime("%H:%M"),
                hours.timezone,
            )
        tried = line.track_record.tried_here
        notes = resource.notes
        if tried:
            notes += "\n" + self.tr("Tried %d times on this problem before.") % tried
        return notes or None


class DialOutPanel(QWidget):
    """Internal resources for the current case, best first; one click dials."""

    sig_dial_requested = Signal(object, bool)
    """The advocate wants this resource in the call (Resource, ask first)."""
    sig_failed = Signal(str)
    """The list could not be loaded; why (also shown under the list)."""
    sig_context_changed = Signal(object)
    """The list now ranks for this problem (a DialContext): the call should know it too."""

    def __init__(
        self,
        directory: ResourceDirectory | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("dialOutPanel")
        self.directory = directory
        self._clock = clock  # None: the real time ("available now" from working hours)
        self.context = DialContext()
        self._generation = 0  # answers of older searches are dropped

        self.title = QLabel(self.tr("<b>Bring someone in</b>"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search people, desks, skills, products…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search resources"))
        self.available_only = QCheckBox(self.tr("Available now"))
        self.favourites_only = QCheckBox(self.tr("Favourites"))
        self.ask_first = QCheckBox(self.tr("Ask first"))
        self.ask_first.setToolTip(
            self.tr("Hold the customer while you talk to the resource alone; then join all.")
        )
        self.model = RankedResourceModel(self)
        self.table = self._table()
        self.empty = QLabel()
        self.empty.setWordWrap(True)

        filters = QHBoxLayout()
        for box in (self.available_only, self.favourites_only, self.ask_first):
            filters.addWidget(box)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.available_only.toggled.connect(self.refresh)
        self.favourites_only.toggled.connect(self.refresh)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(lambda index: self.dial_row(index.row()))
        for number in range(1, SHORTCUT_COUNT + 1):
            action = QAction(self.tr("Call person %d of the list into the call") % number, self)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, row=number - 1: self.dial_row(row))
            self.addAction(action)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("resourceTable")
        table.setAccessibleName(self.tr("People to bring into the call, best first"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        # Name with desk and role on two lines (and whether they are on shift), "Call"
        # right beside it so it is never scrolled out of reach, the track record after.
        table.setItemDelegateForColumn(
            RankedResourceModel.NAME,
            TwoLineDelegate(self._name_of, self._desk_of, self._shift_of, table),
        )
        table.setColumnHidden(RankedResourceModel.DESK, True)
        table.setColumnHidden(RankedResourceModel.AVAILABLE, True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() * 2 + 14)
        header = table.horizontalHeader()
        metrics = self.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.resizeSection(RankedResourceModel.FAVOURITE, metrics.horizontalAdvance("★") + 18)
        call = QCoreApplication.translate("RankedResourceModel", "Call")  # as the cell says
        header.resizeSection(RankedResourceModel.CALL, metrics.horizontalAdvance(call) + 20)
        header.setSectionResizeMode(RankedResourceModel.NAME, QHeaderView.ResizeMode.Stretch)
        # As wide as what it says now (a hundred rows at most) and never less than its title.
        header.setSectionResizeMode(
            RankedResourceModel.HISTORY, QHeaderView.ResizeMode.ResizeToContents
        )

        header.moveSection(header.visualIndex(RankedResourceModel.CALL), 2)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        return table

    def set_directory(self, directory: ResourceDirectory) -> None:
        """Read resources from ``directory`` (once the local store is open)."""
        self.directory = directory
        self.refresh()

    def set_context(self, context: DialContext) -> None:
        """Rank for this case and product."""
        self.context = context
        self.sig_context_changed.emit(context)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange:
            self.model.set_enabled(self.isEnabled())
        super().changeEvent(event)

    def show_case(self, history: History, case: Case | None) -> None:
        """Rank for ``case`` of the caller of ``history`` (their newest open case when
        ``case`` is None or another customer's); with no open case, rank for no problem,
        but a conference started still calls this customer back."""
        if case is None or case.customer_id != history.customer.id:
            open_cases = [c for c in history.cases if c.status.is_open]
            case = max(open_cases, key=lambda c: c.opened_at) if open_cases else None
        context = DialContext(customer_id=history.customer.id)
        if case is not None:
            product = next((p for p in history.products if p.id == case.product_id), None)
            context = DialContext.for_case(case, product)
        if context != self.context:
            self.forget_caller()
            self.set_context(context)

    def forget_caller(self) -> None:
        """The caller changed: no ranking from their case, no search or error left over."""
        self.empty.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if self.context != DialContext():
            self.set_context(DialContext())

    def refresh(self) -> None:
        """Search and rank again (off the UI thread)."""
        directory = self.directory
        if directory is None:
            return
        self._generation += 1
        generation = self._generation
        text, context = self.search.text(), self.context
        available, favourites = self.available_only.isChecked(), self.favourites_only.isChecked()
        now = self._clock() if self._clock is not None else None
        run_task(
            lambda: directory.ranked(
                context, text, now=now, available_only=available, favourites_only=favourites
            ),
            lambda rows: self._show(generation, rows),
            self._failed,
            owner=self,
        )

    def dial_row(self, row: int) -> None:
        """Ask to dial the resource on ``row`` (0 = the best ranked)."""
        if 0 <= row < self.model.rowCount():
            resource = self.model.ranked(row).resource
            self.sig_dial_requested.emit(resource, self.ask_first.isChecked())

    def _show(self, generation: int, rows: list[RankedResource]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        if rows:
            self.empty.clear()
        elif self.search.text():
            self.empty.setText(self.tr("Nobody matches “%s”.") % self.search.text())
        else:
            self.empty.setText(self.tr("No resources yet: they arrive with the next sync."))

    def _failed(self, error: Exception) -> None:
        self.empty.setText(self.tr("The list could not be read: %s") % error_text(error))
        self.sig_failed.emit(str(error))

    def _name_of(self, index) -> str:
        return self.model.ranked(index.row()).resource.name

    def _desk_of(self, index) -> str:
        resource = self.model.ranked(index.row()).resource
        return " · ".join(part for part in (resource.department, resource.role) if part)

    def _shift_of(self, index) -> Badge | None:
        available = self.model.ranked(index.row()).available
        if available is None:
            return None
        if available:
            return Badge(self.tr("on shift"), "active")
        return Badge(self.tr("off hours"), "none")

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == RankedResourceModel.CALL:
            self.dial_row(index.row())
        elif index.column() == RankedResourceModel.FAVOURITE and self.directory is not None:
            line = self.model.ranked(index.row())
            directory = self.directory
            run_task(
                lambda: directory.set_favourite(line.resource.id, not line.favourite),
                lambda _: self.refresh(),
                self._failed,
                owner=self,
            )
