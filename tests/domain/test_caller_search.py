"""Reading the caller bar: phone, e-mail, serial, case number or name; and case numbers."""

from __future__ import annotations

import re
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocate_console.domain import SearchTerm, TermKind, case_number_for, interpret_query
from advocate_console.domain.search import (
    MAX_NAME_WORDS,
    MAX_QUERY_LENGTH,
    name_key,
    name_keys,
)

PROPERTY = settings(max_examples=80, deadline=None)

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")


def kinds(text: str) -> dict[TermKind, str]:
    """The readings of ``text`` by kind."""
    return {term.kind: term.value for term in interpret_query(text)}


# --- interpret_query --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["1-800-GE-CARES", "(800) 432-2737", "+18004322737"])
def test_the_three_spellings_of_one_number_search_the_same_phone(text: str) -> None:
    assert kinds(text)[TermKind.PHONE] == "+18004322737"


def test_a_phone_with_an_extension_searches_the_number() -> None:
    assert kinds("800-432-2737 x123")[TermKind.PHONE] == "+18004322737"


def test_an_email_is_only_an_email_and_lower_cased() -> None:
    assert interpret_query("  Ann.Example@Mail.COM ") == [
        SearchTerm(TermKind.EMAIL, "ann.example@mail.com")
    ]


def test_a_serial_is_upper_cased() -> None:
    assert interpret_query("sn-4411x9") == [SearchTerm(TermKind.SERIAL, "SN-4411X9")]


def test_a_name_is_searched_without_case_or_extra_spaces() -> None:
    assert interpret_query("  Ann   EXAMPLE ") == [SearchTerm(TermKind.NAME, "ann example")]


def test_a_word_without_digits_is_a_name_not_a_serial() -> None:
    assert interpret_query("Example") == [SearchTerm(TermKind.NAME, "example")]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_nothing_typed_means_nothing_to_search(text: str) -> None:
    assert interpret_query(text) == []


def test_punctuation_alone_is_not_a_name() -> None:
    assert interpret_query("--- ...") == []


def test_a_name_is_not_also_searched_when_something_more_specific_matched() -> None:
    assert TermKind.NAME not in kinds("1-800-GE-CARES")


def test_an_over_long_query_is_cut_not_refused() -> None:
    terms = interpret_query("a" * (MAX_QUERY_LENGTH * 5))

    assert terms == [SearchTerm(TermKind.NAME, "a" * MAX_QUERY_LENGTH)]


def test_the_default_region_reads_national_numbers() -> None:
    assert TermKind.PHONE not in kinds("020 7946 0958")  # eleven digits: not a US number
    assert interpret_query("020 7946 0958", default_region="GB") == [
        SearchTerm(TermKind.PHONE, "+442079460958")
    ]


@PROPERTY
@given(st.text(max_size=2 * MAX_QUERY_LENGTH))
def test_any_text_gives_well_formed_readings(text: str) -> None:
    terms = interpret_query(text)

    assert isinstance(terms, list)
    assert len({term.kind for term in terms}) == len(terms)
    for term in terms:
        assert isinstance(term, SearchTerm)
        assert isinstance(term.kind, TermKind)
        assert isinstance(term.value, str)
        assert term.value
        assert term.value == term.value.strip()


@PROPERTY
@given(
    st.text(
        alphabet=st.characters(codec="ascii", categories=["L", "N", "P", "Zs"]),
        max_size=40,
    )
)
def test_each_kind_of_reading_has_its_normal_form(text: str) -> None:
    for term in interpret_query(text):
        match term.kind:
            case TermKind.PHONE:
                assert E164.match(term.value)
            case TermKind.EMAIL:
                assert "@" in term.value
                assert term.value == term.value.lower()
            case TermKind.SERIAL | TermKind.CASE_NUMBER:
                assert term.value == term.value.upper()
            case TermKind.NAME:
                assert term.value == name_key(term.value)


# --- name keys --------------------------------------------------------------------------


def test_a_name_is_found_from_each_of_its_words_round() -> None:
    assert name_keys("  Mary  Ann   Smith ") == [
        "mary ann smith",
        "ann smith mary",
        "smith mary ann",
    ]
    assert name_keys("Maria Garcia") == ["maria garcia", "garcia maria"]


def test_a_single_word_has_one_key() -> None:
    assert name_keys("Cher") == ["cher"]


def test_name_keys_fold_case_beyond_lower_case() -> None:
    assert name_keys("Hans STRASSE") == name_keys("hans straße")


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Tomás Gutiérrez", "tomas gutierrez"),
        ("Margaret O'Donnell", "margaret odonnell"),
        ("Margaret O\u2019Donnell", "margaret odonnell"),
        ("Grace Nakamura-Reid", "grace nakamura reid"),
        ("St. John", "st john"),
        ("Hans Straße", "hans strasse"),
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Łukasz Wałęsa", "lukasz walesa"),
        ("Ægir Þórsson", "aegir thorsson"),
        ("Zoë  Saldaña", "zoe saldana"),
        ("Ｔｏｍáｓ", "tomas"),  # full-width letters, as NFKD reads them
        ("José (Pepe) Núñez, Jr.", "jose pepe nunez jr"),
    ],
)
def test_names_are_folded_as_people_type_them(written: str, key: str) -> None:
    assert name_key(written) == key


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("gutierrez", "gutierrez"),
        ("GUTIÉRREZ", "gutierrez"),
        ("o'donnell", "odonnell"),
        ("O\u2019Donnell", "odonnell"),
        ("odonnell", "odonnell"),
        ("nakamura-reid", "nakamura reid"),
        ("st. john", "st john"),
    ],
)
def test_a_typed_name_is_folded_as_the_names_are(typed: str, key: str) -> None:
    assert kinds(typed) == {TermKind.NAME: key}


@pytest.mark.parametrize("typed", [".", "'", " - ", "’."])
def test_punctuation_alone_is_no_name(typed: str) -> None:
    assert interpret_query(typed) == []


def test_a_long_name_has_a_bounded_number_of_keys() -> None:
    keys = name_keys(" ".join(f"word{n}" for n in range(20)))
    assert len(keys) == MAX_NAME_WORDS


names = st.lists(
    st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12),
    min_size=1,
    max_size=5,
)
gaps = st.sampled_from([" ", "  ", "\t", " \n ", "-", " - ", ", ", " & "])
written_names = st.text(
    alphabet=st.characters(categories=["L", "M", "N", "P", "Zs"]), min_size=1, max_size=40
)


@PROPERTY
@given(names, gaps)
def test_name_keys_hold_the_same_words_in_one_spacing(words: list[str], gap: str) -> None:
    written = gap + gap.join(words) + gap
    keys = name_keys(written)

    assert keys[0] == name_key(written)
    assert len(keys) == len(set(keys)) <= len(keys[0].split(" "))
    for key in keys:
        assert key == name_key(key)
        assert sorted(key.split(" ")) == sorted(keys[0].split(" "))


@PROPERTY
@given(written_names)
def test_folding_twice_is_folding_once(written: str) -> None:
    key = name_key(written)
    assert name_key(key) == key
    assert key == key.strip()
    assert "  " not in key


@PROPERTY
@given(names, gaps, st.data())
def test_any_name_is_found_by_the_folded_prefix_of_each_of_its_words(
    words: list[str], gap: str, data: st.DataObject
) -> None:
    written = gap.join(words)
    keys = name_keys(written)
    for word in name_key(written).split(" "):
        typed = word[: data.draw(st.integers(1, len(word)), label="prefix")]
        (term,) = interpret_query(typed.upper()) or [SearchTerm(TermKind.NAME, typed)]
        if term.kind is TermKind.NAME:
            assert any(key.startswith(term.value) for key in keys), (written, typed)


# --- case numbers -----------------------------------------------------------------------

uuids = st.uuids()


def test_a_case_number_is_read_from_the_first_40_bits_of_the_id() -> None:
    assert case_number_for(UUID(int=0)) == "C-00000000"
    assert case_number_for(UUID(int=(2**40 - 1) << 88)) == "C-ZZZZZZZZ"
    assert case_number_for(UUID(int=1 << 88)) == "C-00000001"
    # Bits after the first 40 do not change the number.
    assert case_number_for(UUID(int=(1 << 88) | (2**88 - 1))) == "C-00000001"


@PROPERTY
@given(uuids)
def test_a_case_number_is_c_dash_and_eight_crockford_characters(case_id: UUID) -> None:
    number = case_number_for(case_id)

    assert len(number) == 10
    assert number.startswith("C-")
    assert all(ch in CROCKFORD for ch in number[2:])
    assert number == case_number_for(UUID(str(case_id)))


@PROPERTY
@given(uuids)
def test_a_case_number_decodes_back_to_the_first_40_bits(case_id: UUID) -> None:
    value = 0
    for ch in case_number_for(case_id)[2:]:
        value = value * 32 + CROCKFORD.index(ch)

    assert value == case_id.int >> 88


@PROPERTY
@given(uuids, st.sampled_from(["{}", "{} ", " {}"]))
def test_the_caller_bar_reads_a_case_number_back(case_id: UUID, padding: str) -> None:
    number = case_number_for(case_id)
    spellings = [number, number.replace("-", ""), number.lower(), number.lower().replace("-", "")]

    for spelling in spellings:
        assert kinds(padding.format(spelling))[TermKind.CASE_NUMBER] == number


@pytest.mark.parametrize(
    "text", ["C-1234567", "C-123456789", "C-ABCDEFGI", "C-0000000U", "X-12345678"]
)
def test_what_is_not_a_case_number_is_not_read_as_one(text: str) -> None:
    assert TermKind.CASE_NUMBER not in kinds(text)
