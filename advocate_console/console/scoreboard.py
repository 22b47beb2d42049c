"""View ▸ Scoreboard, wired: the window made for the signed-in advocate (with a client of
its own), a case opened from it put on the one screen, and a saved resolution counted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from advocate_console.api import CentralClient
from advocate_console.store.report_copies import ReportCopies
from advocate_console.store.scores import OwnScore
from advocate_console.sync.reports import ReportDesk

if TYPE_CHECKING:
    from advocate_console.auth import SignedIn
    from advocate_console.store import Store
    from advocate_console.ui.main_window import MainWindow
    from advocate_console.ui.resolution_form import ResolutionForm
    from advocate_console.ui.scoreboard.window import ScoreboardWindow


class ScoreboardStart(QObject):
    """Opens the scoreboard of whoever is signed in; closes it when they sign out."""

    def __init__(self, window: MainWindow, ca_bundle: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.ca_bundle = ca_bundle
        self.board: ScoreboardWindow | None = None

    def open(
        self, store: Store | None, signed: SignedIn | None, form: ResolutionForm | None = None
    ) -> ScoreboardWindow | None:
        """Show the scoreboard (made on first use; the charts load with it); a resolution
        saved on ``form`` counts in the advocate's own score at once."""
        if store is None or signed is None:
            self.window.show_message(self.tr("Sign in to see the scoreboard."), 10000)
            return None
        advocate = signed.session.advocate
        if self.board is not None and self.board.advocate != advocate:
            self.close()
        if self.board is None:
            from advocate_console.ui.scoreboard.window import ScoreboardWindow

            # Its own client: reports run on worker threads, the sync thread has the other.
            client = CentralClient(
                signed.client.base_url, token=signed.client.token, ca_bundle=self.ca_bundle
            )
            desk = ReportDesk(client, ReportCopies(store), advocate.id)
            self.board = ScoreboardWindow(desk, OwnScore(store), advocate)
            self.board.sig_case_requested.connect(self._show_case)
            if form is not None:
                form.sig_saved.connect(self.board.own_score_changed)
            self.board.refresh()
        self.board.show()
        self.board.raise_()
        self.board.activateWindow()
        return self.board

    def close(self) -> None:
        """Close the scoreboard (sign-out, or the console closing)."""
        if self.board is not None:
            board, self.board = self.board, None
            board.close()
            board.desk.client and board.desk.client.close()
            board.deleteLater()

    def _show_case(self, customer_id, case_id) -> None:
        self.window.show_caller(customer_id, case_id)
        self.window.bring_to_front()
