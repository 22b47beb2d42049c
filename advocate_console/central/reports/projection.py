"""Turning a record (its stored JSON, as a dict) into the report tables' rows.

One function per collection the reports read; each returns the rows that stand for the
record's newest version. Interactions are not counted by any report and are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

from advocate_console.domain import Collection, RecoveryStep
from advocate_console.domain.records import case_number_for
from advocate_console.domain.rules import FAILURE_CATEGORIES

from .authorship import Author, author_of
from .models import (
    ReportCallRow,
    ReportCardRow,
    ReportCaseRow,
    ReportCustomerRow,
    ReportFollowUpRow,
    ReportProductRow,
    ReportRemedyRow,
    ReportResolutionRow,
    ReportResourceRow,
)

Data = Mapping[str, Any]
Rows = list[tuple[type, dict[str, Any]]]

STEP_BITS = {step.value: 1 << position for position, step in enumerate(RecoveryStep)}
"""Each of the five steps as one bit of ``report_resolutions.steps``, in order."""
ALL_STEPS = (1 << len(RecoveryStep)) - 1


def seconds(text: str | None) -> int | None:
    """An ISO-8601 time from a record as whole seconds since 1970 (UTC)."""
    if text is None:
        return None
    return int(datetime.fromisoformat(text).timestamp())


def _customer(data: Data) -> Rows:
    row = {
        "customer_id": data["id"],
        "name": data["display_name"],
        "lifetime_value_cents": data.get("lifetime_value_cents", 0),
    }
    return [(ReportCustomerRow, row)]


def _product(data: Data) -> Rows:
    row = {
        "product_id": data["id"],
        "customer_id": data["customer_id"],
        "brand": data["brand"],
        "name": data["name"],
        "model_number": data["model_number"],
    }
    return [(ReportProductRow, row)]


def _case(data: Data) -> Rows:
    row = {
        "case_id": data["id"],
        "number": data.get("number") or case_number_for(UUID(data["id"])),
        "customer_id": data["customer_id"],
        "product_id": data.get("product_id"),
        "model_number": None,  # filled in from the product by the feed reader
        "category": data["category"],
        "failure": data["category"] in FAILURE_CATEGORIES,
        "repeat_failure": False,  # counted by the feed reader over the customer's cases
        "delight": None,  # copied from its resolutions by the feed reader
        "remedy_cost_cents": None,
        "status": data.get("status", "open"),
        "opened_s": seconds(data["opened_at"]),
    }
    return [(ReportCaseRow, row)]


def _author_columns(author: Author) -> dict[str, Any]:
    return {"author": author.key, "author_id": author.id, "author_name": author.name}


def _resolution(data: Data) -> Rows:
    resolution_id = data["id"]
    author = author_of(data)
    remedies = data.get("remedies", [])
    rows: Rows = [
        (
            ReportResolutionRow,
            {
                "resolution_id": resolution_id,
                "case_id": data["case_id"],
                "customer_id": None,  # filled in from the case by the feed reader
                **_author_columns(author),
                "resolved_s": seconds(data["resolved_at"]),
                "delight": data["delight"],
                "steps": sum(STEP_BITS[step] for step in set(data.get("steps", []))),
                "remedy_cost_cents": sum(remedy.get("cost_cents", 0) for remedy in remedies),
                "came_back": False,  # counted by the feed reader over the customer's cases
            },
        )
    ]
    for position, remedy in enumerate(remedies):
        row = {
            "resolution_id": resolution_id,
            "position": position,
            "kind": remedy["kind"],
            "cost_cents": remedy.get("cost_cents", 0),
        }
        rows.append((ReportRemedyRow, row))
    return rows


def _follow_up(data: Data) -> Rows:
    author = author_of(data)
    row = {
        "follow_up_id": data["id"],
        **_author_columns(author),
        "status": data.get("status", "open"),
        "due_s": seconds(data["due_at"]),
        "completed_s": seconds(data.get("completed_at")),
    }
    return [(ReportFollowUpRow, row)]


def _card(data: Data) -> Rows:
    author = author_of(data)
    row = {
        "card_id": data["id"],
        **_author_columns(author),
        "state": data.get("state", "draft"),
        "created_s": seconds(data["created_at"]),
        "gift_value_cents": data.get("gift_value_cents") or 0,
    }
    return [(ReportCardRow, row)]


def _call_attempt(data: Data) -> Rows:
    author = author_of(data)
    row = {
        "attempt_id": data["id"],
        **_author_columns(author),
        "resource_id": data["resource_id"],
        "case_id": data.get("case_id"),
        "customer_id": data.get("customer_id"),
        "case_resolved": False,  # kept from the case's resolutions by the feed reader
        "case_delighted": False,
        "outcome": data.get("outcome"),
        "helped": data.get("helped"),
        "started_s": seconds(data["started_at"]),
    }
    return [(ReportCallRow, row)]


def _resource(data: Data) -> Rows:
    row = {
        "resource_id": data["id"],
        "name": data["name"],
        "department": data["department"],
        "role": data.get("role", ""),
    }
    return [(ReportResourceRow, row)]


PROJECTIONS: dict[Collection, Callable[[Data], Rows]] = {
    Collection.CUSTOMERS: _customer,
    Collection.PRODUCTS: _product,
    Collection.RESOURCES: _resource,
    Collection.CASES: _case,
    Collection.RESOLUTIONS: _resolution,
    Collection.FOLLOW_UPS: _follow_up,
    Collection.CARDS: _card,
    Collection.CALL_ATTEMPTS: _call_attempt,
}
"""The collections the reports read, parents first (a case takes its model from its product)."""

KEYS: dict[type, str] = {
    ReportCustomerRow: "customer_id",
    ReportProductRow: "product_id",
    ReportResourceRow: "resource_id",
    ReportCaseRow: "case_id",
    ReportResolutionRow: "resolution_id",
    ReportRemedyRow: "resolution_id",
    ReportFollowUpRow: "follow_up_id",
    ReportCardRow: "card_id",
    ReportCallRow: "attempt_id",
}
"""The column that names the record a row stands for (a resolution has several remedies)."""

TABLES_OF: dict[Collection, tuple[type, ...]] = {
    Collection.CUSTOMERS: (ReportCustomerRow,),
    Collection.PRODUCTS: (ReportProductRow,),
    Collection.RESOURCES: (ReportResourceRow,),
    Collection.CASES: (ReportCaseRow,),
    Collection.RESOLUTIONS: (ReportResolutionRow, ReportRemedyRow),
    Collection.FOLLOW_UPS: (ReportFollowUpRow,),
    Collection.CARDS: (ReportCardRow,),
    Collection.CALL_ATTEMPTS: (ReportCallRow,),
}
"""Which report tables hold a collection's rows (emptied of a record before it is written)."""
