"""Follow-ups due and overdue: the advocate's own by default, the team's at a switch. One
click opens the caller; "Mark done" asks how the call went, logs it on their timeline, and
can be taken back for a few seconds."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_console.domain.follow_up_calls import CallResult
from advocate_console.domain.ownership import Whose
from advocate_console.store.follow_ups import DueFollowUp, FollowUpError, FollowUpList, LoggedCall
from advocate_console.tasks import SerialQueue

from .follow_up_call_dialog import FollowUpCallDialog
from .follow_up_table import OWNER_COLUMN, FollowUpTable
from .labels import call_result_label
from .reason_words import error_text
from .undo_bar import UndoBar
from .whose_switch import WhoseSwitch

REFRESH_MS = 60_000
"""How often the list is read again, so a follow-up turns overdue on screen by itself."""


class FollowUpsPanel(QWidget):
    """The due and overdue follow-ups, most overdue first: mine, or the whole team's."""

    sig_caller_requested = Signal(object)
    """Open this customer (a customer id) on the one screen."""
    sig_completed = Signal(object)
    """A call on this follow-up (an id) was logged, or taken back: its customer changed."""
    sig_refreshed = Signal(int)
    """The list was read again; carries how many of the due follow-ups are mine."""
    sig_message = Signal(str)
    """A line for the status bar."""

    def __init__(self, follow_ups: FollowUpList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_ups = follow_ups
        self.whose = Whose.MINE
        self.call_dialog: FollowUpCallDialog | None = None
        self._due: list[DueFollowUp] = []
        self._logged: LoggedCall | None = None
        self._generation = 0
        self._queue = SerialQueue()  # a logged call, its undo and the refreshes, in order

        self._make_widgets()
        self._lay_out()
        self._connect()
        self.table.setColumnHidden(OWNER_COLUMN, True)
        self._show_buttons()

    def _make_widgets(self) -> None:
        self.title = QLabel(self.tr("Follow-ups"))
        self.title.setObjectName("followUpsTitle")
        self.title.setAccessibleName(self.tr("Follow-ups summary"))
        self.whose_switch = WhoseSwitch(
            self.tr("Show my follow-ups"), self.tr("Show the whole team's follow-ups")
        )
        self.mine_button, self.team_button = self.whose_switch.mine, self.whose_switch.team
        self.table = FollowUpTable()
        self.model = self.table.model()
        self.empty = QLabel()
        self.empty.setAccessibleName(self.tr("No follow-ups due"))
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.open_button = QPushButton(self.tr("Open call&er"))
        self.open_button.setAccessibleName(self.tr("Open the caller of the chosen follow-up"))
        self.done_button = QPushButton(self.tr("Mar&k done…"))
        self.done_button.setAccessibleName(self.tr("Log the call on the chosen follow-up"))
        self.done_button.setToolTip(self.tr("Say how the call went and log it (Ctrl+D)"))
        self.refresh_button = QPushButton(self.tr("Refres&h"))
        self.refresh_button.setAccessibleName(self.tr("Read the follow-ups again"))
        self.undo_bar = UndoBar()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.whose_switch)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.undo_bar)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.team_button, self.table)
        QWidget.setTabOrder(self.table, self.open_button)
        QWidget.setTabOrder(self.open_button, self.done_button)
        QWidget.setTabOrder(self.done_button, self.refresh_button)

    def _connect(self) -> None:
        self.whose_switch.sig_changed.connect(self.show_whose)
        self.table.clicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.open_button.clicked.connect(lambda: self.open_row(self._current_row()))
        self.done_button.clicked.connect(lambda: self.complete_row(self._current_row()))
        self.refresh_button.clicked.connect(self.refresh)
        self.undo_bar.sig_undo.connect(self.undo)
        self._add_action(self.tr("Log the call on the chosen follow-up"), "Ctrl+D", self._done)
        self._add_action(self.tr("Take back the call just logged"), "Ctrl+Z", self.undo)
        self.undo_bar.timer.timeout.connect(self._forget_undo)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the due follow-ups again (off the UI thread)."""
        self._generation += 1
        generation = self._generation
        follow_ups = self.follow_ups
        self._run(
            lambda: (follow_ups.now(), follow_ups.due()),
            lambda found: self._show(generation, *found),
            lambda error: self.sig_message.emit(
                self.tr("Could not read the follow-ups: %s") % error_text(error)
            ),
        )

    def show_whose(self, whose: Whose) -> None:
        """Show my follow-ups, or the whole team's (with their owners)."""
        self.whose = whose
        self.whose_switch.show_whose(whose)
        self.table.setColumnHidden(OWNER_COLUMN, whose is Whose.MINE)
        if self.model.now is not None:
            self._show(self._generation, self.model.now, self._due)

    def mine_count(self) -> int:
        """How many of the due follow-ups are mine."""
        return sum(1 for item in self._due if item.mine)

    def dock_title(self) -> str:
        """The dock's title: "Follow-ups · 4 mine"."""
        return self.tr("Follow-ups · %n mine", "", self.mine_count())

    def _show(self, generation: int, now: datetime, due: list[DueFollowUp]) -> None:
        if generation != self._generation:  # a newer read is on its way
            return
        chosen = self.table.chosen_id()
        self._due = due
        shown = [item for item in due if item.mine or self.whose is Whose.TEAM]
        self.mine_button.setText(self.tr("Mine (%n)", "", self.mine_count()))
        self.team_button.setText(self.tr("Team (%n)", "", len(due)))
        self.model.now = now
        self.model.set_records(shown)
        overdue = sum(1 for item in shown if item.is_overdue(now))
        whose = self.tr("Mine") if self.whose is Whose.MINE else self.tr("Team")
        self.title.setText(
            self.tr("%1: %2, %3")
            .replace("%1", whose)
            .replace("%2", self.tr("%n overdue", "", overdue))
            .replace("%3", self.tr("%n due soon", "", len(shown) - overdue))
        )
        if self.whose is Whose.MINE and not shown and due:
            self.empty.setText(
                self.tr("Nothing of yours is due. %n of the team's: see Team.", "", len(due))
            )
        else:
            self.empty.setText(self.tr("Nothing due. Well done."))
        self.empty.setVisible(not shown)
        for row, item in enumerate(shown):
            if item.follow_up.id == chosen:
                self.table.selectRow(row)
        self._show_buttons()
        self.sig_refreshed.emit(self.mine_count())

    # -- acting ---------------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        """Open the caller of the follow-up on ``row``."""
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self._show_buttons()
            self.sig_caller_requested.emit(self.model.record(row).follow_up.customer_id)

    def complete_row(self, row: int) -> None:
        """Ask how the call on ``row`` went; the answer is logged when the advocate says."""
        if not 0 <= row < self.model.rowCount():
            return
        item = self.model.record(row)
        name = item.customer_name or self.tr("the customer")
        dialog = FollowUpCallDialog(name, item.follow_up.reason, self.follow_ups.now(), self)
        dialog.accepted.connect(
            lambda: self.log_call(
                item, dialog.result_chosen(), dialog.call_again_at(), dialog.note.text()
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.call_dialog = dialog
        dialog.open()

    def log_call(
        self,
        item: DueFollowUp,
        result: CallResult,
        call_again_at: datetime | None = None,
        note: str = "",
    ) -> None:
        """Log the call on ``item`` as it went (off the UI thread); it can be undone."""
        follow_ups = self.follow_ups
        self.done_button.setEnabled(False)
        self._run(
            lambda: follow_ups.log_call(
                item.follow_up.id, result, note=note, call_again_at=call_again_at
            ),
            lambda logged: self._logged_call(item, logged),
            self._failed,
        )

    def undo(self) -> None:
        """Take back the call just logged, while its few seconds last."""
        logged, self._logged = self._logged, None
        self._forget_undo()
        if logged is None:
            return
        follow_ups = self.follow_ups
        self._run(
            lambda: follow_ups.take_back(logged),
            lambda unsent: self._taken_back(logged, unsent),
            lambda error: self.sig_message.emit(
                self.tr("Could not take the call back: %s") % error_text(error)
            ),
        )

    def _logged_call(self, item: DueFollowUp, logged: LoggedCall) -> None:
        name = item.customer_name or self.tr("the customer")
        if logged.result is CallResult.NO_ANSWER:
            local = logged.follow_up.due_at.astimezone()
            text = self.tr("No answer from %1: call again %2.").replace("%1", name)
            text = text.replace("%2", f"{local.day} {local:%b %H:%M}")
        else:
            text = self.tr("Call with %1 logged: %2.").replace("%1", name)
            text = text.replace("%2", call_result_label(logged.result).lower())
        self._logged = logged
        self.undo_bar.offer(text)
        self.sig_message.emit(text)
        self.sig_completed.emit(item.follow_up.id)
        self.refresh()

    def _taken_back(self, logged: LoggedCall, unsent: bool) -> None:
        if unsent:
            text = self.tr("Taken back: nothing had been sent to the server.")
        else:
            text = self.tr("Taken back: the correction goes to the server with the next sync.")
        self.sig_message.emit(text)
        self.sig_completed.emit(logged.follow_up.id)
        self.refresh()

    def _forget_undo(self) -> None:
        self._logged = None
        self.undo_bar.close_offer()

    def _failed(self, error: Exception) -> None:
        self._show_buttons()
        if isinstance(error, FollowUpError):  # closed meanwhile, e.g. by a teammate's sync
            self.sig_message.emit(self.tr("That follow-up is no longer open; nothing was logged."))
        else:
            self.sig_message.emit(self.tr("Could not log the call: %s") % error_text(error))
        self.refresh()

    def _done(self) -> None:
        self.complete_row(self._current_row())

    def _add_action(self, text: str, keys: str, slot) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    def _current_row(self) -> int:
        return self.table.current_row()

    def _show_buttons(self) -> None:
        chosen = self._current_row() >= 0
        self.open_button.setEnabled(chosen)
        self.done_button.setEnabled(chosen)

    def _run(self, function, done, failed) -> None:
        # The panel may be gone (window closed) by the time the store answers.
        self._queue.run_task(function, done, failed, owner=self)
