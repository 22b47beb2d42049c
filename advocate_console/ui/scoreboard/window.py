"""View ▸ Scoreboard: a window of its own beside the one screen.

Every advocate gets "My score" and "What is broken"; a lead (or admin) also "The team"
and "Who helps". Reports are asked for off the UI thread, one after another (the window
has its own client); what the server cannot answer now comes from the copy kept last,
and the page says from when.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMainWindow, QTabWidget, QWidget

from advocate_console.api import ApiError, Rejected
from advocate_console.domain import Advocate, Role
from advocate_console.store.scores import OwnScore
from advocate_console.sync.reports import Fetched, NoReportYet, ReportDesk
from advocate_console.tasks import SerialQueue, run_task

from ..formatting import moment
from ..labels import labels
from ..reason_words import reason_text
from .broken_page import BrokenPage
from .my_score import MyScorePage
from .scorecard_dialog import ScorecardDialog
from .tables import Notice, ReportTable, table_csv
from .team_pages import ResourcesPage, TeamPage

PERIODS = (7, 30, 90, 365)
DEFAULT_DAYS = 30
LEADS = (Role.LEAD, Role.ADMIN)


class ScoreboardWindow(QMainWindow):
    """The scoreboard of the signed-in advocate (and, for a lead, of the team)."""

    sig_case_requested = Signal(object, object)
    """Put this customer (id) on the one screen, working on this case (id)."""
    sig_report_shown = Signal(str)
    """A report arrived and is shown: "score", "medians", "broken", "cases", "team",
    "resources" or "scorecard"."""

    def __init__(
        self, desk: ReportDesk, own: OwnScore, advocate: Advocate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk, self.own, self.advocate = desk, own, advocate
        self.is_lead = advocate.role in LEADS
        self.queue = SerialQueue()
        self.setObjectName("scoreboardWindow")
        self.setWindowTitle(self.tr("Scoreboard · %s") % advocate.display_name)
        self.resize(1280, 720)
        self.my_page = MyScorePage()
        self.broken_page = BrokenPage()
        self.team_page = TeamPage() if self.is_lead else None
        self.resources_page = ResourcesPage() if self.is_lead else None
        self.tabs = QTabWidget()
        self.tabs.addTab(self.my_page, self.tr("My score"))
        if self.team_page is not None:
            self.tabs.addTab(self.team_page, self.tr("The team"))
        self.tabs.addTab(self.broken_page, self.tr("What is broken"))
        if self.resources_page is not None:
            self.tabs.addTab(self.resources_page, self.tr("Who helps"))
        self.setCentralWidget(self.tabs)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for days in PERIODS:
            self.period.addItem(labels().period(days), days)
        self.period.setCurrentIndex(PERIODS.index(DEFAULT_DAYS))
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.as_of = QLabel()
        self.dialog: ScorecardDialog | None = None
        self._add_actions()
        self.statusBar().addPermanentWidget(self.as_of)
        self.broken_page.sig_cases_requested.connect(self.show_cases_of)
        self.broken_page.sig_case_requested.connect(self.sig_case_requested)
        if self.team_page is not None:
            self.team_page.sig_scorecard_requested.connect(self.open_scorecard)

    def _add_actions(self) -> None:
        bar = self.addToolBar(self.tr("Scoreboard"))
        bar.setObjectName("scoreboardToolBar")
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr("Period ")))
        bar.addWidget(self.period)
        self.refresh_action = bar.addAction(self.tr("&Refresh"))
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.csv_action = bar.addAction(self.tr("Export table as &CSV…"))
        self.csv_action.setShortcut(QKeySequence("Ctrl+E"))
        self.csv_action.triggered.connect(lambda: self.export_csv())
        self.pdf_action: QAction | None = None
        if self.is_lead:
            self.pdf_action = bar.addAction(self.tr("Weekly &summary (PDF)…"))
            self.pdf_action.setShortcut(QKeySequence.StandardKey.Print)
            self.pdf_action.triggered.connect(lambda: self.export_summary())

    @property
    def days(self) -> int:
        """The period of the server's pages, in days up to today."""
        return int(self.period.currentData())

    # -- asking for the figures ---------------------------------------------------------------

    def refresh(self) -> None:
        """Read every page again: the own score from the store, the rest from the server."""
        self.own_score_changed()
        days, desk = self.days, self.desk
        self._ask(
            lambda: (desk.scorecard(7), desk.scorecard(30)),
            lambda both: self._medians(*both),
            self.my_page.explained,
            "medians",
        )
        self._ask(
            lambda: desk.broken_products(days), self._broken, self.broken_page.notice, "broken"
        )
        if self.team_page is not None:
            self._ask(lambda: desk.team(days), self._team, self.team_page.notice, "team")
        if self.resources_page is not None:
            self._ask(
                lambda: desk.resources(days),
                self._resources,
                self.resources_page.notice,
                "resources",
            )

    def own_score_changed(self) -> None:
        """Count the advocate's own figures again (a resolution was just saved)."""
        own, me, name = self.own, self.advocate.id, self.advocate.display_name
        run_task(lambda: own.score(me, name), self._score, self._score_failed, owner=self)

    def show_cases_of(self, model_number: str) -> None:
        """The cases of one broken model."""
        desk, days = self.desk, self.days
        self._ask(
            lambda: desk.broken_product_cases(model_number, days),
            self._cases,
            self.broken_page.notice,
            "cases",
        )

    def open_scorecard(self, row) -> None:
        """A lead opens one advocate's scorecard from the team table."""
        self.dialog = ScorecardDialog(row.advocate.name, self)
        self.dialog.open()
        if row.advocate.advocate_id is None:
            self.dialog.say(
                self.tr("%s has no sign-in on this server, so there is no scorecard to open.")
                % row.advocate.name
            )
            return
        desk, days, who = self.desk, self.days, row.advocate.advocate_id
        dialog = self.dialog
        self.queue.run_task(
            lambda: desk.scorecard(days, who),
            lambda fetched: self._scorecard(dialog, fetched),
            lambda error: dialog.say(self._problem(error)),
            owner=dialog,
        )

    def _ask(self, ask: Callable[[], Any], show: Callable[[Any], None], notice, name: str) -> None:
        def shown(result: Any) -> None:
            show(result)
            self.sig_report_shown.emit(name)

        def failed(error: Exception) -> None:
            text = self._problem(error)
            notice.setText(text) if notice is self.my_page.explained else notice.say(text)
            self.sig_report_shown.emit(name)

        self.queue.run_task(ask, shown, failed, owner=self)

    def _problem(self, error: Exception) -> str:
        if isinstance(error, Rejected) and error.status == 403:
            return self.tr("The server shows this only to leads: %s") % reason_text(error.reason())
        if isinstance(error, NoReportYet):
            return self.tr(
                "There is no copy of this report on this computer yet, and the server cannot "
                "be asked now: %s"
            ) % reason_text(error.reason)
        if isinstance(error, ApiError):
            error = reason_text(error.reason())
        return self.tr("The report could not be read: %s") % error

    def _as_of(self, fetched: Fetched) -> str:
        if fetched.kept_copy:
            return (
                self.tr("Offline: the copy from %1 (%2)")
                .replace("%1", moment(fetched.as_of))
                .replace("%2", reason_text(fetched.reason) or fetched.problem)
            )
        return self.tr("As of %s") % moment(fetched.as_of)

    def _kept(self, notice: Notice, fetched: Fetched) -> None:
        notice.say(self._as_of(fetched) if fetched.kept_copy else "")
        self.as_of.setText(self._as_of(fetched))

    # -- showing them --------------------------------------------------------------------------

    def _score(self, score) -> None:
        self.my_page.show_score(score)
        self.sig_report_shown.emit("score")

    def _score_failed(self, error: Exception) -> None:
        self.my_page.explained.setText(self.tr("Your figures could not be counted: %s") % error)

    def _medians(self, week: Fetched, month: Fetched) -> None:
        self.my_page.show_medians(week.report, month.report)
        if month.kept_copy:
            self.my_page.explained.setText(self.tr("Team medians: %s") % self._as_of(month))
        self.as_of.setText(self._as_of(month))

    def _broken(self, fetched: Fetched) -> None:
        self.broken_page.show_products(fetched.report)
        self._kept(self.broken_page.notice, fetched)

    def _cases(self, fetched: Fetched) -> None:
        self.broken_page.show_cases(fetched.report)

    def _team(self, fetched: Fetched) -> None:
        self.team_page.show_team(fetched.report)
        self._kept(self.team_page.notice, fetched)

    def _resources(self, fetched: Fetched) -> None:
        self.resources_page.show_resources(fetched.report)
        self._kept(self.resources_page.notice, fetched)

    def _scorecard(self, dialog: ScorecardDialog, fetched: Fetched) -> None:
        dialog.show_card(fetched.report, self._as_of(fetched))
        self.sig_report_shown.emit("scorecard")

    # -- export --------------------------------------------------------------------------------

    def current_table(self) -> ReportTable | None:
        """The table CSV export writes: the one with the focus, else the page's first."""
        page = self.tabs.currentWidget()
        tables = page.findChildren(ReportTable)
        focused = next((t for t in tables if t.hasFocus()), None)
        return focused or (tables[0] if tables else None)

    def export_csv(self, path: str | None = None) -> None:
        """Write the current table as CSV (asks where unless ``path`` is given)."""
        table = self.current_table()
        if table is None:
            self.statusBar().showMessage(self.tr("This page has no table to export."), 8000)
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export table as CSV"), f"{table.accessibleName()}.csv", "CSV (*.csv)"
            )
            if not path:
                return
        text = table_csv(table.model())
        self._write(lambda: Path(path).write_text(text, encoding="utf-8"), path)

    def export_summary(self, path: str | None = None) -> None:
        """The one-page PDF for a lead's weekly meeting (asks where unless ``path`` is given)."""
        from .summary import summary_of, write_summary

        if self.team_page is None or self.team_page.report is None:
            self.statusBar().showMessage(self.tr("The team's figures are not here yet."), 8000)
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Weekly summary"), "weekly-summary.pdf", "PDF (*.pdf)"
            )
            if not path:
                return
        summary = summary_of(self)  # the charts are painted here, on the UI thread
        self._write(lambda: write_summary(summary, path), path)

    def _write(self, write: Callable[[], Any], path: str) -> None:
        self.queue.run_task(
            write,
            lambda _r: self.statusBar().showMessage(self.tr("Saved %s") % path, 10000),
            lambda error: self.statusBar().showMessage(self.tr("Nothing was saved: %s") % error),
            owner=self,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dialog is not None:
            self.dialog.close()
        super().closeEvent(event)
