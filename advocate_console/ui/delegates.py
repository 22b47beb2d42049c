"""Two-line list rows readable at a glance: a bold title (a name, a product) on the
whole width, and below it a quieter line of details with a coloured badge on the right.
Used where a table would need more width than a laptop screen's column has. A title
still too long for the column is elided and said whole in a tooltip."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

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
        bold = _bold(option.font)
        painter.setFont(bold)
        painter.setPen(text_colour)
        title_rect = QRect(area.left(), area.top(), area.width(), line)
        title = QFontMetrics(bold).elidedText(
            self._title(index), Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter, title)
        details_area = QRect(area.left(), area.top() + line + 2, area.width(), line)
        badge = self._badge(index) if self._badge is not None else None
        right = details_area.right()
        if badge is not None:
            if not option.state & QStyle.StateFlag.State_Enabled:
                painter.setOpacity(0.45)  # dimmed with the rest (a caller no longer current)
            right = self._paint_badge(painter, option.font, badge, details_area) - BADGE_PADDING
            painter.setOpacity(1.0)
        painter.setFont(option.font)
        painter.setPen(quiet)
        details_rect = QRect(details_area.left(), details_area.top(), right - area.left(), line)
        details = metrics.elidedText(
            self._details(index), Qt.TextElideMode.ElideRight, details_rect.width()
        )
        painter.drawText(details_rect, Qt.AlignmentFlag.AlignVCenter, details)
        painter.restore()

    def title_of(self, index: Index) -> str:
        """The row's whole title."""
        return self._title(index)

    def elides_title(self, option: QStyleOptionViewItem, index: Index) -> bool:
        """True when the row's title is too long for its cell and is shown cut."""
        width = option.rect.width() - PADDING * 2
        return QFontMetrics(_bold(option.font)).horizontalAdvance(self._title(index)) > width

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        # A cut title is said whole on hover, before whatever else the model says.
        if event.type() == QEvent.Type.ToolTip and self.elides_title(option, index):
            tip = self._title(index)
            more = index.data(Qt.ItemDataRole.ToolTipRole)
            QToolTip.showText(event.globalPos(), f"{tip}\n{more}" if more else tip, view)
            return True
        return super().helpEvent(event, view, option, index)

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


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return bold
