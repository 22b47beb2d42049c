"""JSON bodies for the central API tests: valid by default, any field overridable."""

from __future__ import annotations

import itertools
from typing import Any

_serials = itertools.count(100_000)


def customer(**fields: Any) -> dict[str, Any]:
    """A customer reachable on 1-800-GE-CARES."""
    return {
        "display_name": "Maria Garcia",
        "phones": ["1-800-GE-CARES"],
        "emails": ["Maria.Garcia@Example.com"],
        "address": {"lines": ["12 Elm Street"], "city": "Louisville", "region": "KY"},
        "customer_since": "2012-05-01",
        "lifetime_value_cents": 1_250_000,
    } | fields


def product(customer_id: str, **fields: Any) -> dict[str, Any]:
    """A microwave of ``customer_id`` with a unique serial."""
    return {
        "customer_id": customer_id,
        "brand": "Halvorsen",
        "name": "Over-the-range microwave",
        "model_number": "HMV3160RF",
        "serial_number": f"vr{next(_serials)}",
        "purchase_date": "2024-09-01",
        "warranty_end": "2025-09-01",
    } | fields


def case(customer_id: str, **fields: Any) -> dict[str, Any]:
    """An open product-failure case."""
    return {
        "customer_id": customer_id,
        "category": "product failure",
        "summary": "Microwave stopped heating.",
        "opened_at": "2026-11-20T15:00:00Z",
    } | fields


def interaction(customer_id: str, **fields: Any) -> dict[str, Any]:
    """An inbound call."""
    return {
        "customer_id": customer_id,
        "kind": "call",
        "occurred_at": "2026-11-22T15:00:00Z",
        "summary": "Called about the microwave.",
    } | fields


def resolution(case_id: str, **fields: Any) -> dict[str, Any]:
    """A delighted ending with a waived repair fee."""
    return {
        "case_id": case_id,
        "remedies": [{"kind": "repair_fee_waived", "cost_cents": 12_000}],
        "steps": ["empathized", "took_ownership"],
        "delight": "delighted",
        "resolved_at": "2026-11-23T15:00:00Z",
    } | fields


def follow_up(customer_id: str, **fields: Any) -> dict[str, Any]:
    """A callback due tomorrow."""
    return {
        "customer_id": customer_id,
        "due_at": "2026-11-24T15:00:00Z",
        "reason": "Check the replacement arrived.",
    } | fields


def card(customer_id: str, **fields: Any) -> dict[str, Any]:
    """A thank-you card in draft."""
    return {
        "customer_id": customer_id,
        "message": "Thank you for your patience, Maria.",
        "created_at": "2026-11-23T15:00:00Z",
    } | fields


def resource(**fields: Any) -> dict[str, Any]:
    """A service dispatcher."""
    return {
        "name": "Curtis Bramwell",
        "department": "Service dispatch",
        "skills": ["repair"],
        "phone": "+12065550102",
    } | fields
