"""The details of one timeline entry or case, as the history panel shows them (HTML)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from .formatting import day, moment, money
from .labels import label

if TYPE_CHECKING:
    from advocate_console.domain import Case, History, Interaction, Record, Resolution


MUTED = "#767676"
"""The colour of the labels: readable on light and on dark backgrounds."""


class HistoryDetailsWords(QObject):
    """Sentences with a count: Qt Linguist finds plural forms in ``self.tr`` calls."""

    def months(self, remedy: str, months: int) -> str:
        """``Warranty extended by 12 months``."""
        return self.tr("%s by %n month(s)", "", months) % remedy


def _rows(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:10px;color:{MUTED}'>{escape(label)}"
        f"</td><td>{value}</td></tr>"
        for label, value in pairs
        if value
    )
    return f"<table cellspacing='0' cellpadding='1'>{cells}</table>"


def written_by(record: Record) -> str:
    """Who wrote ``record`` (as the server stamped it), and "edited by … at …" when someone
    else changed it last."""
    author = record.written_by
    if not record.edited_by_someone_else:
        return author
    editor = record.updated_by_name or QCoreApplication.translate("HistoryDetails", "someone else")
    edited = QCoreApplication.translate("HistoryDetails", "edited by %s at %s") % (
        editor,
        moment(record.updated_at),
    )
    return f"{author} · {edited}" if author else edited


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n") if part.strip())


def interaction_details(entry: Interaction, history: History) -> str:
    """One timeline entry: when, what, who, about which case, and everything written."""
    case = next((c for c in history.cases if c.id == entry.case_id), None)
    pairs = [
        (QCoreApplication.translate("HistoryDetails", "When"), escape(moment(entry.occurred_at))),
        (
            QCoreApplication.translate("HistoryDetails", "What"),
            escape(f"{label(entry.kind)}, {label(entry.direction)}"),
        ),
        (QCoreApplication.translate("HistoryDetails", "By"), escape(written_by(entry))),
        (
            QCoreApplication.translate("HistoryDetails", "Case"),
            escape(f"{case.number} · {label(case.category)}") if case else "",
        ),
    ]
    body = _paragraphs(entry.body) if entry.body and entry.body != entry.summary else ""
    return f"<p><b>{escape(entry.summary)}</b></p>{_rows(pairs)}{body}"


def resolution_lines(resolution: Resolution) -> str:
    """What was done, what it cost, the five steps and how the customer felt."""
    remedies = []
    for remedy in resolution.remedies:
        text = label(remedy.kind)
        if remedy.months:
            text = HistoryDetailsWords().months(text, remedy.months)
        if remedy.value_cents:
            text = QCoreApplication.translate("HistoryDetails", "%s worth %s") % (
                text,
                money(remedy.value_cents),
            )
        if remedy.note:
            text += f": {remedy.note}"
        if remedy.cost_cents:
            text += f" ({money(remedy.cost_cents)})"
        remedies.append(escape(text))
    steps = ", ".join(label(step) for step in resolution.steps)
    resolved = f"{moment(resolution.resolved_at)} · {written_by(resolution)}"
    replaced = ""
    if not resolution.stands:  # its case was reopened
        replaced = f"{moment(resolution.superseded_at)} · {resolution.superseded_by_name or ''}"
    pairs = [
        (QCoreApplication.translate("HistoryDetails", "Resolved"), escape(resolved)),
        (QCoreApplication.translate("HistoryDetails", "Replaced"), escape(replaced)),
        (QCoreApplication.translate("HistoryDetails", "Remedies"), "<br>".join(remedies)),
        (
            QCoreApplication.translate("HistoryDetails", "Total cost"),
            escape(money(resolution.total_cost_cents)),
        ),
        (
            QCoreApplication.translate("HistoryDetails", "Five steps"),
            escape(steps or QCoreApplication.translate("HistoryDetails", "none ticked")),
        ),
        (
            QCoreApplication.translate("HistoryDetails", "Customer"),
            escape(label(resolution.delight)),
        ),
    ]
    return _rows(pairs) + _paragraphs(resolution.notes)


def _reopened(case: Case) -> str:
    if case.reopened_at is None:
        return ""
    return f"{moment(case.reopened_at)} · {case.reopened_by_name or ''}: {case.reopen_reason or ''}"


def case_details(case: Case, history: History) -> str:
    """One case: its problem, product, owner, how it was resolved, and its timeline."""
    product = next((p for p in history.products if p.id == case.product_id), None)
    opened = day(case.opened_at)
    closed = day(case.closed_at) if case.closed_at else ""
    pairs = [
        (QCoreApplication.translate("HistoryDetails", "Status"), escape(label(case.status))),
        (QCoreApplication.translate("HistoryDetails", "Category"), escape(label(case.category))),
        (
            QCoreApplication.translate("HistoryDetails", "Product"),
            escape(f"{product.display_name} · {product.serial_number}"),
        )
        if product
        else (QCoreApplication.translate("HistoryDetails", "Product"), ""),
        (
            QCoreApplication.translate("HistoryDetails", "Opened"),
            escape(
                QCoreApplication.translate("HistoryDetails", "%s by %s")
                % (opened, label(case.channel))
            ),
        ),
        (QCoreApplication.translate("HistoryDetails", "Closed"), escape(closed)),
        (QCoreApplication.translate("HistoryDetails", "Owner"), escape(case.owner or "")),
        (QCoreApplication.translate("HistoryDetails", "Reopened"), escape(_reopened(case))),
    ]
    parts = [f"<p><b>{escape(case.number)}</b> · {escape(case.summary)}</p>", _rows(pairs)]
    for resolution in (r for r in history.resolutions if r.case_id == case.id):
        heading = QCoreApplication.translate("HistoryDetails", "How it was resolved")
        parts.append(f"<p><b>{escape(heading)}</b></p>")
        parts.append(resolution_lines(resolution))
    entries = [i for i in history.interactions if i.case_id == case.id]
    if entries:
        heading = QCoreApplication.translate("HistoryDetails", "On the timeline")
        parts.append(f"<p><b>{escape(heading)}</b></p>")
        parts.append(
            "<br>".join(
                escape(f"{moment(i.occurred_at)} · {label(i.kind)} · {i.summary}") for i in entries
            )
        )
    return "".join(parts)
