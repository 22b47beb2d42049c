"""Reports from the central server, with the last copy of each kept for offline use.

Blocking (it talks to the server): call it on a worker (``tasks.run_task``). A report the
server cannot be asked for now (offline, a server fault, the sign-in expired) comes from
the copy kept last, saying when that was and why it is not newer; a report the server
refuses (a lead's report asked by an advocate: 403) is never served from a copy.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Generic, TypeVar

from pydantic import BaseModel

from advocate_console.api import CentralClient, Offline, ServerError, SignedOut
from advocate_console.api.errors import BadResponse
from advocate_console.api.reports import (
    BrokenProductCases,
    BrokenProducts,
    ResourcesReport,
    Scorecard,
    TeamReport,
)
from advocate_console.domain.reasons import Reason
from advocate_console.store.report_copies import ReportCopies

R = TypeVar("R", bound=BaseModel)

NOT_NOW = (Offline, ServerError, SignedOut, BadResponse)
"""Why a report may come from its copy: the server cannot answer now."""


class NoReportYet(Exception):
    """The server cannot be asked now and no copy of this report was kept; ``reason``
    says why (for ``ui/`` to word)."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason.text)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Fetched(Generic[R]):
    """A report, when it is from, and (for a kept copy) why it is not newer."""

    report: R
    as_of: datetime  # UTC
    kept_copy: bool = False  # True: the copy kept at ``as_of``, the server not reached
    problem: str = ""  # why the server could not be asked (with a kept copy), in English
    reason: Reason | None = None  # the same, for ui/ to word


class ReportDesk:
    """Asks the server for reports as one signed-in user and keeps the last copy of each.

    ``days`` is the period: that many days up to and including today (UTC), the copy
    kept under it, so yesterday's "last 30 days" is what shows offline today.
    """

    def __init__(
        self,
        client: CentralClient | None,
        copies: ReportCopies,
        owner: uuid.UUID | str,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.client = client
        self._copies = copies
        self._owner = str(owner)
        self._clock = clock or (lambda: datetime.now(UTC))

    def period(self, days: int) -> tuple[date, date]:
        """The first and last day of a period of ``days`` days up to today (UTC)."""
        last = self._clock().astimezone(UTC).date()
        return last - timedelta(days=days - 1), last

    def scorecard(self, days: int, advocate_id: uuid.UUID | None = None) -> Fetched[Scorecard]:
        """A scorecard: the signed-in advocate's own, or (leads) ``advocate_id``'s."""
        first, last = self.period(days)
        name = f"scorecard?days={days}&advocate_id={advocate_id or ''}"
        return self._fetch(
            name, Scorecard, lambda client: client.scorecard(first, last, advocate_id)
        )

    def team(self, days: int) -> Fetched[TeamReport]:
        """Every advocate side by side (leads)."""
        first, last = self.period(days)
        return self._fetch(
            f"team?days={days}", TeamReport, lambda client: client.team_report(first, last)
        )

    def broken_products(self, days: int) -> Fetched[BrokenProducts]:
        """What is broken, worst first."""
        first, last = self.period(days)
        return self._fetch(
            f"broken-products?days={days}",
            BrokenProducts,
            lambda client: client.broken_products(first, last),
        )

    def broken_product_cases(self, model_number: str, days: int) -> Fetched[BrokenProductCases]:
        """The failure cases of one model."""
        first, last = self.period(days)
        return self._fetch(
            f"broken-products/{model_number}/cases?days={days}",
            BrokenProductCases,
            lambda client: client.broken_product_cases(model_number, first, last),
        )

    def resources(self, days: int) -> Fetched[ResourcesReport]:
        """Who was brought into calls and how those cases ended."""
        first, last = self.period(days)
        return self._fetch(
            f"resources?days={days}",
            ResourcesReport,
            lambda client: client.resources_report(first, last),
        )

    def _fetch(self, name: str, model: type[R], ask: Callable[[CentralClient], R]) -> Fetched[R]:
        try:
            if self.client is None:
                signed_out = SignedOut("You are signed out. Sign in to see newer figures.")
                raise signed_out.coded("signed_out_figures")
            report = ask(self.client)
        except NOT_NOW as error:
            copy = self._copies.last(self._owner, name)
            if copy is None:
                raise NoReportYet(error.reason()) from None
            kept = model.model_validate_json(copy.body)
            why = error.reason()
            return Fetched(kept, copy.as_of, kept_copy=True, problem=why.text, reason=why)
        now = self._clock().astimezone(UTC)
        self._copies.keep(self._owner, name, report.model_dump_json(by_alias=True), now)
        return Fetched(report, now)
