"""A card and its envelope laid out as pages of glyphs: what the preview shows and what prints.

Everything that can go wrong with a card's text — an unknown merge field, a field without
a value, a message too long for the card — is found here, before anything is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication, QObject

from advocate_console.domain import NoteCard

from .fonts import hand
from .handwriting import Align, Glyph, Pen, Writing
from .merge import Addressee, MergeError, fill, merge_values, missing_values
from .templates import (
    Box,
    CardTemplate,
    EnvelopeTemplate,
    ReturnAddress,
    SizeRange,
    TemplateBook,
    TemplateError,
    default_book,
    writing_language,
)


class CardLayoutWords(QObject):
    """Sentences with a count, where Qt's plural forms need ``self.tr`` to find them."""

    def too_long(self, card: str, smallest_pt: str, lines: int) -> str:
        """Why a message does not fit ``card`` even at its smallest size."""
        return (
            self.tr(
                "The message is too long for the %1: even at the smallest size (%2 pt) "
                "about %n more line(s) would be needed. Shorten it or choose a bigger card.",
                "",
                lines,
            )
            .replace("%1", card)
            .replace("%2", smallest_pt)
        )

    def template_problem(self, error: TemplateError) -> str:
        """A card's template that this console does not have, in words; another
        template problem (a file IT must fix) as its English message."""
        if not error.unknown:
            return str(error)
        return self.tr(
            "This card uses the template “%1”, which this console does not have: choose"
            " another card, or ask IT to add it."
        ).replace("%1", error.unknown)

    def merge_problem(self, error: MergeError) -> str:
        """What is wrong with a message's merge fields, from the core's code and values
        (here, not in ``ui/``: a card's problem is said where the card is laid out, on a
        print run's worker too, and saved with the card as its failure reason)."""
        texts = {
            "stray_brace": self.tr(
                "The message has a stray “{” or “}”: write {{ or }} for a brace."
            ),
            "not_a_field": self.tr("“%1” is not a merge field; fields look like {first_name}."),
            "unknown_fields": self.tr("Unknown merge field %1. Known fields: %2"),
        }
        if error.code not in texts:
            return str(error)
        # One pass, as QString.arg does: a field the advocate typed may hold "%2".
        return re.sub(r"%([12])", lambda found: error.values[int(found[1]) - 1], texts[error.code])


class CardProblem(ValueError):
    """A card cannot be printed as it is; the message tells the advocate what to change."""


class MessageTooLong(CardProblem):
    """The message does not fit the card even at the template's smallest size."""


@dataclass(frozen=True, slots=True)
class Page:
    """One printed side, in points: its size, the written glyphs and any drawn frames."""

    width: float
    height: float
    glyphs: tuple[Glyph, ...] = ()
    frames: tuple[Box, ...] = ()

    @property
    def text(self) -> str:
        """The letters on the page in writing order (for tests and accessibility)."""
        return "".join(glyph.char for glyph in self.glyphs)


@dataclass(frozen=True, slots=True)
class CardLayout:
    """A card ready to paint: its pages (outside then inside when folded) and the size used."""

    template: CardTemplate
    pages: tuple[Page, ...]
    message_size: float
    message: str = ""
    signature: str = ""
    warnings: tuple[str, ...] = field(default=())


def lay_out_card(
    card: NoteCard, addressee: Addressee, book: TemplateBook | None = None
) -> CardLayout:
    """The pages of ``card``; raises :class:`CardProblem` when it cannot be printed."""
    book = book or default_book()
    try:
        template = book.card(card.template)
    except TemplateError as error:
        raise CardProblem(CardLayoutWords().template_problem(error)) from None
    values = merge_values(card, addressee)
    values["company"] = values["company"] or book.return_address.address.lines[0]
    message, signature = _message_and_signature(card.message, template, values)
    pen = _pen(card, "message", template)
    area = template.writing_area()
    message_box = template.message.within(area.x, area.y, area.width, area.height)
    writing = pen.fit(message, message_box, template.font_size, template.line_spacing)
    if not writing.fits:
        raise MessageTooLong(
            CardLayoutWords().too_long(
                template.name, f"{template.font_size.smallest:g}", max(1, round(writing.overflow))
            )
        )
    glyphs = list(writing.glyphs)
    frames: list[Box] = []
    if signature:
        glyphs += _signature(card, template, signature, writing, area)
    if card.gift_value_cents or card.gift_code:
        gift_glyphs, frame = _gift_line(card, template, values, writing.size, area)
        glyphs += gift_glyphs
        frames.append(frame)
    sheet_width, sheet_height = template.sheet_size
    inside = Page(sheet_width, sheet_height, tuple(glyphs), tuple(frames))
    pages = (_cover(card, template), inside) if template.pages == 2 else (inside,)
    return CardLayout(template, pages, writing.size, message, signature)


def lay_out_envelope(
    card: NoteCard,
    addressee: Addressee,
    book: TemplateBook | None = None,
    return_address: ReturnAddress | None = None,
) -> Page:
    """The envelope for ``card``: the customer's postal address and the return address."""
    book = book or default_book()
    try:
        envelope = book.envelope_for(book.card(card.template))
    except TemplateError as error:
        raise CardProblem(CardLayoutWords().template_problem(error)) from None
    customer = addressee.customer
    if customer.address is None:
        raise CardProblem(
            QCoreApplication.translate(
                "CardLayout",
                "%s has no postal address on their record, so the envelope cannot be addressed.",
            )
            % customer.display_name
        )
    sender = return_address or book.return_address
    area = envelope.area()
    glyphs = _address(
        card,
        "recipient",
        envelope,
        customer.address.envelope_lines(customer.display_name),
        envelope.recipient.within(area.x, area.y, area.width, area.height),
        envelope.font_size,
    )
    glyphs += _address(
        card,
        "return",
        envelope,
        sender.lines(),
        envelope.return_address.within(area.x, area.y, area.width, area.height),
        envelope.return_font_size,
    )
    return Page(envelope.width, envelope.height, tuple(glyphs))


def check_card(card: NoteCard, addressee: Addressee, book: TemplateBook | None = None) -> str:
    """Why ``card`` cannot be printed, or an empty string when it can."""
    try:
        lay_out_card(card, addressee, book)
    except CardProblem as problem:
        return str(problem)
    return ""


# -- the parts of a card --------------------------------------------------------------------


def _message_and_signature(
    text: str, template: CardTemplate, values: dict[str, str]
) -> tuple[str, str]:
    try:
        message = fill(text, values)
        signature = fill(template.signature_text, values)
    except MergeError as error:
        raise CardProblem(CardLayoutWords().merge_problem(error)) from None
    empty = [name for name in missing_values(text, values) if name != "product"]
    if empty:
        raise CardProblem(
            QCoreApplication.translate(
                "CardLayout", "The message uses %s, which this card has no value for."
            )
            % ", ".join(f"{{{name}}}" for name in empty)
        )
    lines = message.rstrip().split("\n")
    # Many messages already end with the advocate's name: write it once, as the signature.
    if signature and lines and lines[-1].strip().casefold() == signature.strip().casefold():
        lines.pop()
    return "\n".join(lines).rstrip(), signature.strip()


def _pen(card: NoteCard, part: str, template: CardTemplate, wobble: float = 1.0) -> Pen:
    mix = [hand(name) for name in template.mix]
    return Pen(f"{card.id}:{part}", hand(template.hand), mix, template.mix_share, wobble)


def _signature(
    card: NoteCard, template: CardTemplate, text: str, message: Writing, area: Box
) -> list[Glyph]:
    size = message.size
    box = template.signature.within(area.x, area.y, area.width, area.height)
    # Signed just under the closing words, not at the foot of a half-empty card.
    top = min(box.y, message.bottom + size * 0.2)
    box = Box(box.x, top, box.width, box.bottom - top)
    pen = Pen(f"{card.id}:signature", hand(template.signature_hand), wobble=1.2)
    # A signature is written a little bigger and looser than the message.
    sizes = SizeRange(min(size, 9.0), size * 1.3)
    writing = pen.fit(text, box, sizes, 1.0, align=Align.LEFT, wrap=False)
    if not writing.fits:
        raise CardProblem(
            QCoreApplication.translate("CardLayout", "The signature “%s” does not fit the card.")
            % text
        )
    return writing.glyphs


def _gift_line(
    card: NoteCard, template: CardTemplate, values: dict[str, str], size: float, area: Box
) -> tuple[list[Glyph], Box]:
    if card.gift_value_cents and card.gift_code:
        text = QCoreApplication.translate(
            "CardLayout", "A %s gift certificate for you · code %s"
        ) % (
            values["gift_value"],
            values["gift_code"],
        )
    elif card.gift_value_cents:
        text = (
            QCoreApplication.translate("CardLayout", "A %s gift certificate is on its way to you")
            % values["gift_value"]
        )
    else:
        text = (
            QCoreApplication.translate("CardLayout", "Your gift certificate code: %s")
            % values["gift_code"]
        )
    box = template.gift.within(area.x, area.y, area.width, area.height)
    pad = min(6.0, box.height * 0.2)
    inner = Box(box.x + pad, box.y + pad, box.width - 2 * pad, box.height - 2 * pad)
    # Written carefully: a code the customer cannot read is no gift.
    pen = Pen(f"{card.id}:gift", hand("kalam"), wobble=0.3)
    sizes = SizeRange(6.0, max(6.0, min(size * 0.75, inner.height / 1.1)))
    writing = pen.fit(text, inner, sizes, 1.0, align=Align.CENTRE, wrap=False)
    if not writing.fits:
        raise CardProblem(
            QCoreApplication.translate(
                "CardLayout", "The gift certificate line does not fit the %s."
            )
            % template.name
        )
    drop = max(0.0, (inner.height - writing.size * 1.05) / 2)  # centred in its frame
    return [replace(glyph, y=glyph.y + drop) for glyph in writing.glyphs], box


def _cover(card: NoteCard, template: CardTemplate) -> Page:
    width, height = template.sheet_size
    cover = template.cover_in(writing_language())
    if not cover:
        return Page(width, height)
    area = template.cover_area()
    box = Box(area.x, area.y + area.height * 0.35, area.width, area.height * 0.3)
    pen = Pen(f"{card.id}:cover", hand(template.signature_hand), wobble=0.8)
    writing: Writing = pen.fit(cover, box, SizeRange(14.0, 40.0), 1.1, align=Align.CENTRE)
    return Page(width, height, tuple(writing.glyphs))


def _address(
    card: NoteCard,
    part: str,
    envelope: EnvelopeTemplate,
    lines: list[str],
    box: Box,
    sizes: SizeRange,
) -> list[Glyph]:
    pen = Pen(f"{card.id}:{part}", hand("caveat"), wobble=0.7)
    writing = pen.fit("\n".join(lines), box, sizes, envelope.line_spacing, wrap=False)
    if not writing.fits:
        raise CardProblem(
            QCoreApplication.translate("CardLayout", "The address does not fit the %s envelope: %s")
            % (envelope.name, " / ".join(lines))
        )
    return writing.glyphs
