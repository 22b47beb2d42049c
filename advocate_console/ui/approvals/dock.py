"""The lead's **Approvals** dock: the requests waiting for a decision, with who asks, for
which customer and case, the remedies, the reason and the customer's lifetime value;
approve or deny with a note, keyboard first.

View ▸ Approvals (Ctrl+Shift+A) puts the cursor on the list; Up/Down choose; Tab to the
note; Ctrl+Enter approves, Ctrl+Shift+D denies (a denial needs a note: the advocate
tells the customer why). The decision goes to the server on a worker, with the version
the lead saw (``If-Match``): someone faster is explained, never overwritten.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advocate_console.api import Offline, Rejected, SignedOut
from advocate_console.api.approvals import AlreadyDecided
from advocate_console.domain.authority import Approval
from advocate_console.domain.records import Advocate
from advocate_console.tasks import run_task

from ..formatting import moment
from ..reason_words import error_text
from ..record_models import Column, RecordTableModel
from ..window_parts import bottom_dock
from .words import dollars, words

if TYPE_CHECKING:
    from advocate_console.sync.approvals import ApprovalSync

Decision = Literal["approved", "denied"]


class ApprovalsPanel(QWidget):
    """Pending requests and the lead's decision on the chosen one."""

    sig_decided = Signal(object)
    """The server took a decision (the Approval as decided)."""

    def __init__(self, sync: ApprovalSync, me: Advocate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        self.me = me
        self.dock: QDockWidget | None = None
        self._read = 0
        self._sending = False
        self.setAccessibleName(self.tr("Approvals"))
        self._build_list()
        self._build_decision()
        self._lay_out()
        self._show_chosen()

    def _build_list(self) -> None:
        self.model = RecordTableModel(
            [
                Column(self.tr("Asked"), lambda a: moment(a.created_at)),
                Column(self.tr("Advocate"), lambda a: a.requester_name),
                Column(self.tr("Customer"), lambda a: a.customer_name),
                Column(self.tr("Case"), _case_number, tooltip=lambda a: a.case_title),
                Column(
                    self.tr("Remedies"),
                    lambda a: words().remedies(a.remedies),
                    tooltip=lambda a: words().remedies(a.remedies),
                ),
                Column(self.tr("Reason"), lambda a: a.reason, tooltip=lambda a: a.reason),
                Column(self.tr("Lifetime value"), lambda a: dollars(a.lifetime_value_cents)),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Requests waiting for a decision"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the note, not the next cell
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The remedies and the reason share what is left; the hover says them whole.
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty = QLabel(self.tr("No requests are waiting for a decision."))
        self.empty.setAccessibleName(self.tr("No requests waiting"))
        self.chosen = QLabel()
        self.chosen.setObjectName("approvalChosen")
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.chosen.setAccessibleName(self.tr("The chosen request"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_chosen())

    def _build_decision(self) -> None:
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note to the advocate"))
        self.note.setPlaceholderText(self.tr("Note to the advocate (needed to deny)"))
        self.note.setMaxLength(2000)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setToolTip(self.tr("Approve the chosen request (Ctrl+Enter)"))
        self.deny_button = QPushButton(self.tr("Deny"))
        self.deny_button.setToolTip(self.tr("Deny the chosen request (Ctrl+Shift+D)"))
        self.message = QLabel()
        self.message.setObjectName("approvalMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What became of the decision"))
        self.approve_button.clicked.connect(lambda: self.decide("approved"))
        self.deny_button.clicked.connect(lambda: self.decide("denied"))
        self._action(self.tr("Approve the chosen request"), "Ctrl+Return", "approved")
        self._action(self.tr("Deny the chosen request"), "Ctrl+Shift+D", "denied")

    def _lay_out(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addWidget(self.approve_button)
        actions.addWidget(self.deny_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for widget in (self.table, self.empty, self.chosen):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        QWidget.setTabOrder(self.table, self.note)
        QWidget.setTabOrder(self.note, self.approve_button)
        QWidget.setTabOrder(self.approve_button, self.deny_button)

    def _action(self, text: str, keys: str, decision: Decision) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self.decide(decision))
        self.addAction(action)

    # -- the list ---------------------------------------------------------------------------

    def use(self, me: Advocate) -> None:
        """Decide as ``me`` (a lead or an admin) from now on."""
        self.me = me

    def refresh(self) -> None:
        """Read the pending requests from the local store again, off the UI thread."""
        self._read += 1
        read, book, me = self._read, self.sync.book, self.me
        run_task(
            lambda: book.pending(except_requester=me.id),
            lambda found: self._show(read, found),
            lambda error: self.message.setText(
                self.tr("The requests could not be read: %s") % error_text(error)
            ),
            owner=self,
        )

    def _show(self, read: int, approvals: list[Approval]) -> None:
        if read != self._read:
            return
        before = self.current()
        had_focus = self.table.hasFocus()
        self.model.set_records(approvals)
        ids = [approval.id for approval in approvals]
        row = ids.index(before.id) if before is not None and before.id in ids else 0
        if approvals:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.setVisible(bool(approvals))
        self.empty.setVisible(not approvals)
        if self.dock is not None:
            self.dock.setWindowTitle(self.title(len(approvals)))
        if had_focus and approvals:
            self.table.setFocus()
        self._show_chosen()

    def title(self, waiting: int) -> str:
        """``Approvals (2)``: the dock's title says how many wait."""
        if not waiting:
            return self.tr("Approvals")
        return self.tr("Approvals (%n waiting)", "", waiting)

    def menu_text(self) -> str:
        """The dock's entry in the View menu."""
        return self.tr("&Approvals")

    def current(self) -> Approval | None:
        """The request the lead has chosen, if any."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.record(index.row())

    def choose(self, approval_id: uuid.UUID) -> None:
        """Put the cursor on one request (a notification was clicked, or a test)."""
        for row, approval in enumerate(self.model.records()):
            if approval.id == approval_id:
                self.table.selectRow(row)
                self.table.setFocus()

    def _show_chosen(self) -> None:
        approval = self.current()
        if approval is None:
            self.chosen.clear()
        else:
            self.chosen.setText(
                self.tr("%s asks for %s on case %s of %s (lifetime value %s): “%s”")
                % (
                    approval.requester_name,
                    words().remedies(approval.remedies),
                    _case_number(approval),
                    approval.customer_name,
                    dollars(approval.lifetime_value_cents),
                    approval.reason,
                )
            )
        for button in (self.approve_button, self.deny_button):
            button.setEnabled(approval is not None and not self._sending)
        self.note.setEnabled(approval is not None)

    # -- deciding -----------------------------------------------------------------------------

    def decide(self, decision: Decision) -> None:
        """Send the decision on the chosen request (a denial needs a note)."""
        approval = self.current()
        if approval is None or self._sending:
            return
        note = self.note.text().strip()
        if decision == "denied" and not note:
            self.message.setText(self.tr("Say why in the note: the advocate tells the customer."))
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._sending = True
        self._show_chosen()
        self.message.setText(self.tr("Sending…"))
        self.sync.decide(
            approval,
            decision,
            note,
            self._decided,
            lambda error: self._failed(approval, error),
        )

    def _decided(self, approval: Approval) -> None:
        self._sending = False
        self.note.clear()
        text = (
            self.tr("Approved: %s's request for case %s.")
            if approval.status == "approved"
            else self.tr("Denied: %s's request for case %s.")
        )
        self.message.setText(text % (approval.requester_name, _case_number(approval)))
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            self.table.setFocus()  # on to the next request, from the keyboard
        self.sig_decided.emit(approval)
        self.refresh()

    def _failed(self, seen: Approval, error: Exception) -> None:
        self._sending = False
        self.message.setText(self.explain(seen, error))
        self.refresh()

    def explain(self, seen: Approval, error: Exception) -> str:
        """Why a decision did not go through, in words."""
        if isinstance(error, AlreadyDecided):
            now = error.approval
            if now.status != "pending":
                return self.tr("Already decided: %s. The list is up to date.") % words().decision(
                    now
                )
            return self.tr("The request changed meanwhile: look at it again, then decide.")
        if isinstance(error, Rejected) and error.status == 403:
            return self.tr("You may not decide this request: %s") % error_text(error)
        if isinstance(error, Offline):
            return self.tr("Not sent: the server cannot be reached. Try again in a moment.")
        if isinstance(error, SignedOut):
            return self.tr("Not sent: you are signed out. Sign in, then decide again.")
        return self.tr("Not sent: %s") % error_text(error)


def _case_number(approval: Approval) -> str:
    """``C-FTYD7K39`` of the server's ``C-FTYD7K39 · what went wrong``."""
    return approval.case_title.split(" · ")[0]


def show_approvals_dock(window: QMainWindow, panel: ApprovalsPanel) -> QDockWidget:
    """The Approvals dock at the bottom, beside the follow-ups, shown at once, with its
    View menu entry (Ctrl+Shift+A puts the cursor on the list)."""
    dock = bottom_dock(window, panel.title(0), "approvalsDock", "")
    dock.setWidget(panel)
    panel.dock = dock
    follow_ups = window.findChild(QDockWidget, "followUpsDock")
    if follow_ups is not None:
        window.tabifyDockWidget(follow_ups, dock)
    action = dock.toggleViewAction()
    # The menu entry shows or hides the dock; its keys go to the list instead (below): a
    # lead pressing them to answer a request must never close it by pressing them.
    action.setText(panel.menu_text() + "\tCtrl+Shift+A")
    action.triggered.connect(lambda shown: shown and panel.table.setFocus())
    go = QAction(QCoreApplication.translate("ApprovalsPanel", "Go to the approvals"), window)
    go.setShortcut(QKeySequence("Ctrl+Shift+A"))
    go.triggered.connect(lambda: go_to_approvals(dock, panel))
    window.addAction(go)
    view_menu = getattr(window, "view_menu", None)
    if view_menu is not None:
        view_menu.addAction(action)
    dock.show()
    dock.raise_()
    return dock


def go_to_approvals(dock: QDockWidget, panel: ApprovalsPanel) -> None:
    """Ctrl+Shift+A: show the dock (in front of the follow-ups beside it) and put the cursor
    on the list; when the cursor is in it already, hide it, as the menu entry does."""
    if not dock.toggleViewAction().isVisible():
        return  # not a lead or admin now
    focused = QApplication.focusWidget()
    if dock.isVisible() and focused is not None and dock.isAncestorOf(focused):
        dock.hide()
        return
    dock.show()
    dock.raise_()
    panel.table.setFocus()
