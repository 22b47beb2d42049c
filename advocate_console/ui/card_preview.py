"""A card's picture, always whole: scaled to fit whatever room the window gives it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN = 8  # room for the card's edge line and a little air around it


class CardPreview(QWidget):
    """Shows a rendered card page scaled (never cropped) to the widget, centred."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage | None) -> None:
        """Show ``image`` (None: nothing)."""
        self.image = image
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 340)

    def drawn_rect(self) -> QRect:
        """Where the card is drawn: the image scaled to fit, its proportions kept."""
        if self.image is None or self.image.isNull():
            return QRect()
        room = self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        size = self.image.size().scaled(room.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = room.x() + (room.width() - size.width()) // 2
        top = room.y() + (room.height() - size.height()) // 2
        return QRect(left, top, size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.image is None or self.image.isNull():
            return
        target = self.drawn_rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)
        # The card's edge, so a white card shows on a white window.
        painter.setPen(QPen(QColor(0, 0, 0, 70), 1))
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        painter.end()
