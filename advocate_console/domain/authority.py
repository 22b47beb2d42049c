"""What an advocate may give on their own, and a lead's approval of more.

An advocate's authority is a set of limits (per case, per kind of remedy, per calendar
month) and what they already gave this month. :func:`overages` says which limits some
remedies go beyond; the console asks it before saving and the server before storing, so
both sides decide alike. Beyond authority, a resolution needs an :class:`Approval` that
:func:`covers` it: approved by a lead, for that case, for those remedies or less.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field, StringConstraints, computed_field

from .enums import RemedyKind
from .fields import Cents, ShortText, Text, UtcDateTime, Value
from .records import Remedy

OverageCode = Literal[
    "per_case", "refund_without_return", "warranty_extension", "gift_certificate", "monthly"
]
"""Which limit a set of remedies goes beyond."""
OVERAGE_CODES: tuple[OverageCode, ...] = (
    "per_case",
    "refund_without_return",
    "warranty_extension",
    "gift_certificate",
    "monthly",
)
"""Every limit, in the order overages are reported."""
ApprovalStatus = Literal["pending", "approved", "denied"]
"""Where a request for approval stands."""
Decision = Literal["approved", "denied"]
"""What a lead may answer a request with."""

MAX_REASON = 2000
Reason = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_REASON)
]
Month = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
Months = Annotated[int, Field(ge=0, le=120)]


class AuthorityLimits(Value):
    """How far one advocate may go without a lead: amounts in cents, the warranty in months.

    The defaults are the company's usual ones; the server's settings may change them, and
    leads change them per advocate."""

    per_case_cents: Cents = 25_000
    refund_without_return_cents: Cents = 10_000
    warranty_extension_months: Months = 12
    gift_certificate_cents: Cents = 5_000
    monthly_cents: Cents = 250_000

    def limit_of(self, code: OverageCode) -> int:
        """The limit named by ``code``."""
        return {
            "per_case": self.per_case_cents,
            "refund_without_return": self.refund_without_return_cents,
            "warranty_extension": self.warranty_extension_months,
            "gift_certificate": self.gift_certificate_cents,
            "monthly": self.monthly_cents,
        }[code]


class Authority(Value):
    """One advocate's limits, and what they gave this calendar month (UTC)."""

    limits: AuthorityLimits = Field(default_factory=AuthorityLimits)
    month: Month
    spent_this_month_cents: Cents = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def left_this_month_cents(self) -> int:
        """What the advocate may still give this month (never below zero)."""
        return max(0, self.limits.monthly_cents - self.spent_this_month_cents)


class Overage(Value):
    """One limit some remedies go beyond: the limit and the amount (cents; months for
    ``warranty_extension``; for ``monthly``, the month's total with these remedies)."""

    code: OverageCode
    limit: int
    amount: int


def month_of(moment: datetime) -> str:
    """The calendar month (UTC) of ``moment``: ``"2026-12"``."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment.year:04d}-{moment.month:02d}"


def gift_value(remedy: Remedy) -> int:
    """What a gift certificate is worth to the customer: its face value, or its cost when
    that is more (a certificate is limited by what it gives, however it is priced)."""
    return max(remedy.value_cents or 0, remedy.cost_cents)


def cost_of(remedy: Remedy) -> int:
    """What a remedy costs the company: its cost, or a gift certificate's face value when
    no cost was given (as the form prices it)."""
    if remedy.kind is RemedyKind.GIFT_CERTIFICATE and not remedy.cost_cents:
        return remedy.value_cents or 0
    return remedy.cost_cents


def total_of(remedies: Sequence[Remedy]) -> int:
    """What ``remedies`` cost together: what counts against the case and the month."""
    return sum(cost_of(remedy) for remedy in remedies)


def amounts(remedies: Sequence[Remedy]) -> dict[OverageCode, int]:
    """What ``remedies`` come to against each limit but the month's: cents, or months."""
    found: dict[OverageCode, int] = dict.fromkeys(OVERAGE_CODES, 0)
    for remedy in remedies:
        found["per_case"] += cost_of(remedy)
        if remedy.kind is RemedyKind.REFUND_WITHOUT_RETURN:
            found["refund_without_return"] += remedy.cost_cents
        elif remedy.kind is RemedyKind.WARRANTY_EXTENDED:
            # Two extensions of 12 months are one of 24: summed, not each on its own.
            found["warranty_extension"] += remedy.months or 0
        elif remedy.kind is RemedyKind.GIFT_CERTIFICATE:
            found["gift_certificate"] += gift_value(remedy)
    del found["monthly"]
    return found


def overages(remedies: Sequence[Remedy], authority: Authority) -> list[Overage]:
    """Every limit of ``authority`` that ``remedies`` go beyond, in :data:`OVERAGE_CODES`
    order; empty when the advocate may give them alone. A limit is reached, not passed,
    by an amount equal to it. The month counts what was spent already plus these."""
    limits = authority.limits
    found = [
        Overage(code=code, limit=limits.limit_of(code), amount=amount)
        for code, amount in amounts(remedies).items()
        if amount > limits.limit_of(code)
    ]
    month_total = authority.spent_this_month_cents + total_of(remedies)
    if month_total > limits.monthly_cents:
        found.append(Overage(code="monthly", limit=limits.monthly_cents, amount=month_total))
    return found


class Approval(Value):
    """A request for a lead's approval of remedies beyond the requester's authority, and
    the lead's answer.

    The console makes the id, so sending it again (its outbox does) never makes a second
    request. The requester, the decision and the context for the lead (customer, case,
    lifetime value) are the server's to fill in."""

    id: UUID
    case_id: UUID
    customer_id: UUID | None = None
    remedies: list[Remedy] = Field(min_length=1, max_length=20)
    reason: Reason
    status: ApprovalStatus = "pending"
    requester_id: UUID | None = None
    requester_name: ShortText = ""
    decided_by_id: UUID | None = None
    decided_by_name: ShortText | None = None
    decided_at: UtcDateTime | None = None
    note: Text = ""
    created_at: UtcDateTime | None = None
    version: int = Field(1, ge=1)
    # Read-only context for the lead's Approvals dock, as it was when asked.
    customer_name: ShortText = ""
    case_title: ShortText = ""
    lifetime_value_cents: Cents = 0

    @property
    def total_cost_cents(self) -> int:
        """What the remedies asked for cost together."""
        return total_of(self.remedies)

    @property
    def is_decided(self) -> bool:
        """Whether a lead has answered."""
        return self.status != "pending"


def _size(remedy: Remedy) -> tuple[int, int, int]:
    return (remedy.cost_cents, remedy.months or 0, remedy.value_cents or 0)


def covers(approval: Approval, case_id: UUID, remedies: Sequence[Remedy]) -> bool:
    """Whether ``approval`` lets ``remedies`` through for ``case_id``: approved, for that
    case, and the same kinds of remedy as approved (as many of each), each costing,
    extending and worth no more than the approved one it stands for."""
    if approval.status != "approved" or approval.case_id != case_id:
        return False
    if sorted(r.kind for r in remedies) != sorted(r.kind for r in approval.remedies):
        return False
    for kind in {r.kind for r in remedies}:
        given = sorted(_size(r) for r in remedies if r.kind is kind)
        approved = sorted(_size(r) for r in approval.remedies if r.kind is kind)
        # One of a kind is usual; several are paired smallest with smallest.
        for mine, allowed in zip(given, approved, strict=True):
            if any(a > b for a, b in zip(mine, allowed, strict=True)):
                return False
    return True
