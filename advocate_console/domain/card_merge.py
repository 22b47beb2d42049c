"""Merge fields: ``{first_name}`` and friends, filled from the card's customer and case.

Plain Python (the rules of what a message may say), so the history panel can show a
card's merged message without loading the printing code.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import Customer, History, NoteCard, Product


class MergeError(ValueError):
    """A message uses a field that does not exist, or has a stray brace: ``str()`` in
    English (logs, tests), ``code`` and ``values`` for the console to word
    (``stray_brace``; ``not_a_field`` with the name; ``unknown_fields`` with the unknown
    ones and the known ones, each listed as ``{name}, {name}``)."""

    def __init__(self, message: str, code: str, values: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.values = values


FIELDS: dict[str, str] = {
    "first_name": "The customer's first name",
    "last_name": "The customer's last name",
    "full_name": "The customer's name as on their record",
    "product": "The product the case was about, e.g. “Halvorsen over-the-range microwave”",
    "product_model": "The product's model number",
    "case_number": "The case number the customer knows, e.g. C-7K2M9Q4X",
    "advocate_first_name": "Your first name",
    "advocate_name": "Your full name",
    "gift_value": "The gift certificate's value, e.g. $25",
    "gift_code": "The gift certificate's code",
    "company": "The company name from the return address",
}
"""Every field a message may use, with what it is in English (the editor shows each in the
advocate's language: ``ui/card_writing.py``)."""

SIZE = re.compile(r"^\d+(?:\.\d+)?(?:\s*cu\.?\s*ft\.?|-inch|\s*in\.|\s*qt|\s*gal)\s+", re.I)
"""A size leading a product's name: "1.6 cu ft ", "30-inch "."""


@dataclass(frozen=True, slots=True)
class Addressee:
    """Everything a card's merge fields and envelope need besides the card itself."""

    customer: Customer
    product: Product | None = None
    case_number: str = ""
    advocate_name: str = ""
    company: str = ""


def format_money(cents: int | None, symbol: str = "$") -> str:
    """``$25`` for whole amounts, ``$25.50`` otherwise; empty without a value."""
    if cents is None:
        return ""
    whole, part = divmod(cents, 100)
    return f"{symbol}{whole:,}" if part == 0 else f"{symbol}{whole:,}.{part:02d}"


def merge_values(card: NoteCard, addressee: Addressee) -> dict[str, str]:
    """The value of every merge field for ``card``."""
    customer = addressee.customer
    names = customer.display_name.split()
    advocate = (addressee.advocate_name or card.advocate or "").strip()
    product = ""
    if addressee.product is not None:
        # "your Halvorsen over-the-range microwave" reads better than a catalogue name.
        product = addressee.product.display_name
        brand = addressee.product.brand
        if product.startswith(brand + " "):
            # "your Halvorsen over-the-range microwave", not "1.6 cu ft over-the-range …":
            # a size belongs in a catalogue, and wraps badly in handwriting.
            kind = SIZE.sub("", product[len(brand) + 1 :]) or product[len(brand) + 1 :]
            product = brand + " " + kind.lower()
    return {
        "first_name": customer.first_name,
        "last_name": names[-1] if len(names) > 1 else "",
        "full_name": customer.display_name,
        "product": product or "purchase",
        "product_model": addressee.product.model_number if addressee.product else "",
        "case_number": addressee.case_number,
        "advocate_first_name": advocate.split()[0] if advocate else "",
        "advocate_name": advocate,
        "gift_value": format_money(card.gift_value_cents),
        "gift_code": card.gift_code or "",
        "company": addressee.company,
    }


def fields_used(text: str) -> list[str]:
    """The merge fields ``text`` uses, in order; raises :class:`MergeError` when malformed."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise MergeError(
            f"The message has a stray “{{” or “}}” ({error}); write {{{{ or }}}} for a brace",
            "stray_brace",
        ) from None
    used = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or spec or conversion:
            raise MergeError(
                f"“{{{name}}}” is not a merge field; fields look like {{first_name}}",
                "not_a_field",
                (f"{{{name}}}",),
            )
        used.append(name)
    return used


def check_fields(text: str) -> None:
    """Raise :class:`MergeError` naming every unknown field in ``text``."""
    unknown = [name for name in fields_used(text) if name not in FIELDS]
    if unknown:
        listed = ", ".join(f"{{{name}}}" for name in dict.fromkeys(unknown))
        known = ", ".join(f"{{{name}}}" for name in FIELDS)
        raise MergeError(
            f"Unknown merge field {listed}. Known fields: {known}",
            "unknown_fields",
            (listed, known),
        )


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its merge fields replaced; unknown fields raise :class:`MergeError`."""
    check_fields(text)
    return text.format_map(values)


def missing_values(text: str, values: Mapping[str, str]) -> list[str]:
    """Fields ``text`` uses that have no value for this card (e.g. {gift_code} without a gift)."""
    return [name for name in dict.fromkeys(fields_used(text)) if not values.get(name)]


class _KeepUnknown(dict):
    """Merge values that leave a field with no value as it was written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def merged_message(card: NoteCard, history: History | None, company: str = "") -> str:
    """The card's message as its customer reads it, its fields filled from their history
    (for the Cards tab: never the raw template). A field with no value, or a message
    that cannot be merged, is shown as written."""
    if history is None:
        return card.message
    case = next((c for c in history.cases if c.id == card.case_id), None)
    product_id = case.product_id if case else None
    product = next((p for p in history.products if p.id == product_id), None)
    addressee = Addressee(history.customer, product, case.number if case else "", "", company)
    values = {name: value for name, value in merge_values(card, addressee).items() if value}
    try:
        return card.message.format_map(_KeepUnknown(values))
    except (ValueError, AttributeError, IndexError, KeyError):
        return card.message
