"""Two-line list rows readable at a glance: a bold title with a coloured badge on the
right, and a quieter line of details below. Used where a table would need more width
than a laptop screen's column has."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from .record_models import BADGE_COLOURS

PADDING = 6
BADGE_PADDING = 6

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Badge:
    """A state shown as a pill: its words and its colour name (see ``BADGE_COLOURS``)."""

    text: str
    state: str


class TwoLineDelegate(QStyledItemDelegate):
    """Paints a row as a title, an optional badge, and a line of details."""

    def __init__(
        self,
        title: Callable[[Index], str],
        details: Callable[[Index], str],
        badge: Callable[[Index], Badge | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._title = title
        self._details = details
        self._badge = badge

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + PADDING * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        option.text = ""
        if style is not None:  # the selection and hover background, as the style draws it
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = QColor(text_colour)
        quiet.setAlphaF(0.68)
        area = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        metrics = QFontMetrics(option.font)
        line = metrics.height()

        painter.save()
        badge = self._badge(index) if self._badge is not None else None
        right = area.right()
        if badge is not None:
            right = self._paint_badge(painter, option.font, badge, area) - BADGE_PADDING
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(text_colour)
        title_rect = QRect(area.left(), area.top(), right - area.left(), line)
        title = QFontMetrics(bold).elidedText(
            self._title(index), Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(option.font)
        painter.setPen(quiet)
        details_rect = QRect(area.left(), area.top() + line + 2, area.width(), line)
        details = metrics.elidedText(
            self._details(index), Qt.TextElideMode.ElideRight, details_rect.width()
        )
        painter.drawText(details_rect, Qt.AlignmentFlag.AlignVCenter, details)
        painter.restore()

    @staticmethod
    def _paint_badge(painter: QPainter, font: QFont, badge: Badge, area: QRect) -> int:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        small.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(small)
        width = metrics.horizontalAdvance(badge.text) + BADGE_PADDING * 2
        height = metrics.height() + 2
        rect = QRect(area.right() - width, area.top(), width, height)
        foreground, background = BADGE_COLOURS.get(badge.state, BADGE_COLOURS["none"])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.setFont(small)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, badge.text)
        return rect.left()
