"""Templates as data, merge fields and the fit check: errors before printing, never a cut card."""

from __future__ import annotations

import shutil

import pytest

from advocate_console.cards import (
    Addressee,
    CardProblem,
    MergeError,
    MessageTooLong,
    TemplateError,
    check_fields,
    default_book,
    fill,
    lay_out_card,
    load_book,
    merge_values,
)
from advocate_console.cards.templates import POINTS_PER_INCH, POINTS_PER_MM, Fold
from advocate_console.paths import resource_dir

SIZES = {
    "a6-flat": (148 * POINTS_PER_MM, 105 * POINTS_PER_MM),
    "a7-flat": (105 * POINTS_PER_MM, 74 * POINTS_PER_MM),
    "4x6-flat": (6 * POINTS_PER_INCH, 4 * POINTS_PER_INCH),
    "5x7-flat": (7 * POINTS_PER_INCH, 5 * POINTS_PER_INCH),
    "a2-folded": (4.25 * POINTS_PER_INCH, 5.5 * POINTS_PER_INCH),
}


@pytest.mark.parametrize(("template_id", "size"), SIZES.items())
def test_the_shipped_templates_have_the_card_sizes_advocates_buy(template_id, size):
    template = default_book().card(template_id)
    assert (template.width, template.height) == pytest.approx(size)


def test_a_folded_card_prints_on_a_sheet_twice_its_size_with_an_inside_and_outside():
    template = default_book().card("a2-folded")
    assert template.fold is Fold.SIDE
    assert template.sheet_size == pytest.approx((8.5 * 72, 5.5 * 72))
    assert template.pages == 2


def test_every_card_has_an_envelope_of_the_shipped_sizes():
    book = default_book()
    assert {"dl", "c6", "a2", "a7", "no10"} <= set(book.envelopes)
    for template in book.cards.values():
        envelope = book.envelope_for(template)
        # A card goes in either way round.
        card, slot = (
            sorted((template.width, template.height)),
            sorted((envelope.width, envelope.height)),
        )
        assert slot[0] >= card[0] and slot[1] >= card[1], template.id


def test_every_default_message_uses_only_known_fields():
    for template in default_book().cards.values():
        check_fields(template.default_message)


def test_a_template_with_a_bad_length_is_refused_naming_the_card(tmp_path):
    folder = tmp_path / "cards"
    shutil.copytree(resource_dir() / "cards", folder)
    text = (folder / "cards.toml").read_text().replace('width = "148mm"', 'width = "148"')
    (folder / "cards.toml").write_text(text)
    with pytest.raises(TemplateError, match=r"a6-flat.*“148” is not a length"):
        load_book(folder)


def test_a_template_naming_an_unknown_envelope_is_refused(tmp_path):
    folder = tmp_path / "cards"
    shutil.copytree(resource_dir() / "cards", folder)
    text = (folder / "cards.toml").read_text().replace('envelope = "c7"', 'envelope = "c9"')
    (folder / "cards.toml").write_text(text)
    with pytest.raises(TemplateError, match="c9"):
        load_book(folder)


def test_merge_fields_are_filled_from_the_customer_case_and_gift(story_card, story_customer):
    values = merge_values(
        story_card.model_copy(update={"gift_value_cents": 2550}),
        Addressee(story_customer, advocate_name="Maya Castellanos"),
    )
    text = fill("Dear {first_name}, {gift_value} from {advocate_first_name}", values)
    assert text == "Dear Margaret, $25.50 from Maya"


def test_an_unknown_field_is_a_clear_error_naming_it():
    with pytest.raises(MergeError, match=r"Unknown merge field \{frist_name\}"):
        check_fields("Dear {frist_name},")


def test_a_stray_brace_is_a_clear_error():
    with pytest.raises(MergeError, match="stray"):
        check_fields("Thanks {first_name")


def test_an_unknown_field_stops_the_card_before_printing(story_card, story_customer):
    card = story_card.model_copy(update={"message": "Hi {nickname}!"})
    with pytest.raises(CardProblem, match="nickname"):
        lay_out_card(card, Addressee(story_customer))


def test_a_gift_code_field_without_a_gift_is_refused(story_card, story_customer):
    card = story_card.model_copy(
        update={"message": "Your code: {gift_code}", "gift_code": None, "gift_value_cents": None}
    )
    with pytest.raises(CardProblem, match=r"\{gift_code\}"):
        lay_out_card(card, Addressee(story_customer))


def test_a_message_too_long_for_the_card_is_refused_not_cut(story_card, story_customer):
    card = story_card.model_copy(update={"template": "a7-flat", "message": "Thank you. " * 120})
    with pytest.raises(MessageTooLong, match="too long for the A7"):
        lay_out_card(card, Addressee(story_customer))


def test_a_long_message_is_written_smaller_to_fit(story_card, story_customer):
    short = lay_out_card(story_card, Addressee(story_customer))
    longer = lay_out_card(
        story_card.model_copy(update={"message": story_card.message + " We are glad." * 25}),
        Addressee(story_customer),
    )
    template = short.template
    assert short.message_size == template.font_size.largest
    assert template.font_size.smallest <= longer.message_size < short.message_size


def test_every_glyph_stays_on_the_card(story_card, story_customer):
    for template_id in default_book().cards:
        card = story_card.model_copy(update={"template": template_id})
        for page in lay_out_card(card, Addressee(story_customer)).pages:
            for glyph in page.glyphs:
                assert 0 < glyph.x < page.width and 0 < glyph.y < page.height, template_id
