"""What a record says beyond its fields (who wrote it, its envelope, its number, how it
stands), written once for the records (:mod:`.records`, pydantic) and for the records a
restart's first search reads without pydantic (``store/early_records.py``).

These are plain mixins with no annotations, so the pydantic models that take them in
gain no fields; each reads only fields both kinds of record hold.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def case_number_for(case_id: UUID) -> str:
    """The short number a customer reads out (``C-7K2M9Q4X``), derived from the case id.

    Derived rather than counted so a laptop can open a case offline without asking
    the server for the next number.
    """
    bits = case_id.int >> 88  # the first 40 bits
    chars = [_CROCKFORD[(bits >> shift) & 31] for shift in range(35, -1, -5)]
    return "C-" + "".join(chars)


class Authored:
    """A record stamped with its author and its last editor."""

    @property
    def written_by(self: Any) -> str:
        """Who wrote the record: the stamped author, else the name a client gave (older
        records), else empty."""
        return self.author_name or getattr(self, "advocate", None) or ""

    @property
    def edited_by_someone_else(self: Any) -> bool:
        """Whether someone other than its author changed the record last."""
        return self.updated_by_id is not None and self.updated_by_id != self.author_id


class Posted:
    """A postal address."""

    def envelope_lines(self: Any, recipient: str) -> list[str]:
        """The lines to print on an envelope, recipient first."""
        locality = " ".join(
            part for part in (self.city + ",", self.region, self.postal_code) if part
        )
        return [
            recipient,
            *self.lines,
            locality.rstrip(","),
            *([self.country] if self.country != "US" else []),
        ]


class Addressed:
    """A customer, called by first name on cards and on the phone."""

    @property
    def first_name(self: Any) -> str:
        """The first word of the display name."""
        return self.display_name.split()[0]


class Branded:
    """A product of a brand."""

    @property
    def display_name(self: Any) -> str:
        """The product as people say it, brand first: ``Halvorsen 30-inch gas range``."""
        if self.name.casefold().startswith(self.brand.casefold()):
            return self.name
        return f"{self.brand} {self.name}"


class Standing:
    """A resolution, which stands until its case is reopened."""

    @property
    def stands(self: Any) -> bool:
        """Whether this is how its case stands resolved (not replaced by a reopening)."""
        return self.superseded_at is None

    @property
    def total_cost_cents(self: Any) -> int:
        """What every remedy together cost."""
        return sum(remedy.cost_cents for remedy in self.remedies)
