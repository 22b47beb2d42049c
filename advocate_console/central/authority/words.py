"""The server's words for a refusal beyond authority (the console words the codes itself)."""

from __future__ import annotations

from advocate_console.domain import Resolution
from advocate_console.domain.authority import Approval, Overage


def dollars(cents: int) -> str:
    """``$1,234.50`` for 123450."""
    return f"${cents // 100:,}.{cents % 100:02d}"


def _months(count: int) -> str:
    return f"{count} month" if count == 1 else f"{count} months"


def overage_words(overage: Overage) -> str:
    """One limit passed, with the limit and the amount: ``refund without return up to
    $100.00, this one is $150.00``."""
    limit, amount = dollars(overage.limit), dollars(overage.amount)
    match overage.code:
        case "per_case":
            return f"remedies up to {limit} a case, these come to {amount}"
        case "refund_without_return":
            return f"refund without return up to {limit}, this one is {amount}"
        case "warranty_extension":
            months = _months(overage.amount)
            return f"warranty extension up to {_months(overage.limit)}, this one is {months}"
        case "gift_certificate":
            return f"gift certificate up to {limit}, this one is {amount}"
        case _:
            return f"remedies up to {limit} a month, with these it is {amount} this month"


def beyond_authority(found: list[Overage], trouble: str | None = None) -> str:
    """The 403's detail: every limit passed, and what to do (or what is wrong with the
    approval given)."""
    passed = "; ".join(overage_words(overage) for overage in found)
    then = trouble or "Ask a lead to approve it."
    return f"Beyond your authority: {passed}. {then}"


def approval_trouble(record: Resolution, approval: Approval | None) -> tuple[str, str] | None:
    """Why the approval a resolution names does not let it through (a code and words), or
    None when it names none."""
    if record.approval_id is None:
        return None
    if approval is None:
        return "approval_unknown", f"There is no approval with id {record.approval_id}."
    if approval.case_id != record.case_id:
        return "approval_other_case", "Its approval is for another case."
    if approval.status == "pending":
        return "approval_pending", "Its approval still waits for a lead's answer."
    if approval.status == "denied":
        by = approval.decided_by_name or "A lead"
        return "approval_denied", f"{by} denied its approval."
    return (
        "approval_not_covering",
        "Its approval does not cover these remedies; ask a lead to approve them.",
    )
