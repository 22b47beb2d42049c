"""The details of one timeline entry or case, as the history panel shows them (HTML)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from .formatting import day, moment, money
from .labels import label

if TYPE_CHECKING:
    from advocate_console.domain import Case, History, Interaction, Resolution

Translate = Callable[[str], str]


MUTED = "#767676"
"""The colour of the labels: readable on light and on dark backgrounds."""


def _rows(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:10px;color:{MUTED}'>{escape(label)}"
        f"</td><td>{value}</td></tr>"
        for label, value in pairs
        if value
    )
    return f"<table cellspacing='0' cellpadding='1'>{cells}</table>"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n") if part.strip())


def interaction_details(entry: Interaction, history: History, tr: Translate) -> str:
    """One timeline entry: when, what, who, about which case, and everything written."""
    case = next((c for c in history.cases if c.id == entry.case_id), None)
    pairs = [
        (tr("When"), escape(moment(entry.occurred_at))),
        (tr("What"), escape(f"{label(entry.kind)}, {label(entry.direction)}")),
        (tr("By"), escape(entry.advocate or "")),
        (tr("Case"), escape(f"{case.number} · {label(case.category)}") if case else ""),
    ]
    body = _paragraphs(entry.body) if entry.body and entry.body != entry.summary else ""
    return f"<p><b>{escape(entry.summary)}</b></p>{_rows(pairs)}{body}"


def resolution_lines(resolution: Resolution, tr: Translate) -> str:
    """What was done, what it cost, the five steps and how the customer felt."""
    remedies = []
    for remedy in resolution.remedies:
        text = label(remedy.kind)
        if remedy.months:
            text += tr(" by %d months") % remedy.months
        if remedy.value_cents:
            text += tr(" worth %s") % money(remedy.value_cents)
        if remedy.note:
            text += f": {remedy.note}"
        if remedy.cost_cents:
            text += f" ({money(remedy.cost_cents)})"
        remedies.append(escape(text))
    steps = ", ".join(label(step) for step in resolution.steps)
    pairs = [
        (tr("Resolved"), escape(f"{moment(resolution.resolved_at)} · {resolution.advocate or ''}")),
        (tr("Remedies"), "<br>".join(remedies)),
        (tr("Total cost"), escape(money(resolution.total_cost_cents))),
        (tr("Five steps"), escape(steps or tr("none ticked"))),
        (tr("Customer"), escape(label(resolution.delight))),
    ]
    return _rows(pairs) + _paragraphs(resolution.notes)


def case_details(case: Case, history: History, tr: Translate) -> str:
    """One case: its problem, product, owner, how it was resolved, and its timeline."""
    product = next((p for p in history.products if p.id == case.product_id), None)
    opened = day(case.opened_at)
    closed = day(case.closed_at) if case.closed_at else ""
    pairs = [
        (tr("Status"), escape(label(case.status))),
        (tr("Category"), escape(label(case.category))),
        (tr("Product"), escape(f"{product.display_name} · {product.serial_number}"))
        if product
        else (tr("Product"), ""),
        (tr("Opened"), escape(tr("%s by %s") % (opened, label(case.channel)))),
        (tr("Closed"), escape(closed)),
        (tr("Owner"), escape(case.owner or "")),
    ]
    parts = [f"<p><b>{escape(case.number)}</b> · {escape(case.summary)}</p>", _rows(pairs)]
    for resolution in (r for r in history.resolutions if r.case_id == case.id):
        parts.append(f"<p><b>{escape(tr('How it was resolved'))}</b></p>")
        parts.append(resolution_lines(resolution, tr))
    entries = [i for i in history.interactions if i.case_id == case.id]
    if entries:
        parts.append(f"<p><b>{escape(tr('On the timeline'))}</b></p>")
        parts.append(
            "<br>".join(
                escape(f"{moment(i.occurred_at)} · {label(i.kind)} · {i.summary}") for i in entries
            )
        )
    return "".join(parts)
