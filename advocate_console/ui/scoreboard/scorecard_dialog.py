"""One advocate's scorecard as the server counts it, beside the team median: what a lead
opens from a row of the team table."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from advocate_console.api.reports import FIGURES, Scorecard

from ..formatting import day
from ..labels import figure_label
from .charts import DelightOverTime, WeekPoint
from .figures import figure_text
from .tables import ReportColumn, ReportTable


class ScorecardDialog(QDialog):
    """Every figure of one advocate's scorecard, and their delight week by week."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: Scorecard | None = None
        self.setWindowTitle(self.tr("Scorecard of %s") % name)
        self.resize(760, 640)
        self.heading = QLabel(self.tr("Reading the scorecard of %s…") % name)
        self.heading.setWordWrap(True)
        self.table = ReportTable(
            [
                ReportColumn(self.tr("Figure"), lambda row: figure_label(row[0])),
                ReportColumn(name, lambda row: figure_text(row[0], row[1]), lambda row: row[1]),
                ReportColumn(
                    self.tr("Team median"),
                    lambda row: figure_text(row[0], row[2]),
                    lambda row: row[2],
                ),
            ],
            self.tr("Scorecard"),
            sort_by=None,  # the figures in the order people read them
        )
        self.delight = DelightOverTime(self.tr("Delight over time"), self.tr("Delight over time"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.delight, 2)
        layout.addWidget(buttons)

    def show_card(self, card: Scorecard, as_of: str) -> None:
        """Fill in ``card`` (``as_of`` says when it is from)."""
        self.card = card
        self.heading.setText(
            self.tr("%1, %2 to %3 (%4). Team median over %n advocate(s).", "", card.team_size)
            .replace("%1", card.advocate.name)
            .replace("%2", day(card.period.first))
            .replace("%3", day(card.period.last))
            .replace("%4", as_of)
        )
        shown = [name for name in FIGURES if not name.startswith(("step_", "remedy_cost_cents_"))]
        self.table.set_rows(
            [(name, card.figures.get(name), card.team_median.get(name)) for name in shown]
        )
        self.delight.show_weeks(
            [WeekPoint(week.week_start, week.delighted_share) for week in card.weeks],
            card.advocate.name,
            card.team_median.get("delighted_share"),
            self.tr("Team median"),
            self.tr("Delighted"),
        )

    def say(self, text: str) -> None:
        """Why the scorecard cannot be shown."""
        self.heading.setText(text)
