"""The scoreboard's pictures, drawn by QtCharts: delight over time, remedy spend against
delight, and the models failing most.

QtCharts comes with PySide6-Addons; it loads with the scoreboard, never at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetricsF, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

MINE = QColor("#2f6fb3")
TEAM = QColor("#8a8a8a")
FAILURES = QColor("#c0392b")
REPEATS = QColor("#7b1e14")
LABEL_GAP = 3  # between a dot and its label, as QtCharts draws it


@dataclass(frozen=True, slots=True)
class WeekPoint:
    """One week of a line: its Monday and a share (None: nothing counted that week)."""

    start: date
    share: float | None


@dataclass(frozen=True, slots=True)
class SpendPoint:
    """One dot of spend against delight: who or which week, dollars per case, a share."""

    label: str
    dollars: float
    share: float


class Chart(QChartView):
    """A chart in a view, antialiased, following the light or dark palette."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        self.chart = QChart()
        super().__init__(self.chart, parent)
        self.setAccessibleName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        self.chart.setTheme(
            QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight
        )
        self.chart.setBackgroundRoundness(0)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setTitle(title)
        font = QFont(self.font())
        font.setBold(True)
        self.chart.setTitleFont(font)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def clear(self) -> None:
        """Remove every series and axis."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def series_names(self) -> list[str]:
        """The names of the series shown (for tests and the screen reader)."""
        return [series.name() for series in self.chart.series()]

    def image(self, width: int, height: int) -> QImage:
        """The chart painted at ``width`` × ``height`` into an image (for the PDF summary),
        on the white of paper; on the UI thread, and the image can then go anywhere."""
        image = QImage(width * 2, height * 2, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(2)
        image.fill(Qt.GlobalColor.white)
        theme, size = self.chart.theme(), self.chart.size()
        self.chart.setTheme(QChart.ChartTheme.ChartThemeLight)
        self._recolour()
        self.chart.resize(width, height)  # the view may be hidden in another tab, or small
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(0, 0, width, height)
        self.chart.scene().render(painter, area, area)
        painter.end()
        self.chart.resize(size)
        self.chart.setTheme(theme)
        self._recolour()
        return image

    def _recolour(self) -> None:
        # A theme change repaints series in its own colours: ours go back on.
        for series in self.chart.series():
            colour = series.property("colour")
            if isinstance(colour, QColor):
                _paint(series, colour)

    def _add(self, series, colour: QColor, *axes) -> None:
        series.setProperty("colour", colour)
        self.chart.addSeries(series)
        _paint(series, colour)
        for axis in axes:
            series.attachAxis(axis)


def _paint(series, colour: QColor) -> None:
    if isinstance(series, QScatterSeries):
        series.setColor(colour)
        series.setBorderColor(colour)
    elif isinstance(series, QLineSeries):
        pen = QPen(series.pen())
        pen.setColor(colour)
        pen.setWidthF(2.5)
        series.setPen(pen)


def _moment(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp() * 1000


def _percent_axis(title: str) -> QValueAxis:
    axis = QValueAxis()
    # A little room past 0 and 100, so a dot there is drawn whole; ticks stay 0, 20 … 100.
    axis.setRange(-4, 104)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(20)
    axis.setLabelFormat("%d%%")
    axis.setTitleText(title)
    return axis


class DelightOverTime(Chart):
    """Delighted customers week by week, beside the team median."""

    def show_weeks(
        self,
        weeks: Sequence[WeekPoint],
        name: str,
        median: float | None,
        median_name: str,
        axis_title: str,
    ) -> None:
        """One line (with dots) of ``weeks``; the team median as a dashed line across."""
        self.clear()
        if not weeks:
            return
        when = QDateTimeAxis()
        when.setFormat("d MMM")
        when.setRange(
            datetime.combine(weeks[0].start, time(0)), datetime.combine(weeks[-1].start, time(23))
        )
        when.setTickCount(min(len(weeks), 7))
        self.chart.addAxis(when, Qt.AlignmentFlag.AlignBottom)
        share = _percent_axis(axis_title)
        self.chart.addAxis(share, Qt.AlignmentFlag.AlignLeft)
        line, dots = QLineSeries(), QScatterSeries()
        line.setName(name)
        dots.setMarkerSize(8)
        for week in weeks:
            if week.share is not None:
                point = QPointF(_moment(week.start), week.share * 100)
                line.append(point)
                dots.append(point)
        self._add(line, MINE, when, share)
        self._add(dots, MINE, when, share)
        self.chart.legend().markers(dots)[0].setVisible(False)
        if median is not None:
            across = QLineSeries()
            across.setName(median_name)
            across.append(QPointF(_moment(weeks[0].start), median * 100))
            across.append(QPointF(_moment(weeks[-1].start), median * 100))
            self._add(across, TEAM, when, share)
            pen = QPen(across.pen())
            pen.setStyle(Qt.PenStyle.DashLine)
            across.setPen(pen)


class SpendAgainstDelight(Chart):
    """Remedy spend per case (across) against delighted customers (up), one dot each.

    Labelled, each dot says whose it is where there is room: a name that would cover one
    drawn already (two advocates at 0% and $80) is cut to the first name, or left out;
    pointing at a dot names everyone there. The team's table beside it has every figure.
    """

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, name, parent)
        self._points: list[SpendPoint] = []
        self._dots: QScatterSeries | None = None
        self._shown: dict[int, str] = {}  # the label drawn at each point that has one
        self.chart.plotAreaChanged.connect(self._fit_labels)

    def show_points(
        self, points: Sequence[SpendPoint], name: str, x_title: str, y_title: str, labelled: bool
    ) -> None:
        """A dot per point; with ``labelled``, each dot says whose it is."""
        self.clear()
        dollars = QValueAxis()
        dollars.setLabelFormat("$%d")
        dollars.setTitleText(x_title)
        top = max((point.dollars for point in points), default=0)
        dollars.setRange(0, max(50, top * 1.1))
        dollars.applyNiceNumbers()
        self.chart.addAxis(dollars, Qt.AlignmentFlag.AlignBottom)
        share = _percent_axis(y_title)
        self.chart.addAxis(share, Qt.AlignmentFlag.AlignLeft)
        dots = QScatterSeries()
        dots.setName(name)
        dots.setMarkerSize(11)
        for point in points:
            dots.append(QPointF(point.dollars, point.share * 100))
        self._add(dots, MINE, dollars, share)
        self._points, self._dots = (list(points), dots) if labelled else ([], None)
        self._shown.clear()
        if labelled:
            dots.setPointLabelsClipping(False)
            dots.hovered.connect(self._name_dots)
            self._fit_labels()
        self.chart.legend().hide()

    def labels_shown(self) -> dict[int, str]:
        """The labels drawn, by the index of their point."""
        return dict(self._shown)

    def label_area(self, index: int, text: str) -> QRectF:
        """Where ``text`` is drawn as the label of point ``index``: centred above its dot."""
        assert self._dots is not None
        metrics = QFontMetricsF(self._dots.pointLabelsFont())
        point = self._points[index]
        centre = self.chart.mapToPosition(QPointF(point.dollars, point.share * 100), self._dots)
        width, height = metrics.horizontalAdvance(text), metrics.height()
        bottom = centre.y() - self._dots.markerSize() / 2 - LABEL_GAP
        return QRectF(centre.x() - width / 2, bottom - height, width, height)

    def _fit_labels(self) -> None:
        """Each dot's name where it covers no name drawn before it; else the first name
        alone where that fits; else none."""
        if self._dots is None:
            return
        self._shown.clear()
        drawn: list[QRectF] = []
        for index, point in enumerate(self._points):
            for text in dict.fromkeys([point.label, point.label.split(" ", 1)[0]]):
                area = self.label_area(index, text).adjusted(-LABEL_GAP * 2, 0, LABEL_GAP * 2, 0)
                if not any(area.intersects(other) for other in drawn):
                    drawn.append(area)
                    self._shown[index] = text
                    break
            self._dots.setPointConfiguration(
                index,
                {
                    QXYSeries.PointConfiguration.LabelVisibility: index in self._shown,
                    QXYSeries.PointConfiguration.LabelFormat: self._shown.get(index, ""),
                },
            )

    def names_at(self, where: QPointF) -> list[str]:
        """Whose dots are drawn at ``where`` (a value on the chart's axes), or overlap it."""
        if self._dots is None:
            return []
        here = self.chart.mapToPosition(where, self._dots)
        reach = self._dots.markerSize()
        return [
            point.label
            for point in self._points
            if (
                self.chart.mapToPosition(QPointF(point.dollars, point.share * 100), self._dots)
                - here
            ).manhattanLength()
            <= reach
        ]

    def _name_dots(self, where: QPointF, entered: bool) -> None:
        if entered:
            QToolTip.showText(QCursor.pos(), "\n".join(self.names_at(where)), self)
        else:
            QToolTip.hideText()


class TopFailingModels(Chart):
    """The models failing most: failure cases and, of those, repeat failures."""

    def show_models(
        self,
        models: Sequence[tuple[str, int, int]],
        cases_name: str,
        repeats_name: str,
    ) -> None:
        """One pair of bars per (model, cases, repeat failures), worst at the top."""
        self.clear()
        rows = list(reversed(models))  # a horizontal bar chart draws its first row lowest
        cases, repeats = QBarSet(cases_name), QBarSet(repeats_name)
        cases.setColor(FAILURES)
        repeats.setColor(REPEATS)
        for _name, count, again in rows:
            cases.append(count)
            repeats.append(again)
        bars = QHorizontalBarSeries()
        bars.append(cases)
        bars.append(repeats)
        self.chart.addSeries(bars)
        names = QBarCategoryAxis()
        names.append([name for name, _count, _again in rows])
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(names)
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        top = max([count for _n, count, _a in rows] + [1])
        counts.setRange(0, top)
        if top <= 5:  # whole numbers only: 0 1 2 3, never 0.4
            counts.setTickCount(top + 1)
        else:
            counts.applyNiceNumbers()
        self.chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(counts)
