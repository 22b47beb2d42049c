"""Phone numbers in the advocate's words: any format in, E.164 out."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

DEFAULT_REGION = "US"


class InvalidPhoneNumber(ValueError):
    """The text cannot be read as a phone number; the message says why (in English, for
    logs and the API). ``reason`` is its code for the UI to word: ``empty``, ``too_long``,
    ``wrong_length`` (then ``region`` and ``digits``, how many a full number there has),
    ``no_country``, ``too_short``, ``not_a_number``."""

    def __init__(
        self, message: str, reason: str = "not_a_number", region: str = "", digits: int = 0
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.region = region
        self.digits = digits


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A normalised phone number: E.164 digits plus an optional extension."""

    e164: str
    extension: str | None = None

    def __str__(self) -> str:
        # RFC 3966 spelling keeps the extension in one string that parses back.
        return f"{self.e164};ext={self.extension}" if self.extension else self.e164

    def display(self) -> str:
        """The number formatted for people, e.g. ``+1 800-432-2737 ext. 12``."""
        number = phonenumbers.parse(self.e164)
        text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return f"{text} ext. {self.extension}" if self.extension else text


def normalize_phone(text: str, default_region: str = DEFAULT_REGION) -> PhoneNumber:
    """Read ``text`` (any punctuation, vanity letters, an extension) as a phone number.

    ``1-800-GE-CARES``, ``(800) 432-2737`` and ``+18004322737`` all give ``+18004322737``.
    Raises :class:`InvalidPhoneNumber` with a message a person understands.
    """
    cleaned = text.strip()
    if not cleaned:
        raise InvalidPhoneNumber("Enter a phone number.", "empty")
    if len(cleaned) > 64:
        raise InvalidPhoneNumber("That is too long to be a phone number.", "too_long")
    if ";ext=" in cleaned:  # our own str() form
        cleaned = cleaned.replace(";ext=", " ext. ")
    try:
        number = phonenumbers.parse(cleaned, default_region.upper())
    except phonenumbers.NumberParseException as error:
        reason = _PARSE_REASONS.get(error.error_type, "not_a_number")
        raise InvalidPhoneNumber(_parse_error_message(error, cleaned), reason) from None
    if not phonenumbers.is_possible_number(number):
        region = phonenumbers.region_code_for_number(number) or default_region.upper()
        example = phonenumbers.example_number(region)
        digits = len(phonenumbers.national_significant_number(example)) if example else 0
        raise InvalidPhoneNumber(
            f"“{text.strip()}” has the wrong number of digits for a phone number"
            f" in region {region}.",
            "wrong_length",
            region,
            digits,
        )
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return PhoneNumber(e164=e164, extension=number.extension or None)


def looks_like_phone(text: str, default_region: str = DEFAULT_REGION) -> PhoneNumber | None:
    """The number if ``text`` reads as a possible phone number, else None."""
    digits = sum(ch.isdigit() for ch in text)
    if digits < 3:
        return None
    try:
        return normalize_phone(text, default_region)
    except InvalidPhoneNumber:
        return None


def _parse_error_message(error: phonenumbers.NumberParseException, text: str) -> str:
    kinds = phonenumbers.NumberParseException
    if error.error_type == kinds.INVALID_COUNTRY_CODE:
        return f"“{text}” has no country code I know; start it with + and the country code."
    if error.error_type in (kinds.TOO_SHORT_NSN, kinds.TOO_SHORT_AFTER_IDD):
        return f"“{text}” is too short to be a phone number."
    if error.error_type == kinds.TOO_LONG:
        return f"“{text}” is too long to be a phone number."
    return f"“{text}” does not look like a phone number."


_PARSE_REASONS = {
    phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: "no_country",
    phonenumbers.NumberParseException.TOO_SHORT_NSN: "too_short",
    phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "too_short",
    phonenumbers.NumberParseException.TOO_LONG: "too_long",
}
