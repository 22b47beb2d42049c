"""The one client of the central API, its calls grouped by what they serve: the
advocate's session, the records and the change feed here; conferences
(:mod:`.conference_calls`) and reports (:mod:`.report_calls`) beside it; timeouts,
retries, sign-in and error mapping under all of them (:mod:`.connection`).

Blocking by design (``requests``): it runs on worker threads only, never the UI thread.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import quote

import requests

from advocate_console.domain import (
    RECORD_TYPES,
    Advocate,
    Case,
    Collection,
    Customer,
    History,
    Record,
)

from .answers import bad_page
from .conference_calls import ConferenceCalls
from .errors import BadResponse, Rejected
from .events import STREAM_PATH, EventStream
from .feed import FeedPage, UnreadablePage, read_feed_page
from .report_calls import ReportCalls
from .schemas import API_PREFIX, Health, Page, RecordAudit, Release, Token


def collection_path(collection: Collection) -> str:
    """The URL path of a collection (``follow_ups`` travels as ``follow-ups``)."""
    return f"{API_PREFIX}/{collection.value.replace('_', '-')}"


class CentralClient(ConferenceCalls, ReportCalls):
    """Talks to one central API server as one signed-in advocate."""

    # -- the advocate's session --------------------------------------------------------------

    def health(self) -> Health:
        """The server's health and version."""
        return self._parse(Health, self._request("GET", f"{API_PREFIX}/health", auth=False))

    def sign_in(self, username: str, password: str) -> Token:
        """Exchange a user name and password for a bearer token (kept on this client)."""
        response = self._request(
            "POST",
            f"{API_PREFIX}/auth/token",
            data={"username": username, "password": password},
            auth=False,
            retry=False,
        )
        token = self._parse(Token, response)
        self.token = token.access_token
        return token

    def sign_out(self) -> None:
        """Revoke the token on the server and forget it."""
        try:
            self._request("DELETE", f"{API_PREFIX}/auth/token", retry=False)
        finally:
            self.token = None

    def change_password(self, current_password: str, new_password: str) -> None:
        """Choose a new password; the token stays good, the user's other ones end."""
        self._request(
            "POST",
            f"{API_PREFIX}/me/password",
            json={"current_password": current_password, "new_password": new_password},
            retry=False,
        )

    def me(self) -> Advocate:
        """Who the token belongs to (checks that it is still good)."""
        return self._parse(Advocate, self._request("GET", f"{API_PREFIX}/me"))

    def current_release(self, channel: str) -> Release | None:
        """The release published last on ``channel``; None when there is none."""
        try:
            response = self._request("GET", f"{API_PREFIX}/releases/{quote(channel, safe='')}")
        except Rejected as error:
            if error.status == 404:
                return None
            raise
        return self._parse(Release, response)

    # -- what changed: the change feed and the pushed events ---------------------------------

    def changes(self, since: int, limit: int = 1000) -> FeedPage:
        """One page of the change feed after ``since``, each record as its domain type."""
        return self.read_changes(self.fetch_changes(since, limit))

    def fetch_changes(self, since: int, limit: int = 1000) -> requests.Response:
        """One page of the change feed after ``since``, as it came: see :meth:`read_changes`.

        The two halves of :meth:`changes`, for a pull that fetches the next page on one
        thread while it reads and stores this one on another.
        """
        return self._request(
            "GET", f"{API_PREFIX}/changes", params={"since": since, "limit": limit}
        )

    @staticmethod
    def read_changes(response: requests.Response) -> FeedPage:
        """The page in an answer of :meth:`fetch_changes`; a broken one is BadResponse."""
        try:
            # Our server validated every record; shapes are still checked, phone plans not.
            return read_feed_page(response.content, trusted=True)
        except UnreadablePage as problem:
            raise CentralClient.bad_page(response, problem) from None

    @staticmethod
    def bad_page(response: requests.Response, problem: UnreadablePage) -> BadResponse:
        """The error to raise for a page of the change feed that could not be read."""
        return bad_page(response, problem)

    def event_stream(self, last_event_id: str | None = None) -> EventStream:
        """This advocate's pushed events, from after ``last_event_id`` (a dead line is
        noticed within the read timeout: the server sends a heartbeat every 15 s)."""
        headers = {"Accept": "text/event-stream"}
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        response = self._request(
            "GET", f"{API_PREFIX}{STREAM_PATH}", headers=headers, retry=False, stream=True
        )
        return EventStream(response)

    # -- records -----------------------------------------------------------------------------

    def search_customers(self, query: str, limit: int = 25) -> list[Customer]:
        """Customers matching a caller-bar query, found on the server."""
        response = self._request(
            "GET", f"{API_PREFIX}/customers", params={"q": query, "limit": limit}
        )
        return self._parse(Page[Customer], response).items

    def history(self, customer_id: uuid.UUID) -> History:
        """The whole history of one customer, from the server."""
        return self._parse(
            History, self._request("GET", f"{API_PREFIX}/customers/{customer_id}/history")
        )

    def get(self, collection: Collection, record_id: uuid.UUID) -> Record:
        """One record as the server has it now."""
        response = self._request("GET", f"{collection_path(collection)}/{record_id}")
        return self._parse(RECORD_TYPES[collection], response)

    def audit(self, collection: Collection, record_id: uuid.UUID) -> RecordAudit:
        """Every version of one record with who changed it and when (leads and admins)."""
        response = self._request("GET", f"{collection_path(collection)}/{record_id}/audit")
        return self._parse(RecordAudit, response)

    def create(self, collection: Collection, body: dict[str, Any], idempotency_key: str) -> Record:
        """Create a record; a retry with the same key never creates a second one."""
        response = self._request(
            "POST",
            collection_path(collection),
            json=body,
            headers={"Idempotency-Key": idempotency_key},
        )
        return self._parse(RECORD_TYPES[collection], response)

    def patch(
        self,
        collection: Collection,
        record_id: uuid.UUID,
        changes: dict[str, Any],
        version: int,
        idempotency_key: str,
    ) -> Record:
        """Change some fields of a record the client last saw at ``version``."""
        response = self._request(
            "PATCH",
            f"{collection_path(collection)}/{record_id}",
            json=changes,
            headers={"Idempotency-Key": idempotency_key, "If-Match": f'"{version}"'},
        )
        return self._parse(RECORD_TYPES[collection], response)

    def reopen_case(self, case_id: uuid.UUID, reason: str, idempotency_key: str) -> Case:
        """Open a resolved case again, saying why (its resolution is superseded, so another
        may be saved); a retry with the same key reopens it once."""
        response = self._request(
            "POST",
            f"{collection_path(Collection.CASES)}/{case_id}/reopen",
            json={"reason": reason},
            headers={"Idempotency-Key": idempotency_key},
        )
        return self._parse(Case, response)
