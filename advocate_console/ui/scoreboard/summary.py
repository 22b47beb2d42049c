"""The one-page PDF summary for a lead's weekly meeting: the team's figures, two pictures,
the advocates side by side, what is broken and who helps, on one A4 page.

Written like the cards' PDFs (``QPdfWriter`` and ``QPainter``); the charts are painted
into images on the UI thread first (``summary_of``), and the page is written on a worker
(``write_summary``) from plain values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from advocate_console.api.reports import BrokenProducts, ResourcesReport, TeamReport

from ..formatting import day, money
from ..labels import figure_label
from .figures import figure_text, percent

if TYPE_CHECKING:
    from .window import ScoreboardWindow

RESOLUTION = 300
MARGIN_MM = 14
TEAM_ROWS = 14
TOP_ROWS = 6
HEADLINE = (
    "resolutions",
    "delighted_share",
    "all_five_steps_share",
    "remedy_cost_per_case_cents",
    "repeat_contact_share",
)


@dataclass
class Table:
    """A small table of the summary: a title, a header and rows of words."""

    title: str
    header: list[str]
    rows: list[list[str]]
    widths: list[float]  # each column's share of the width, in parts
    left: int = 1  # how many columns (from the first) hold words, aligned left


@dataclass
class Summary:
    """Everything on the page, as words and pictures."""

    title: str
    subtitle: str
    headline: list[tuple[str, str]]
    charts: list[QImage] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def summary_of(window: ScoreboardWindow) -> Summary:
    """The summary of what the scoreboard shows now (on the UI thread: it paints charts)."""
    team = window.team_page.report
    headline = [
        (figure_label(name), figure_text(name, team.team_median.get(name))) for name in HEADLINE
    ]
    tables = [_team_table(team)]
    broken = window.broken_page.report
    if broken is not None:
        tables.append(_broken_table(broken))
    helpers = window.resources_page.report if window.resources_page is not None else None
    if helpers is not None:
        tables.append(_helpers_table(helpers))
    charts = [window.team_page.delight.image(520, 300), window.broken_page.chart.image(520, 300)]
    return Summary(
        title=QCoreApplication.translate("WeeklySummary", "Weekly summary: keeping score"),
        subtitle=QCoreApplication.translate("WeeklySummary", "%1 to %2 · %3")
        .replace("%1", day(team.period.first))
        .replace("%2", day(team.period.last))
        .replace("%3", window.as_of.text()),
        headline=headline,
        charts=charts,
        tables=tables,
    )


def _team_table(team: TeamReport) -> Table:
    """The advocates side by side, most delighted customers first."""
    advocates = sorted(team.advocates, key=lambda row: -(row.figures.get("delighted_share") or 0))
    return Table(
        QCoreApplication.translate("WeeklySummary", "The team, most delighted customers first"),
        [
            QCoreApplication.translate("WeeklySummary", "Advocate"),
            *(figure_label(n) for n in HEADLINE),
        ],
        [
            [row.advocate.name, *(figure_text(n, row.figures.get(n)) for n in HEADLINE)]
            for row in advocates[:TEAM_ROWS]
        ],
        [3.2] + [1.4] * len(HEADLINE),
    )


def _broken_table(broken: BrokenProducts) -> Table:
    """The models failing customers most."""
    return Table(
        QCoreApplication.translate("WeeklySummary", "What is broken"),
        [
            QCoreApplication.translate("WeeklySummary", "Model"),
            QCoreApplication.translate("WeeklySummary", "Product"),
            QCoreApplication.translate("WeeklySummary", "Failure cases"),
            QCoreApplication.translate("WeeklySummary", "Repeat failures"),
            QCoreApplication.translate("WeeklySummary", "Remedy spend"),
            QCoreApplication.translate("WeeklySummary", "Unhappy"),
        ],
        [
            [
                p.model_number,
                p.product_name,
                str(p.cases),
                str(p.repeat_failures),
                money(p.remedy_cost_cents),
                percent(p.unhappy_share),
            ]
            for p in broken.products[:TOP_ROWS]
        ],
        [1.6, 3.2, 1.1, 1.1, 1.3, 1.2],  # room for a longer word than Unhappy
        left=2,
    )


def _helpers_table(helpers: ResourcesReport) -> Table:
    """The people brought into calls, and how often it helped."""
    return Table(
        QCoreApplication.translate("WeeklySummary", "Who helps"),
        [
            QCoreApplication.translate("WeeklySummary", "Who"),
            QCoreApplication.translate("WeeklySummary", "Desk"),
            QCoreApplication.translate("WeeklySummary", "Brought in"),
            QCoreApplication.translate("WeeklySummary", "Helped"),
            QCoreApplication.translate("WeeklySummary", "Ended delighted"),
        ],
        [
            [r.name, r.department, str(r.brought_in), str(r.helped), percent(r.delighted_share)]
            for r in helpers.resources[:TOP_ROWS]
        ],
        [2.4, 2.6, 1.1, 1.1, 1.3],
        left=2,
    )


def write_summary(summary: Summary, path: Path | str) -> None:
    """Write ``summary`` as a one-page A4 PDF at ``path`` (safe on a worker thread)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(summary.title)
    writer.setCreator("Advocate Console")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Cannot write the PDF {path}")
    try:
        _paint(painter, summary, QRectF(writer.pageLayout().paintRectPixels(RESOLUTION)))
    finally:
        painter.end()
    if not Path(path).exists() or Path(path).stat().st_size == 0:
        raise OSError(f"Cannot write the PDF {path}")


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _paint(painter: QPainter, summary: Summary, page: QRectF) -> None:
    page = QRectF(0, 0, page.width(), page.height())  # the painter starts inside the margins
    y = 0.0
    painter.setFont(_font(17, bold=True))
    y += _line(painter, page, y, summary.title)
    painter.setFont(_font(9))
    painter.setPen(QColor("#555555"))
    y += _line(painter, page, y, summary.subtitle) + page.height() * 0.01
    y = _headline(painter, page, y, summary.headline)
    if summary.charts:
        gap = page.width() * 0.02
        width = (page.width() - gap * (len(summary.charts) - 1)) / len(summary.charts)
        height = width * 300 / 520
        for number, image in enumerate(summary.charts):
            painter.drawImage(QRectF(number * (width + gap), y, width, height), image)
        y += height + page.height() * 0.015
    for table in summary.tables:
        y = _table(painter, page, y, table) + page.height() * 0.012


def _line(painter: QPainter, page: QRectF, y: float, text: str) -> float:
    height = painter.fontMetrics().height() * 1.25
    painter.drawText(
        QRectF(0, y, page.width(), height),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        text,
    )
    return height


def _headline(painter: QPainter, page: QRectF, y: float, figures: list[tuple[str, str]]) -> float:
    painter.setPen(QColor("#111111"))
    painter.setFont(_font(10.5, bold=True))
    y += _line(painter, page, y, QCoreApplication.translate("WeeklySummary", "Team medians"))
    width = page.width() / max(1, len(figures))
    painter.setFont(_font(8))
    label_height = painter.fontMetrics().height() * 2.4
    for number, (name, value) in enumerate(figures):
        box = QRectF(number * width, y, width * 0.92, label_height)
        painter.setPen(QColor("#555555"))
        painter.setFont(_font(8))
        painter.drawText(
            box,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
            name,
        )
        painter.setPen(QColor("#111111"))
        painter.setFont(_font(15, bold=True))
        value_box = QRectF(
            number * width, y + label_height, width, painter.fontMetrics().height() * 1.3
        )
        painter.drawText(value_box, Qt.AlignmentFlag.AlignLeft, value)
    return y + label_height + painter.fontMetrics().height() * 1.8


def _table(painter: QPainter, page: QRectF, y: float, table: Table) -> float:
    painter.setPen(QColor("#111111"))
    painter.setFont(_font(10.5, bold=True))
    y += _line(painter, page, y, table.title)
    painter.setFont(_font(8))
    row_height = painter.fontMetrics().height() * 1.35
    parts = sum(table.widths)
    widths = [page.width() * part / parts for part in table.widths]
    lefts = [sum(widths[:n]) for n in range(len(widths))]
    for number, row in enumerate([table.header, *table.rows]):
        header = number == 0
        painter.setFont(_font(8, bold=header))
        height = row_height
        if header:  # a long heading wraps: two lines, or as many as the longest needs
            needed = max(
                painter.boundingRect(
                    QRectF(0, 0, width - 8, 10_000), Qt.TextFlag.TextWordWrap, text
                ).height()
                for width, text in zip(widths, row, strict=True)
            )
            height = max(row_height * 2, needed * 1.1)
        if number % 2 == 0 and not header:
            painter.fillRect(QRectF(0, y, page.width(), height), QColor("#f1f4f8"))
        for column, text in enumerate(row):
            left = column < table.left
            align = Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight
            cell = QRectF(lefts[column] + 4, y, widths[column] - 8, height)
            if header:
                flags = align | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
                painter.drawText(cell, flags, text)
                continue
            shown = painter.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, int(cell.width())
            )
            painter.drawText(cell, align | Qt.AlignmentFlag.AlignVCenter, shown)
        y += height
        if header:
            painter.setPen(QPen(QColor("#999999"), 2))
            painter.drawLine(0, int(y), int(page.width()), int(y))
            painter.setPen(QColor("#111111"))
    return y
