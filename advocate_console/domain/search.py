"""What an advocate typed into the caller bar, read as the things it could mean."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from .phone import DEFAULT_REGION, looks_like_phone

MAX_QUERY_LENGTH = 200

_CASE_NUMBER = re.compile(r"^(?:C-?)?([0-9A-HJKMNP-TV-Z]{8})$", re.IGNORECASE)  # "C" optional
_SERIAL = re.compile(r"^[A-Z0-9][A-Z0-9-]{3,59}$")
# A phone number as people write it: digits first, perhaps vanity letters after.
_PHONE_SHAPE = re.compile(
    r"^\+?[\d\s().-]*\d[\d\s().-]*([A-Za-z][A-Za-z\d\s.-]*)?((x|ext\.?)\s*\d+)?$", re.I
)


class TermKind(enum.StrEnum):
    """One way to read a caller-bar query."""

    PHONE = "phone"
    EMAIL = "email"
    SERIAL = "serial"
    CASE_NUMBER = "case_number"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """A normalised value to look up, and what kind of value it is."""

    kind: TermKind
    value: str


# Letters NFKD leaves whole, as people type them on a plain keyboard.
_UNSPLIT = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ħ": "h",
        "Ħ": "h",
    }
)
# Apostrophes and periods join their neighbours ("O'Donnell" is "odonnell", "St." is
# "st"); any other punctuation, hyphens too, parts words.
_JOINING = "'`.\u2019\u2018\u02bc\u02b9\u00b4"
_JOIN = str.maketrans(dict.fromkeys(_JOINING, ""))
_BETWEEN_WORDS = re.compile(r"[\W_]+")
# The same for plain ASCII (most names) in one pass, without Unicode normalisation.
_ASCII = str.maketrans(
    {chr(c): " " for c in range(128) if not chr(c).isalnum()} | dict.fromkeys("'`.", "")
)
MAX_NAME_WORDS = 8
"""A name's words found by their prefix; a longer name's later words are found too, only
not as the start of the name (each word is one key: this bounds the keys per customer)."""


def name_key(text: str) -> str:
    """A name (or what was typed of one) as it is compared: without case, accents,
    apostrophes or periods, its other punctuation as spaces, one space between words."""
    folded = text.casefold()
    if folded.isascii():
        words = folded.split()
        if not "".join(words).isalnum():  # (most names have nothing to translate)
            words = folded.translate(_ASCII).split()
        return " ".join(words)
    # (NFKD can give capitals, "ℍ" an "H", and case folding letters with marks, "İ" an
    # "i̇": each again after the other.)
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", folded).casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.translate(_UNSPLIT).translate(_JOIN)
    return " ".join(_BETWEEN_WORDS.sub(" ", folded).split())


def name_keys(display_name: str) -> list[str]:
    """The keys a name is found under: one starting at each of its words and going round
    ("grace nakamura reid", "nakamura reid grace", "reid grace nakamura"), so a prefix of
    any word onward finds it."""
    key = name_key(display_name)
    words = key.split(" ")
    if len(words) == 2 and words[0] != words[1]:  # (most names: the cheap way)
        return [key, f"{words[1]} {words[0]}"]
    starts = min(len(words), MAX_NAME_WORDS)
    return list(dict.fromkeys(" ".join(words[i:] + words[:i]) for i in range(starts)))


def interpret_query(text: str, default_region: str = DEFAULT_REGION) -> list[SearchTerm]:
    """Every plausible reading of ``text``; callers search for all and merge the results."""
    text = text.strip()[:MAX_QUERY_LENGTH]
    if not text:
        return []
    if "@" in text:
        return [SearchTerm(TermKind.EMAIL, text.lower())]
    terms: list[SearchTerm] = []
    if match := _CASE_NUMBER.match(text):
        terms.append(SearchTerm(TermKind.CASE_NUMBER, "C-" + match.group(1).upper()))
    if _PHONE_SHAPE.match(text) and (phone := looks_like_phone(text, default_region)):
        terms.append(SearchTerm(TermKind.PHONE, phone.e164))
    compact = text.upper()
    if _SERIAL.match(compact) and any(ch.isdigit() for ch in compact):
        terms.append(SearchTerm(TermKind.SERIAL, compact))
    if any(ch.isalpha() for ch in text) and not terms and (key := name_key(text)):
        terms.append(SearchTerm(TermKind.NAME, key))
    return terms
