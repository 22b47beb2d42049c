"""PDF export of one card, a batch, or their envelopes, with the handwriting fonts embedded."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QPainter, QPdfWriter

from .layout import Page
from .paint import page_layout, paint_pages

PDF_RESOLUTION = 1200


def export_pdf(pages: Iterable[Page], path: Path | str, title: str = "Thank-you cards") -> int:
    """Write ``pages`` to a PDF at ``path`` (each page at its own size); returns the page count.

    Safe on a worker thread. Raises OSError when the file cannot be written.
    """
    pages = iter(pages)
    first = next(pages, None)
    if first is None:
        raise ValueError("There are no pages to export")
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Advocate Console")
    writer.setPageLayout(page_layout(first))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Cannot write the PDF {path}")

    def new_page(page: Page) -> bool:
        writer.setPageLayout(page_layout(page))
        return writer.newPage()

    try:
        count = paint_pages(painter, _chain(first, pages), new_page)
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"Cannot write the PDF {path}")
    return count


def _chain(first: Page, rest: Iterable[Page]) -> Iterable[Page]:
    yield first
    yield from rest
