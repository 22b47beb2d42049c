"""Validation errors turned into sentences, one per field, for forms and API answers."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

_FRIENDLY = {
    "missing": "is required",
    "string_too_short": "cannot be empty",
    "too_short": "needs at least one entry",
    "uuid_parsing": "is not a valid id",
    "uuid_type": "is not a valid id",
    "date_from_datetime_parsing": "is not a date (use YYYY-MM-DD)",
    "date_parsing": "is not a date (use YYYY-MM-DD)",
    "datetime_parsing": "is not a date and time (use ISO 8601)",
    "datetime_from_date_parsing": "is not a date and time (use ISO 8601)",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "extra_forbidden": "is not a field of this record",
    "string_pattern_mismatch": "is not in the expected form",
    "enum": "must be one of",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with one field, in words a person understands: ``message`` in
    English (API answers, logs), and ``code`` with its ``values`` for ``ui/`` to word in the
    advocate's language (``ui/labels.py``; "" where no wording is known yet)."""

    field: str
    message: str
    code: str = ""
    values: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


def explain(error: ValidationError) -> list[Problem]:
    """One :class:`Problem` per error pydantic found."""
    problems = []
    for item in error.errors(include_url=False):
        field = ".".join(str(part) for part in item["loc"])
        code, values = _code(item)
        problems.append(Problem(field, _message(item), code, (field, *values) if code else ()))
    return problems


def _code(item: dict) -> tuple[str, tuple[str, ...]]:
    # pydantic's own error type is the code; the field comes first in the values (the
    # wording names it), then a limit.
    kind = item["type"]
    if kind in ("string_too_long", "too_long"):
        return kind, (str(item["ctx"].get("max_length")),)
    if kind in ("greater_than_equal", "less_than_equal"):
        return kind, (str(item["ctx"].get("ge", item["ctx"].get("le"))),)
    if kind == "too_short" and isinstance(item.get("input"), str):
        return "string_too_short", ()
    if kind == "not_an_email":
        return kind, (str(item["ctx"]["value"]),)
    if kind == "value_error":
        return "", ()  # our validators' own sentences: English until they get a code
    return kind, ()


def _message(item: dict) -> str:
    kind = item["type"]
    if kind == "value_error":  # our own validators already speak plainly
        return str(item.get("ctx", {}).get("error", item["msg"]))
    if kind == "enum":
        return f"must be one of {item['ctx']['expected']}"
    if kind == "not_an_email":  # our own code, our own sentence as it was written
        return item["msg"]
    if kind == "too_short" and isinstance(item.get("input"), str):
        return "cannot be empty"  # a length checked after a validator (e.g. stripping)
    if kind in ("string_too_long", "too_long"):
        return f"is too long (at most {item['ctx'].get('max_length')})"
    if kind in ("greater_than_equal", "less_than_equal"):
        return item["msg"].lower()
    return _FRIENDLY.get(kind, item["msg"].lower())
