"""Handwriting: varied like a hand, identical on reprint, the same on screen and on paper."""

from __future__ import annotations

import subprocess
import uuid
from collections import Counter

import pytest
from PySide6.QtGui import QImage

from advocate_console.cards import (
    Addressee,
    CardProblem,
    export_pdf,
    lay_out_card,
    lay_out_envelope,
    render_image,
)


def test_a_reprint_is_identical_glyph_for_glyph(story_card, story_customer):
    first = lay_out_card(story_card, Addressee(story_customer))
    again = lay_out_card(story_card, Addressee(story_customer))
    assert first.pages == again.pages
    assert render_image(first.pages[0], 72) == render_image(again.pages[0], 72)


def test_another_card_with_the_same_words_is_written_differently(story_card, story_customer):
    first = lay_out_card(story_card, Addressee(story_customer)).pages[0]
    other = lay_out_card(
        story_card.model_copy(update={"id": uuid.uuid4()}), Addressee(story_customer)
    ).pages[0]
    assert first.text == other.text
    assert [(g.x, g.y) for g in first.glyphs] != [(g.x, g.y) for g in other.glyphs]


def test_no_two_letters_are_written_alike(story_card, story_customer):
    page = lay_out_card(story_card, Addressee(story_customer)).pages[0]
    es = [g for g in page.glyphs if g.char == "e"]
    assert len(es) > 10
    assert len({(g.size, g.angle, g.y % 1) for g in es}) == len(es)
    assert len({g.ink for g in page.glyphs}) > 3  # the ink runs lighter and darker
    assert max(abs(g.angle) for g in page.glyphs) <= 5  # varied, but still upright


def test_the_signature_is_written_once_even_when_the_message_ends_with_it(
    story_card, story_customer
):
    assert story_card.message.endswith("Maya")
    layout = lay_out_card(story_card, Addressee(story_customer))
    assert layout.signature == "Maya"
    assert layout.pages[0].text.count("Maya") == 1
    assert "GC-" in layout.pages[0].text  # the gift certificate line


def test_the_envelope_has_the_customer_address_and_the_return_address(story_card, story_customer):
    page = lay_out_envelope(story_card, Addressee(story_customer))
    lines = story_customer.address.envelope_lines(story_customer.display_name)
    for line in lines:
        assert line.replace(" ", "") in page.text
    assert "CustomerAdvocacyTeam" in page.text
    assert page.width == pytest.approx(162 / 25.4 * 72)  # the C6 of an A6 card


def test_a_customer_without_an_address_gets_no_envelope(story_card, story_customer):
    nowhere = story_customer.model_copy(update={"address": None})
    with pytest.raises(CardProblem, match="no postal address"):
        lay_out_envelope(story_card, Addressee(nowhere))


def test_the_pdf_carries_the_text_and_embeds_the_handwriting_font(
    story_card, story_customer, tmp_path
):
    layout = lay_out_card(story_card, Addressee(story_customer))
    path = tmp_path / "card.pdf"
    assert export_pdf(layout.pages, path) == 1
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    caveat = [line for line in fonts.splitlines() if line.startswith("Caveat")]
    assert caveat and " yes " in caveat[0]  # embedded
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    letters = "".join(text.split())
    assert "Margaret" in letters and "GC-TWNP-ACGC" in letters


def test_the_pdf_page_is_the_card_size(story_card, story_customer, tmp_path):
    card = story_card.model_copy(update={"template": "a2-folded"})
    path = tmp_path / "card.pdf"
    export_pdf(lay_out_card(card, Addressee(story_customer)).pages, path)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Pages:           2" in info
    assert "612 x 396 pts" in info  # 8.5 × 5.5 in: the sheet of a folded A2 card


def test_the_pdf_looks_like_the_preview(story_card, story_customer, tmp_path):
    page = lay_out_card(story_card, Addressee(story_customer)).pages[0]
    path = tmp_path / "card.pdf"
    export_pdf([page], path)
    preview = render_image(page, 150).convertToFormat(QImage.Format.Format_Grayscale8)
    size = ["-scale-to-x", str(preview.width()), "-scale-to-y", str(preview.height())]
    subprocess.run(
        ["pdftoppm", *size, "-png", "-singlefile", str(path), str(tmp_path / "p")], check=True
    )
    printed = QImage(str(tmp_path / "p.png")).convertToFormat(QImage.Format.Format_Grayscale8)
    other_card = lay_out_card(
        story_card.model_copy(update={"id": uuid.uuid4()}), Addressee(story_customer)
    ).pages[0]
    other = render_image(other_card, 150).convertToFormat(QImage.Format.Format_Grayscale8)
    assert (printed.width(), printed.height()) == (preview.width(), preview.height())
    # The same letters in the same places, anti-aliasing aside; the same words written
    # by another card's hand land elsewhere.
    same, different = _ink_overlap(printed, preview), _ink_overlap(printed, other)
    assert same > 2 * different, (same, different)


def _ink_overlap(a: QImage, b: QImage) -> float:
    """Share of inked pixels (dilated by one) that both images have: anti-aliasing aside,
    the same letters in the same places."""

    def inked(image: QImage) -> set[tuple[int, int]]:
        return {
            (x, y)
            for y in range(image.height())
            for x in range(image.width())
            if image.pixelColor(x, y).value() < 160
        }

    ink_a, ink_b = inked(a), inked(b)
    return len(ink_a & ink_b) / max(1, len(ink_a | ink_b))


def test_the_letters_of_the_alphabet_all_have_glyphs(story_card, story_customer):
    text = "The quick brown fox jumps over the lazy dog — café, naïve, 1234567890!"
    page = lay_out_card(
        story_card.model_copy(update={"message": text}), Addressee(story_customer)
    ).pages[0]
    for letter in "zïé7!":
        assert Counter(page.text)[letter] == Counter(text)[letter], letter
