"""The advocate's own page: this week and the last 30 days, each against their own usual
and the team median, and their weeks as pictures. Their own figures come from the
laptop's store (so a saved resolution counts at once, offline too); the team medians from
the server's scorecard (or its kept copy)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from advocate_console.api.reports import Scorecard
from advocate_console.domain.scores import SHOWN_FIGURES, MyScore, PeriodScore

from ..labels import figure_label
from .charts import DelightOverTime, SpendAgainstDelight, SpendPoint, WeekPoint
from .figures import NOTHING, figure_text


class PeriodBox(QGroupBox):
    """One period's figures: yours, your usual, the team median."""

    def __init__(self, title: str, name: str) -> None:
        super().__init__(title)
        self.setAccessibleName(name)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(18)
        for column, heading in enumerate(
            ("", self.tr("You"), self.tr("Your usual"), self.tr("Team median")), start=0
        ):
            label = QLabel(heading)
            label.setAlignment(
                Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft
            )
            label.setEnabled(column != 0)
            grid.addWidget(label, 0, column)
        self.cells: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.35)
        for row, name in enumerate(SHOWN_FIGURES, start=1):
            grid.addWidget(QLabel(figure_label(name)), row, 0)
            cells = (QLabel(NOTHING), QLabel(NOTHING), QLabel(NOTHING))
            cells[0].setFont(bold)
            cells[0].setAccessibleName(figure_label(name))
            for column, cell in enumerate(cells, start=1):
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(cell, row, column)
            self.cells[name] = cells
        grid.setColumnStretch(0, 1)

    def show_score(self, score: PeriodScore, median: dict | None) -> None:
        """Fill in ``score``; ``median`` is the server's team median for the same days."""
        for name, (mine, usual, team) in self.cells.items():
            mine.setText(figure_text(name, score.figures.value(name)))
            usual.setText(figure_text(name, score.usual_value(name)))
            team.setText(figure_text(name, median.get(name)) if median else NOTHING)

    def figure(self, name: str) -> str:
        """The advocate's own figure as shown (for tests and the PDF)."""
        return self.cells[name][0].text()


class MyScorePage(QWidget):
    """ "My score": the advocate's week and month, and their trend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score: MyScore | None = None
        self.week_card: Scorecard | None = None
        self.month_card: Scorecard | None = None
        self.explained = QLabel(
            self.tr(
                "Counted from your resolutions on this computer: a resolution counts as soon "
                "as it is saved, offline too. The team medians come from the server."
            )
        )
        self.explained.setWordWrap(True)
        self.week = PeriodBox(self.tr("This week (last 7 days)"), self.tr("This week"))
        self.month = PeriodBox(self.tr("Last 30 days"), self.tr("Last 30 days"))
        self.delight = DelightOverTime(self.tr("Delight over time"), self.tr("Delight over time"))
        self.spend = SpendAgainstDelight(
            self.tr("Remedy spend against delight, week by week"),
            self.tr("Remedy spend against delight"),
        )
        boxes = QHBoxLayout()
        boxes.addWidget(self.week)
        boxes.addWidget(self.month)
        charts = QHBoxLayout()
        charts.addWidget(self.delight, 3)
        charts.addWidget(self.spend, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explained)
        layout.addLayout(boxes)
        layout.addLayout(charts, 1)

    def show_score(self, score: MyScore) -> None:
        """The advocate's own figures, counted from the store just now."""
        self.score = score
        self._refill()

    def show_medians(self, week: Scorecard | None, month: Scorecard | None) -> None:
        """The server's scorecards for the last 7 and 30 days: their team medians."""
        self.week_card, self.month_card = week, month
        self._refill()

    def _refill(self) -> None:
        if self.score is None:
            return
        week_median = self.week_card.team_median if self.week_card else None
        month_median = self.month_card.team_median if self.month_card else None
        self.week.show_score(self.score.week, week_median)
        self.month.show_score(self.score.month, month_median)
        weeks = [WeekPoint(w.start, w.figures.delighted_share) for w in self.score.weeks]
        self.delight.show_weeks(
            weeks,
            self.tr("You: delighted customers"),
            (month_median or {}).get("delighted_share"),
            self.tr("Team median, last 30 days"),
            self.tr("Delighted"),
        )
        points = [
            SpendPoint(
                f"{w.start:%d %b}",
                (w.figures.remedy_cost_per_case_cents or 0) / 100,
                w.figures.delighted_share or 0.0,
            )
            for w in self.score.weeks
            if w.figures.resolutions
        ]
        self.spend.show_points(
            points,
            self.tr("Your weeks"),
            self.tr("Remedy spend per case"),
            self.tr("Delighted"),
            labelled=False,
        )
