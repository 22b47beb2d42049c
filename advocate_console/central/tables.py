"""Every table of the central server, imported once so ``Base.metadata`` is complete."""

from __future__ import annotations

from advocate_console.central.approvals.models import ApprovalRow
from advocate_console.central.auth.models import AdvocateRow, SignInFailureRow, TokenRow
from advocate_console.central.authority.models import LimitsRow, SpendingRow
from advocate_console.central.calls.models import CallRow, ExtensionRow
from advocate_console.central.changes.models import ChangeRow
from advocate_console.central.conferences.models import BridgeRow, ConferenceRow, LegRow
from advocate_console.central.core.database import Base
from advocate_console.central.customers.models import CustomerEmail, CustomerNameKey, CustomerPhone
from advocate_console.central.events.models import EventRow
from advocate_console.central.idempotency.models import IdempotencyKeyRow
from advocate_console.central.integrations.models import IntegrationKeyRow
from advocate_console.central.presence.models import PresenceRow
from advocate_console.central.records.models import ROW_TYPES
from advocate_console.central.releases.models import ReleaseRow
from advocate_console.central.reports.models import FACT_TABLES, ReportFeedRow

metadata = Base.metadata

__all__ = [
    "FACT_TABLES",
    "ROW_TYPES",
    "AdvocateRow",
    "ApprovalRow",
    "BridgeRow",
    "CallRow",
    "ChangeRow",
    "ConferenceRow",
    "CustomerEmail",
    "CustomerNameKey",
    "CustomerPhone",
    "EventRow",
    "ExtensionRow",
    "IdempotencyKeyRow",
    "IntegrationKeyRow",
    "LegRow",
    "LimitsRow",
    "PresenceRow",
    "ReleaseRow",
    "ReportFeedRow",
    "SignInFailureRow",
    "SpendingRow",
    "TokenRow",
    "metadata",
]
