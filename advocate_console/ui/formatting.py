"""How values read on screen: money, dates, phone numbers."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale

from advocate_console.domain import InvalidPhoneNumber, normalize_phone


def money(cents: int | None) -> str:
    """``$12,500.00``."""
    if cents is None:
        return ""
    return f"${cents / 100:,.2f}"


def day(value: date | datetime | None) -> str:
    """``12 May 2024`` (local time for moments), the month in the console's language."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    month = QLocale().standaloneMonthName(value.month, QLocale.FormatType.ShortFormat)
    return f"{value.day} {month.rstrip('.')} {value.year}"


def moment(value: datetime | None) -> str:
    """``12 May 2024 14:05`` in local time."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{day(local)} {local:%H:%M}"


def phone(e164: str) -> str:
    """A stored number formatted for reading aloud."""
    try:
        return normalize_phone(e164).display()
    except InvalidPhoneNumber:
        return e164
