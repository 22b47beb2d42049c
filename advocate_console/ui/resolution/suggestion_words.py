"""A suggested remedy in words: what it gives (``Repair fee waived $129 + Warranty extended
by 12 months``) and why it is suggested (the rule's reason, how it did before, the cost)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QObject

from advocate_console.domain import RemedyKind
from advocate_console.domain.resolutions import RemedyEntry, remedy_cost
from advocate_console.domain.suggestions import Suggestion

from ..labels import label


class SuggestionWords(QObject):
    """Words for the suggestions row."""

    def describe(self, remedies: Sequence[RemedyEntry]) -> str:
        """``Repair fee waived $129 + Warranty extended by 12 months + $50 gift certificate``."""
        words = []
        for remedy in remedies:
            if remedy.kind is RemedyKind.WARRANTY_EXTENDED:
                months = remedy.months or 0
                words.append(self.tr("%s by %n month(s)", "", months) % label(remedy.kind))
            elif remedy.kind is RemedyKind.GIFT_CERTIFICATE:
                words.append(self.tr("%s gift certificate") % _dollars(remedy.value_cents or 0))
            elif remedy.kind is RemedyKind.OTHER:
                words.append(remedy.note or label(remedy.kind))
            elif not remedy_cost(remedy):  # information only, or an amount left to type
                words.append(label(remedy.kind))
            else:
                words.append(f"{label(remedy.kind)} {_dollars(remedy_cost(remedy))}")
        return " + ".join(words)

    def reason(self, suggestion: Suggestion) -> str:
        """Why it is suggested, in words: the rule's, how it did before, the raise, the cost."""
        # The rules file gives its reasons in the languages it speaks (reason_in.es).
        language = QLocale().name().split("_")[0]
        reason = suggestion.reason_in(language)
        parts = [reason] if reason else []
        past = suggestion.past
        if past is not None:
            where = past.matched_on if past.by_model else self.tr("any %s") % past.matched_on
            parts.append(
                self.tr("used %n time(s) for %s", "", past.uses) % where
                + " · "
                + self.tr("%d%% delighted") % round(100 * past.delighted_share)
                + " · "
                + self.tr("avg %s") % _dollars(past.average_cost_cents)
            )
        if suggestion.raised:
            parts.append(self.tr("raised: %s") % suggestion.raised_reason_in(language))
        to_type = any(remedy.cost_to_type for remedy in suggestion.remedies)
        if to_type and not suggestion.cost_cents:
            total = self.tr("the amount is yours to type")
        elif to_type:
            total = self.tr("%s in all, and an amount to type") % _dollars(suggestion.cost_cents)
        else:
            total = self.tr("%s in all") % _dollars(suggestion.cost_cents)
        if suggestion.needs_approval:
            total += " · " + self.tr("needs a lead's approval")
        parts.append(total)
        return " · ".join(parts)


def _dollars(cents: int) -> str:
    """``$120``: suggestions speak in whole dollars (the form keeps the cents)."""
    return f"${round(cents / 100):,}"
