"""Authority and approvals in words: what is left, what is over and by how much, who
decided what. The core speaks in codes and cents; these are the sentences people read."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from advocate_console.domain import RemedyKind
from advocate_console.domain.authority import Approval, Authority, Overage
from advocate_console.domain.records import Remedy

from ..formatting import moment
from ..labels import label


def dollars(cents: int) -> str:
    """``$130`` for whole dollars, ``$129.99`` otherwise (limits are round, costs not)."""
    if cents % 100 == 0:
        return f"${cents // 100:,}"
    return f"${cents / 100:,.2f}"


class ApprovalWords(QObject):
    """The sentences; one instance, made on the UI thread (see :func:`words`)."""

    def remaining(self, authority: Authority, total_cents: int) -> str:
        """``$130 of your $250 per case left · $1,870 this month`` (or what is over)."""
        per_case = authority.limits.per_case_cents
        left_case = per_case - total_cents
        left_month = authority.left_this_month_cents - total_cents
        if left_case >= 0:
            case = self.tr("%s of your %s per case left") % (dollars(left_case), dollars(per_case))
        else:
            case = self.tr("%s over your %s per case") % (dollars(-left_case), dollars(per_case))
        if left_month >= 0:
            month = self.tr("%s this month") % dollars(left_month)
        else:
            month = self.tr("%s over what is left this month") % dollars(-left_month)
        return f"{case} · {month}"

    def overage(self, overage: Overage) -> str:
        """One limit passed: ``refund without return up to $100, this one is $150``."""
        limit, amount = overage.limit, overage.amount
        if overage.code == "warranty_extension":
            return (
                self.tr("warranty extension up to %n month(s)", "", limit)
                + ", "
                + self.tr("this one is %n month(s)", "", amount)
            )
        texts = {
            "per_case": self.tr("%s per case, this case is %s"),
            "refund_without_return": self.tr("refund without return up to %s, this one is %s"),
            "gift_certificate": self.tr("gift certificate up to %s, this one is %s"),
            "monthly": self.tr("%s left this month, this case is %s"),
        }
        text = texts.get(overage.code, self.tr("limit %s, this is %s"))
        return text % (dollars(limit), dollars(amount))

    def overages(self, found: Sequence[Overage]) -> str:
        """Every limit passed, in one sentence."""
        return self.tr("Beyond your authority: %s.") % "; ".join(self.overage(o) for o in found)

    def remedies(self, remedies: Sequence[Remedy]) -> str:
        """``Repair fee waived $129 + Warranty extended by 12 months + $50 gift certificate``."""
        parts = []
        for remedy in remedies:
            if remedy.kind is RemedyKind.WARRANTY_EXTENDED:
                parts.append(
                    self.tr("%s by %n month(s)", "", remedy.months or 0) % label(remedy.kind)
                )
            elif remedy.kind is RemedyKind.GIFT_CERTIFICATE:
                value = remedy.value_cents or remedy.cost_cents
                parts.append(self.tr("%s gift certificate") % dollars(value))
            elif remedy.kind is RemedyKind.OTHER and remedy.note:
                parts.append(f"{remedy.note} {dollars(remedy.cost_cents)}")
            elif remedy.cost_cents:
                parts.append(f"{label(remedy.kind)} {dollars(remedy.cost_cents)}")
            else:
                parts.append(label(remedy.kind))
        return " + ".join(parts)

    def decision(self, approval: Approval) -> str:
        """``Approved by Dennis Whitford at 3 Dec 2026 10:42: “fine, keep him”``."""
        who = approval.decided_by_name or self.tr("a lead")
        when = moment(approval.decided_at)
        if approval.status == "approved":
            text = self.tr("Approved by %s %s") % (who, when)
        elif approval.status == "denied":
            text = self.tr("Denied by %s %s") % (who, when)
        else:
            return self.tr("Waiting for a lead's approval (asked %s)") % moment(approval.created_at)
        if approval.note:
            text += self.tr(": “%s”") % approval.note
        return text


_words: ApprovalWords | None = None


def words() -> ApprovalWords:
    """The one :class:`ApprovalWords` (made on first use, on the UI thread)."""
    global _words
    if _words is None:
        _words = ApprovalWords()
    return _words
