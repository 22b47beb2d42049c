"""Painting laid-out pages with QPainter: one routine for the preview, PDF and the printer.

Because the glyph positions come from the layout (in points) and not from the device's
font metrics, a page paints identically on a screen image, a PDF and a printer.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTransform,
)

from .fonts import hand
from .layout import Page

PAPER = QColor("#ffffff")

FRAME_INK = QColor(52, 74, 150, 150)


def page_layout(page: Page) -> QPageLayout:
    """A borderless QPageLayout of the page's size (printers take it portrait + orientation)."""
    short, long = sorted((page.width, page.height))
    size = QPageSize(
        QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch
    )
    orientation = (
        QPageLayout.Orientation.Landscape
        if page.width > page.height
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


class PagePainter:
    """Paints pages on one QPainter, reusing fonts and pens across pages."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter
        device = painter.device()
        self._dpi = float(device.logicalDpiY())
        self._fonts: dict[tuple[str, float], QFont] = {}
        self._pens: dict[int, QPen] = {}
        self._prototypes: dict[str, QFont] = {}

    def paint(self, page: Page, scale: float | None = None) -> None:
        """Paint ``page`` from the device's top-left corner, 1 point = ``dpi / 72`` pixels."""
        painter = self.painter
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scale = scale if scale is not None else self._dpi / 72
        base = QTransform.fromScale(scale, scale)
        for frame in page.frames:
            painter.setTransform(base)
            pen = QPen(FRAME_INK, 0.6, Qt.PenStyle.DashLine)
            pen.setDashPattern([6, 3])
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(frame.x, frame.y, frame.width, frame.height), 4, 4)
        origin = QPointF(0, 0)
        for glyph in page.glyphs:
            transform = QTransform(base)
            transform.translate(glyph.x, glyph.y)
            if glyph.angle:
                transform.rotate(glyph.angle)
            painter.setTransform(transform)
            painter.setFont(self._font(glyph.family, glyph.size))
            painter.setPen(self._pen(glyph.ink))
            painter.drawText(origin, glyph.char)
        painter.resetTransform()

    def _font(self, family: str, size: float) -> QFont:
        key = (family, size)
        font = self._fonts.get(key)
        if font is None:
            prototype = self._prototypes.get(family)
            if prototype is None:
                prototype = self._prototypes.setdefault(family, _font_of(family))
            font = QFont(prototype)
            # Point sizes are relative to the device: undo its DPI so ``size`` is in the
            # painter's units (points, after the scale above).
            font.setPointSizeF(size * 72 / self._dpi)
            self._fonts[key] = font
        return font

    def _pen(self, ink: int) -> QPen:
        pen = self._pens.get(ink)
        if pen is None:
            pen = self._pens.setdefault(ink, QPen(QColor(ink)))
        return pen


def _font_of(family: str) -> QFont:
    for name in ("caveat", "kalam", "dancing-script"):
        loaded = hand(name)
        if loaded.family == family:
            return loaded.font()
    font = QFont(family)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def render_image(page: Page, dpi: int = 150, background: QColor = PAPER) -> QImage:
    """The page as an image at ``dpi`` (the editor's preview, the docs figures)."""
    width = max(1, round(page.width * dpi / 72))
    height = max(1, round(page.height * dpi / 72))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(background)
    painter = QPainter(image)
    try:
        PagePainter(painter).paint(page)
    finally:
        painter.end()
    return image


def paint_pages(painter: QPainter, pages: Iterable[Page], new_page) -> int:
    """Paint ``pages`` one per side, calling ``new_page(page)`` before every page but the first.

    ``new_page`` sets the next page's layout and starts it (``QPdfWriter.newPage`` or
    ``QPrinter.newPage``); returns how many pages were painted.
    """
    painter_of_pages = PagePainter(painter)
    count = 0
    for page in pages:
        if count and not new_page(page):
            raise OSError("The printer refused a new page")
        painter_of_pages.paint(page)
        count += 1
    return count
