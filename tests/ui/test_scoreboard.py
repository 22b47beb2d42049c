"""The scoreboard against the real server, as an advocate and as a lead: the own figure
moving as a resolution is saved (offline too), the kept copy shown offline, the lead's
team table with its scorecards, what is broken down to a case on the one screen, and the
exports."""

from __future__ import annotations

import csv
import re
import subprocess

import pytest
from PySide6.QtCore import QSettings

from advocate_console.auth import TokenVault
from advocate_console.central.demo.accounts import (
    DEMO_DISPLAY_NAME,
    DEMO_PASSWORD,
    DEMO_USERNAME,
    LEAD_PASSWORD,
    LEAD_USERNAME,
)
from advocate_console.console import Console
from advocate_console.domain import Delight, RecoveryStep, RemedyKind, Role
from advocate_console.settings import Settings
from advocate_console.store.scores import OwnScore
from advocate_console.ui.scoreboard.window import ScoreboardWindow
from tests.laptop import CUSTOMER_ID


def start_console(qtbot, tmp_path, url, username, password) -> Console:
    """A console on a fresh data dir, signed in and synced once."""
    settings = QSettings(str(tmp_path / "qsettings.ini"), QSettings.Format.IniFormat)
    running = Console(
        Settings(api_url=url, data_dir=tmp_path),
        tmp_path,
        TokenVault(memory_only=True),
        settings,
        sync_interval_s=3600,
    )
    running.window.resize(1366, 768)
    running.window.show()
    qtbot.addWidget(running.window)
    with qtbot.waitSignal(running.sig_ready, timeout=20_000):
        running.open_local()
    with qtbot.waitSignal(running.sync.sig_synced, timeout=60_000):
        running.sign_in_as(url, username, password)
    return running


def open_board(qtbot, console: Console, *reports: str) -> ScoreboardWindow:
    """View ▸ Scoreboard, waiting until ``reports`` are shown."""
    seen: list[str] = []
    console.window.scoreboard_action.trigger()
    board = console.scoreboard.board
    board.sig_report_shown.connect(seen.append)
    qtbot.waitUntil(lambda: set(reports) <= set(seen), timeout=30_000)
    return board


def shown_after(qtbot, board: ScoreboardWindow, report: str, act) -> None:
    """Do ``act()`` and wait until ``report`` is shown again."""
    with qtbot.waitSignal(
        board.sig_report_shown, check_params_cb=lambda name: name == report, timeout=30_000
    ):
        act()


@pytest.fixture
def advocate_console(qtbot, tmp_path, proxy):
    running = start_console(qtbot, tmp_path, proxy.url, DEMO_USERNAME, DEMO_PASSWORD)
    yield running
    running.window.close()


@pytest.fixture
def lead_console(qtbot, tmp_path, server):
    running = start_console(qtbot, tmp_path, server.url, LEAD_USERNAME, LEAD_PASSWORD)
    yield running
    running.window.close()


def resolve_open_case(qtbot, console: Console) -> None:
    """Pop the story customer and save a delighted resolution of their open case."""
    window = console.window
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        window.pop_caller("1-800-GE-CARES")
    form = window.form
    replacement = form.remedies[RemedyKind.REPLACEMENT]
    replacement.check.setChecked(True)
    replacement.cost.setValue(200)
    for step in RecoveryStep:
        form.steps[step].setChecked(True)
    form.outcome.delight[Delight.DELIGHTED].setChecked(True)
    with qtbot.waitSignal(form.sig_saved, timeout=10_000):
        form.save()


def test_an_advocate_sees_their_own_score_move_at_once_offline_and_no_team(
    qtbot, advocate_console, proxy
):
    board = open_board(qtbot, advocate_console, "score", "medians", "broken")
    tabs = [board.tabs.tabText(i) for i in range(board.tabs.count())]
    assert tabs == ["My score", "What is broken"]  # no team, no ranking of colleagues
    assert board.team_page is None and board.pdf_action is None
    me = advocate_console.signed_in.session.advocate
    before = OwnScore(advocate_console.store).score(me.id, me.display_name).week.figures.resolutions
    assert board.my_page.week.figure("resolutions") == str(before)
    medians = board.my_page.month_card.team_median
    assert board.my_page.month.cells["delighted_share"][2].text() != "—" or (
        medians["delighted_share"] is None
    )

    # Offline, a saved resolution counts at once.
    proxy.set("refuse")
    shown_after(qtbot, board, "score", lambda: resolve_open_case(qtbot, advocate_console))
    assert board.my_page.week.figure("resolutions") == str(before + 1)
    assert board.my_page.month.figure("remedy_cost_per_case_cents") != "—"

    # Offline, the server's pages show the copy kept last, saying from when.
    shown_after(qtbot, board, "broken", board.refresh)
    notice = board.broken_page.notice
    assert not notice.isHidden() and notice.text().startswith("Offline: the copy from"), (
        notice.text()
    )
    assert board.broken_page.report is not None


def test_a_403_is_explained_not_hidden(qtbot, advocate_console):
    # Should the console believe an advocate is a lead (a role changed on the server since
    # signing in), the server still refuses the lead's pages, and the page says why.
    desk = open_board(qtbot, advocate_console, "broken").desk
    pretending = advocate_console.signed_in.session.advocate.model_copy(update={"role": Role.LEAD})
    board = ScoreboardWindow(desk, OwnScore(advocate_console.store), pretending)
    qtbot.addWidget(board)
    shown_after(qtbot, board, "team", board.refresh)
    assert "The server shows this only to leads" in board.team_page.notice.text()
    assert board.team_page.table.model().rowCount() == 0


def test_a_lead_sorts_the_team_opens_a_scorecard_and_drills_down_to_a_case(
    qtbot, lead_console, tmp_path
):
    board = open_board(qtbot, lead_console, "team", "broken", "resources", "medians")
    tabs = [board.tabs.tabText(i) for i in range(board.tabs.count())]
    assert tabs == ["My score", "The team", "What is broken", "Who helps"]
    team = board.team_page.table
    names = [team.item_at(row).advocate.name for row in range(team.model().rowCount())]
    assert DEMO_DISPLAY_NAME in names

    # Sorted by resolutions, most first, by a click on the header.
    team.sortByColumn(1, team.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    counts = [team.item_at(row).figures["resolutions"] for row in range(len(names))]
    assert counts == sorted(counts, reverse=True)

    # A row opens that advocate's scorecard, counted by the server.
    row = next(r for r in range(len(names)) if team.item_at(r).advocate.name == DEMO_DISPLAY_NAME)
    shown_after(qtbot, board, "scorecard", lambda: team.activated.emit(team.model().index(row, 0)))
    assert board.dialog.card.advocate.name == DEMO_DISPLAY_NAME
    board.dialog.close()

    # What is broken, over a year: a model's cases, and a case onto the one screen.
    shown_after(qtbot, board, "broken", lambda: board.period.setCurrentIndex(3))
    broken = board.broken_page
    assert broken.report.products and broken.chart.chart.series()
    model = broken.report.products[0].model_number
    shown_after(qtbot, board, "cases", lambda: broken.choose(model))
    case = broken.cases.item_at(0)
    window = lead_console.window
    with qtbot.waitSignal(window.sig_history_shown, timeout=10_000):
        broken.cases.activated.emit(broken.cases.model().index(0, 0))
    assert window.history.history.customer.id == case.customer_id
    qtbot.waitUntil(lambda: window.form.case is not None and window.form.case.id == case.case_id)

    # The team table as CSV, and the one-page summary as PDF.
    board.tabs.setCurrentWidget(board.team_page)
    path = tmp_path / "team.csv"
    with qtbot.waitSignal(board.statusBar().messageChanged, timeout=10_000):
        board.export_csv(str(path))
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0][:2] == ["Advocate", "Resolutions"] and len(rows) == len(names) + 1
    pdf = tmp_path / "summary.pdf"
    with qtbot.waitSignal(board.statusBar().messageChanged, timeout=20_000):
        board.export_summary(str(pdf))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.MULTILINE), info.stdout
    assert CUSTOMER_ID  # the story customer is one of the demo's: the server's data
