"""Thank-you cards: templates, handwriting rendering, envelopes, PDF export and printing.

Paints with QtGui and prints with QtPrintSupport; never shows a widget (dialogs are in ui/).
"""

from .handwriting import Glyph, Pen
from .layout import CardLayout, CardProblem, MessageTooLong, Page, lay_out_card, lay_out_envelope
from .merge import FIELDS, Addressee, MergeError, check_fields, fill, merge_values, merged_message
from .paint import PagePainter, render_image
from .pdf import export_pdf
from .print_run import Batch, PrintReport, PrintRun, addressee_of, card_pages, envelope_pages
from .printing import (
    PrintDefaults,
    PrinterProblem,
    PrintSettings,
    duplex_for,
    print_pages,
    printer_exists,
)
from .templates import (
    CardTemplate,
    EnvelopeTemplate,
    ReturnAddress,
    TemplateBook,
    TemplateError,
    default_book,
    load_book,
)

__all__ = [
    "FIELDS",
    "Addressee",
    "Batch",
    "CardLayout",
    "CardProblem",
    "CardTemplate",
    "EnvelopeTemplate",
    "Glyph",
    "MergeError",
    "MessageTooLong",
    "Page",
    "PagePainter",
    "Pen",
    "PrintDefaults",
    "PrintReport",
    "PrintRun",
    "PrintSettings",
    "PrinterProblem",
    "ReturnAddress",
    "TemplateBook",
    "TemplateError",
    "addressee_of",
    "card_pages",
    "check_fields",
    "default_book",
    "duplex_for",
    "envelope_pages",
    "export_pdf",
    "fill",
    "lay_out_card",
    "lay_out_envelope",
    "load_book",
    "merge_values",
    "merged_message",
    "print_pages",
    "printer_exists",
    "render_image",
]
