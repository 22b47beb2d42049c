"""What an advocate typed into the caller bar, read as the things it could mean."""

from __future__ import annotations

import enum
import re
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


def name_key(text: str) -> str:
    """Names compared without case or extra spaces."""
    return " ".join(text.casefold().split())


def name_keys(display_name: str) -> list[str]:
    """The keys a name is found under: as written, and surname first."""
    key = name_key(display_name)
    words = key.split(" ")
    keys = [key]
    if len(words) > 1:
        keys.append(" ".join([words[-1], *words[:-1]]))
    return keys


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
    if any(ch.isalpha() for ch in text) and not terms:
        terms.append(SearchTerm(TermKind.NAME, name_key(text)))
    return terms
