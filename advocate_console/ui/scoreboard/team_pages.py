"""A lead's pages: the team side by side (a row opens that advocate's scorecard) and who
was brought into calls. An advocate never gets these pages; the server refuses them too."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from advocate_console.api.reports import AdvocateFigures, ResourcesReport, TeamReport

from ..labels import figure_label
from .charts import DelightOverTime, SpendAgainstDelight, SpendPoint, WeekPoint
from .figures import figure_text, percent
from .tables import Notice, ReportColumn, ReportTable

TEAM_FIGURES = (
    "resolutions",
    "delighted_share",
    "all_five_steps_share",
    "remedy_cost_per_case_cents",
    "repeat_contact_share",
    "follow_ups_on_time",
    "follow_ups_missed",
    "cards_sent",
    "people_brought_in",
)
"""The team table's columns after the name."""


def figure_column(name: str, title: str = "") -> ReportColumn:
    """A column of one scorecard figure, sorted by its value."""
    return ReportColumn(
        title or figure_label(name),
        lambda row, name=name: figure_text(name, row.figures.get(name)),
        lambda row, name=name: row.figures.get(name),
        heading_tip=figure_label(name),
    )


class TeamPage(QWidget):
    """Every advocate's figures side by side, the team's delight over time, and spend
    against delight with each advocate a dot."""

    sig_scorecard_requested = Signal(object)
    """Open this advocate's scorecard (:class:`AdvocateFigures`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: TeamReport | None = None
        self.notice = Notice()
        hint = QLabel(
            self.tr(
                "Click a column to sort; open a row (Enter or double-click) for that "
                "advocate's scorecard."
            )
        )
        hint.setWordWrap(True)
        columns = [ReportColumn(self.tr("Advocate"), lambda row: row.advocate.name)]
        # Short headings, so ten columns fit a laptop's width (the whole name on hover).
        short = {
            "delighted_share": self.tr("Delighted"),
            "all_five_steps_share": self.tr("All five steps"),
            "remedy_cost_per_case_cents": self.tr("Spend per case"),
            "repeat_contact_share": self.tr("Came back"),
            # The same words as the figure's name, here for languages that need them shorter.
            "follow_ups_on_time": self.tr("Follow-ups on time", "a column heading"),
            "follow_ups_missed": self.tr("Follow-ups missed", "a column heading"),
            "people_brought_in": self.tr("Brought in"),
        }
        columns += [figure_column(name, short.get(name, "")) for name in TEAM_FIGURES]
        self.table = ReportTable(columns, self.tr("The team"))
        self.table.activated.connect(self._open)
        self.delight = DelightOverTime(
            self.tr("The team's delight over time"), self.tr("Delight over time")
        )
        self.spend = SpendAgainstDelight(
            self.tr("Remedy spend against delight"), self.tr("Remedy spend against delight")
        )
        charts = QWidget()
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.delight)
        row.addWidget(self.spend)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(hint)
        layout.addWidget(split, 1)

    def show_team(self, report: TeamReport) -> None:
        """The team's figures for the period."""
        self.report = report
        self.table.set_rows(report.advocates)
        weeks = [WeekPoint(week.week_start, week.delighted_share) for week in report.weeks]
        self.delight.show_weeks(
            weeks,
            self.tr("The team: delighted customers"),
            report.team_median.get("delighted_share"),
            self.tr("Median advocate"),
            self.tr("Delighted"),
        )
        self.spend.show_points(
            [
                SpendPoint(
                    row.advocate.name,
                    (row.figures.get("remedy_cost_per_case_cents") or 0) / 100,
                    row.figures.get("delighted_share") or 0.0,
                )
                for row in report.advocates
                if row.figures.get("resolutions")
            ],
            self.tr("Advocates"),
            self.tr("Remedy spend per case"),
            self.tr("Delighted"),
            labelled=True,
        )

    def _open(self, index) -> None:
        row: AdvocateFigures = self.table.item_at(index.row())
        self.sig_scorecard_requested.emit(row)


class ResourcesPage(QWidget):
    """Who was brought into calls, how often, and how often those cases ended delighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: ResourcesReport | None = None
        self.notice = Notice()
        self.table = ReportTable(
            [
                ReportColumn(self.tr("Who"), lambda r: r.name),
                ReportColumn(self.tr("Desk"), lambda r: r.department),
                ReportColumn(self.tr("Role"), lambda r: r.role),
                ReportColumn(self.tr("Asked"), lambda r: f"{r.attempts:,}", lambda r: r.attempts),
                ReportColumn(
                    self.tr("Brought in"), lambda r: f"{r.brought_in:,}", lambda r: r.brought_in
                ),
                ReportColumn(self.tr("Helped"), lambda r: f"{r.helped:,}", lambda r: r.helped),
                ReportColumn(self.tr("Cases"), lambda r: f"{r.cases:,}", lambda r: r.cases),
                ReportColumn(
                    self.tr("Ended delighted"),
                    lambda r: percent(r.delighted_share),
                    lambda r: r.delighted_share,
                ),
            ],
            self.tr("Who was brought into calls"),
            sort_by=(4, Qt.SortOrder.DescendingOrder),  # most often brought in first
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)

    def show_resources(self, report: ResourcesReport) -> None:
        """The resources for the period, most often brought in first."""
        self.report = report
        self.table.set_rows(report.resources)
