"""Warranty status of an owned product, as an advocate would say it."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

ENDS_SOON_DAYS = 30


class WarrantyState(enum.StrEnum):
    """Where a product stands against its warranty on a given day."""

    ACTIVE = "active"
    ENDS_SOON = "ends_soon"
    EXPIRED = "expired"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class WarrantyStatus:
    """The state plus the number of days to the end (or since it passed)."""

    state: WarrantyState
    days: int = 0

    def describe(self) -> str:
        """``active, ends in 40 days`` / ``expired 61 days ago`` / ``no warranty``."""
        match self.state:
            case WarrantyState.NONE:
                return "no warranty"
            case WarrantyState.EXPIRED:
                return f"expired {_days(self.days)} ago"
            case _:
                if self.days == 0:
                    return "active, ends today"
                return f"active, ends in {_days(self.days)}"

    @property
    def is_covered(self) -> bool:
        """True while the warranty still applies."""
        return self.state in (WarrantyState.ACTIVE, WarrantyState.ENDS_SOON)


def warranty_status(warranty_end: date | None, today: date) -> WarrantyStatus:
    """The status on ``today`` of a warranty that ends on ``warranty_end`` (inclusive)."""
    if warranty_end is None:
        return WarrantyStatus(WarrantyState.NONE)
    remaining = (warranty_end - today).days
    if remaining < 0:
        return WarrantyStatus(WarrantyState.EXPIRED, -remaining)
    if remaining <= ENDS_SOON_DAYS:
        return WarrantyStatus(WarrantyState.ENDS_SOON, remaining)
    return WarrantyStatus(WarrantyState.ACTIVE, remaining)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
