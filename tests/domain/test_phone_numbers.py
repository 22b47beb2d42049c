"""Phone normalisation: any way a person writes a number gives one E.164 value."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocate_console.domain import InvalidPhoneNumber, PhoneNumber, normalize_phone
from advocate_console.domain.phone import looks_like_phone

PROPERTY = settings(max_examples=60, deadline=None)

GE_ANSWER_CENTER = "+18004322737"


@pytest.mark.parametrize(
    "text",
    [
        "1-800-GE-CARES",
        "(800) 432-2737",
        "+18004322737",
        "1800GECARES",
        "1-800-ge-cares",
        "800.432.2737",
        "+1 (800) 432-2737",
        "  800 432 2737  ",
    ],
)
def test_every_spelling_of_the_ge_answer_center_gives_one_number(text: str) -> None:
    assert normalize_phone(text) == PhoneNumber(GE_ANSWER_CENTER)


@pytest.mark.parametrize(
    "text",
    [
        "800-432-2737 x123",
        "800-432-2737 ext. 123",
        "+1 800 432 2737 ext 123",
        "1-800-GE-CARES x123",
    ],
)
def test_an_extension_is_kept(text: str) -> None:
    number = normalize_phone(text)

    assert number.e164 == GE_ANSWER_CENTER
    assert number.extension == "123"


def test_str_is_e164_and_adds_the_extension_in_rfc3966_spelling() -> None:
    assert str(normalize_phone("(800) 432-2737")) == "+18004322737"
    assert str(normalize_phone("800-432-2737 x123")) == "+18004322737;ext=123"


def test_display_is_for_people_and_reads_back() -> None:
    number = normalize_phone("800-432-2737 x12")

    assert number.display() == "+1 800-432-2737 ext. 12"
    assert normalize_phone(number.display()) == number


def test_the_default_region_reads_national_numbers() -> None:
    assert normalize_phone("020 7946 0958", default_region="GB").e164 == "+442079460958"
    assert normalize_phone("020 7946 0958", default_region="gb").e164 == "+442079460958"


def test_an_international_number_ignores_the_default_region() -> None:
    assert normalize_phone("+44 20 7946 0958").e164 == "+442079460958"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter a phone number."),
        ("   ", "Enter a phone number."),
        ("1" * 65, "That is too long to be a phone number."),
        ("abc", "“abc” does not look like a phone number."),
        ("123", "“123” has the wrong number of digits for a phone number in region US."),
        ("+999 1234567", "“+999 1234567” has no country code I know;"),
    ],
)
def test_what_is_not_a_number_is_refused_with_a_sentence(text: str, message: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as raised:
        normalize_phone(text)

    assert str(raised.value).startswith(message)


def test_invalid_phone_number_is_a_value_error() -> None:
    # Validators and callers catch ValueError; the subclass must stay one.
    assert issubclass(InvalidPhoneNumber, ValueError)


def test_looks_like_phone_answers_none_instead_of_raising() -> None:
    assert looks_like_phone("1-800-GE-CARES") == PhoneNumber(GE_ANSWER_CENTER)
    assert looks_like_phone("Ann Example") is None
    assert looks_like_phone("12") is None
    assert looks_like_phone("123") is None


# --- properties -------------------------------------------------------------------------

# North American numbers: area code and exchange start with 2-9, as a leading 1 is the
# trunk prefix (which the spellings below add on purpose).
area_codes = st.from_regex(r"\A[2-9][0-9]{2}\Z")
exchanges = st.from_regex(r"\A[2-9][0-9]{2}\Z")
lines = st.from_regex(r"\A[0-9]{4}\Z")
extensions = st.from_regex(r"\A[1-9][0-9]{0,5}\Z")


@st.composite
def us_spellings(draw: st.DrawFn) -> tuple[str, str]:
    """A US number as a person might write it, and its E.164 form."""
    area, exchange, line = draw(area_codes), draw(exchanges), draw(lines)
    separator = draw(st.sampled_from(["", " ", ".", "-"]))
    area_part = draw(st.sampled_from([area + separator, f"({area})", f"({area}) "]))
    body = f"{area_part}{exchange}{separator}{line}"
    prefix = draw(st.sampled_from(["", "1", "1 ", "1-", "1.", "+1", "+1 ", "+1-", "+1."]))
    padding = draw(st.sampled_from(["", " ", "  "]))
    return f"{padding}{prefix}{body}{padding}", f"+1{area}{exchange}{line}"


@PROPERTY
@given(us_spellings())
def test_every_formatting_of_a_us_number_gives_the_same_e164(spelling: tuple[str, str]) -> None:
    text, e164 = spelling

    assert normalize_phone(text) == PhoneNumber(e164)


@PROPERTY
@given(us_spellings(), st.one_of(st.none(), extensions))
def test_normalising_is_idempotent_on_its_own_output(
    spelling: tuple[str, str], extension: str | None
) -> None:
    text = spelling[0] + (f" x{extension}" if extension else "")
    number = normalize_phone(text)

    assert number.extension == extension
    assert normalize_phone(str(number)) == number
    assert normalize_phone(number.e164).e164 == number.e164


@PROPERTY
@given(st.text(max_size=80))
def test_any_text_gives_a_number_or_a_readable_refusal(text: str) -> None:
    try:
        number = normalize_phone(text)
    except InvalidPhoneNumber as refusal:
        assert str(refusal)
        assert "Exception" not in str(refusal)
    else:
        assert number.e164.startswith("+")
        assert number.e164[1:].isdigit()


@PROPERTY
@given(st.sampled_from(sorted(phonenumbers.SUPPORTED_REGIONS)))
def test_a_national_number_of_any_region_reads_back_from_its_e164(region: str) -> None:
    example = phonenumbers.example_number(region)
    national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)

    number = normalize_phone(national, default_region=region)

    assert number.e164 == e164
    assert normalize_phone(str(number)) == number
