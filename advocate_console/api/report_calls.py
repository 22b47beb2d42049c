"""The central API's calls for reports: scorecards, the team, what is broken, resources.

A period is ``first`` to ``last``, both included; by default the last 30 days.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any
from urllib.parse import quote

from .connection import CentralConnection, M
from .reports import BrokenProductCases, BrokenProducts, ResourcesReport, Scorecard, TeamReport
from .schemas import API_PREFIX

REPORTS = f"{API_PREFIX}/reports"


class ReportCalls(CentralConnection):
    """The figures behind the scoreboard, an advocate's own or (for leads) the team's."""

    def scorecard(
        self,
        first: date | None = None,
        last: date | None = None,
        advocate_id: uuid.UUID | None = None,
    ) -> Scorecard:
        """One advocate's figures beside the team medians (your own, unless a lead asks)."""
        params = {"advocate_id": str(advocate_id)} if advocate_id else {}
        return self._report(Scorecard, "/scorecard", first, last, **params)

    def team_report(self, first: date | None = None, last: date | None = None) -> TeamReport:
        """Every advocate's figures side by side (leads and admins; 403 for advocates)."""
        return self._report(TeamReport, "/team", first, last)

    def broken_products(
        self,
        first: date | None = None,
        last: date | None = None,
        sort: str = "cases",
        limit: int = 50,
    ) -> BrokenProducts:
        """What is broken: models ranked by failure cases (or ``sort``)."""
        return self._report(BrokenProducts, "/broken-products", first, last, sort=sort, limit=limit)

    def broken_product_cases(
        self, model_number: str, first: date | None = None, last: date | None = None
    ) -> BrokenProductCases:
        """The failure cases behind one model of what is broken, newest first."""
        path = f"/broken-products/{quote(model_number, safe='')}/cases"
        return self._report(BrokenProductCases, path, first, last)

    def resources_report(
        self, first: date | None = None, last: date | None = None
    ) -> ResourcesReport:
        """Who was brought into calls, how often, and how often the case ended delighted."""
        return self._report(ResourcesReport, "/resources", first, last)

    def _report(
        self, model: type[M], path: str, first: date | None, last: date | None, **params: Any
    ) -> M:
        if first is not None:
            params["from"] = first.isoformat()
        if last is not None:
            params["to"] = last.isoformat()
        return self._parse(model, self._request("GET", REPORTS + path, params=params))
