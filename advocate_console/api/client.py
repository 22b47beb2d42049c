"""The one HTTP client of the central API: timeouts, retries, auth and error mapping.

Blocking by design (``requests``): it runs on worker threads only, never the UI thread.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
from datetime import date
from typing import Any, TypeVar
from urllib.parse import quote

import requests
from pydantic import BaseModel, ValidationError

from advocate_console.domain import (
    RECORD_TYPES,
    Advocate,
    Case,
    Collection,
    Customer,
    History,
    Record,
)

from .conferences import ConferenceList, ConferenceOut, LegChange, LegOut, NewConference, NewLeg
from .errors import (
    ApiError,
    BadResponse,
    Conflict,
    Offline,
    Rejected,
    ServerError,
    SignedOut,
    TooManyAttempts,
    WipeOrdered,
)
from .events import STREAM_PATH, EventStream
from .feed import FeedPage, UnreadablePage, read_feed_page
from .reports import BrokenProductCases, BrokenProducts, ResourcesReport, Scorecard, TeamReport
from .schemas import API_PREFIX, Health, Page, RecordAudit, Release, Token

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
RETRY_STATUSES = frozenset({429, 502, 503, 504})
MAX_RETRY_AFTER = 30.0
CONFERENCES = f"{API_PREFIX}/conferences"
REPORTS = f"{API_PREFIX}/reports"


def collection_path(collection: Collection) -> str:
    """The URL path of a collection (``follow_ups`` travels as ``follow-ups``)."""
    return f"{API_PREFIX}/{collection.value.replace('_', '-')}"


class CentralClient:
    """Talks to one central API server as one signed-in advocate."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        ca_bundle: str | None = None,
        retries: int = 3,
        backoff: float = 0.5,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self._http = requests.Session()
        # TLS verification stays on; a corporate CA bundle replaces the default roots.
        # It is given with every request too: requests lets REQUESTS_CA_BUNDLE in the
        # environment override a session's own bundle, which would ignore the setting.
        self._verify: str | bool = ca_bundle or True
        self._http.verify = self._verify
        self._http.headers["Accept"] = "application/json"

    def close(self) -> None:
        """Release pooled connections."""
        self._http.close()

    # -- calls ---------------------------------------------------------------------------

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
        return BadResponse(_bad_page_message(response, problem))

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

    # -- conferences on the company's bridge -----------------------------------------------
    # Never retried: a repeat would ring someone twice (a GET is, being safe).

    def start_conference(self, body: NewConference) -> ConferenceOut:
        """Start a conference: the bridge rings the advocate's phone first."""
        data = body.model_dump(mode="json", exclude_none=True)
        response = self._request("POST", CONFERENCES, json=data, retry=False)
        return self._parse(ConferenceOut, response)

    def conference(self, conference_id: uuid.UUID) -> ConferenceOut:
        """A conference with every leg, as the bridge last reported it."""
        return self._parse(ConferenceOut, self._request("GET", f"{CONFERENCES}/{conference_id}"))

    def my_conferences(self) -> list[ConferenceOut]:
        """This advocate's conferences still going (to pick them up after a restart)."""
        return self._parse(ConferenceList, self._request("GET", CONFERENCES)).items

    def add_leg(self, conference_id: uuid.UUID, body: NewLeg) -> LegOut:
        """Dial someone into a conference."""
        data = body.model_dump(mode="json", exclude_none=True)
        path = f"{CONFERENCES}/{conference_id}/legs"
        return self._parse(LegOut, self._request("POST", path, json=data, retry=False))

    def change_leg(self, conference_id: uuid.UUID, leg_id: uuid.UUID, change: LegChange) -> LegOut:
        """Hold, mute, join or drop a leg, or say whether it helped."""
        data = change.model_dump(mode="json", exclude_unset=True)
        path = f"{CONFERENCES}/{conference_id}/legs/{leg_id}"
        return self._parse(LegOut, self._request("PATCH", path, json=data, retry=False))

    def end_conference(self, conference_id: uuid.UUID) -> ConferenceOut:
        """Hang up everyone."""
        path = f"{CONFERENCES}/{conference_id}"
        return self._parse(ConferenceOut, self._request("DELETE", path, retry=False))

    # -- reports (a period is ``first`` to ``last``, both included; default the last 30 days)

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

    # -- plumbing ------------------------------------------------------------------------

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

    def _request(
        self,
        method: str,
        path: str,
        *,
        auth: bool = True,
        retry: bool | None = None,
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        headers = dict(headers or {})
        if auth:
            if not self.token:
                raise SignedOut("You are signed out. Sign in to continue.")
            headers["Authorization"] = f"Bearer {self.token}"
        if retry is None:  # safe to repeat: reads, and writes that carry an idempotency key
            retry = method == "GET" or "Idempotency-Key" in headers
        attempts = 1 + (self.retries if retry else 0)
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self._http.request(
                    method,
                    self.base_url + path,
                    headers=headers,
                    timeout=self.timeout,
                    verify=self._verify,
                    **kwargs,
                )
            except requests.exceptions.SSLError as error:
                raise Offline(f"The server's certificate was not trusted: {error}") from None
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,  # the line dropped mid-answer
                requests.exceptions.ContentDecodingError,
            ) as error:
                if last:
                    raise Offline(_offline_message(self.base_url, error)) from None
                self._wait(attempt)
                continue
            except requests.RequestException as error:  # a bad URL, too many redirects …
                raise Offline(
                    f"Cannot talk to the central server at {self.base_url}: {error}"
                ) from None
            if response.status_code in RETRY_STATUSES and not last:
                self._wait(attempt, response.headers.get("Retry-After"))
                continue
            if response.ok:
                return response
            raise _error_for(response)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait(self, attempt: int, retry_after: str | None = None) -> None:
        delay = self.backoff * 2**attempt
        if retry_after:
            # An HTTP date or junk keeps our own back-off.
            with contextlib.suppress(ValueError):
                delay = min(max(float(retry_after), 0.0), MAX_RETRY_AFTER)
        time.sleep(delay)

    @staticmethod
    def _parse(model: type[M], response: requests.Response) -> M:
        try:
            return model.model_validate_json(response.content)
        except ValidationError as error:
            raise BadResponse(_bad_response_message(response, error)) from None


def _error_for(response: requests.Response) -> ApiError:
    detail, problems, current = _error_body(response)
    status = response.status_code
    if status == 401:
        if _orders_wipe(response):
            return WipeOrdered(detail or "This computer's copy is to be erased.")
        return SignedOut(detail or "Your session has ended. Sign in again.")
    if status == 429:
        return TooManyAttempts(
            detail or "Too many attempts; try again later.",
            _seconds(response.headers.get("Retry-After")),
        )
    if status in (409, 412):
        return Conflict(detail or "Someone else changed this record.", current=current)
    if 400 <= status < 500:
        return Rejected(detail or f"The server refused the request ({status}).", status, problems)
    return ServerError(
        detail or f"The server had a problem ({status}).",
        status,
    )


def _orders_wipe(response: requests.Response) -> bool:
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("wipe") is True


def _seconds(retry_after: str | None) -> int:
    # An HTTP date, junk or nothing: a minute, the server's first lock.
    try:
        return max(int(retry_after or "60"), 0)
    except ValueError:
        return 60


def _error_body(response: requests.Response) -> tuple[str, list[str], dict | None]:
    try:
        body = response.json()
    except ValueError:
        return "", [], None
    if not isinstance(body, dict):
        return "", [], None
    detail = body.get("detail")
    problems = [
        f"{p.get('field')}: {p.get('message')}"
        for p in body.get("problems") or []
        if isinstance(p, dict)
    ]
    current = body.get("current") if isinstance(body.get("current"), dict) else None
    return (detail if isinstance(detail, str) else ""), problems, current


def _offline_message(base_url: str, error: Exception) -> str:
    if isinstance(error, requests.Timeout):
        reason = "it did not answer in time"
    elif isinstance(error, requests.ConnectionError):
        reason = "no connection"
    else:
        reason = "the connection dropped mid-answer"
    return f"Cannot reach the central server at {base_url} ({reason}). Working offline."


WEB_PAGE_MESSAGE = (
    "The server answered with a web page instead of data: a Wi-Fi sign-in page or "
    "a proxy may be in the way."
)


def _is_web_page(response: requests.Response) -> bool:
    return "html" in response.headers.get("Content-Type", "")


def _bad_response_message(response: requests.Response, error: ValidationError) -> str:
    if _is_web_page(response):
        return WEB_PAGE_MESSAGE
    first = error.errors(include_url=False)[0]
    where = ".".join(str(p) for p in first["loc"]) or "the answer"
    return f"The server's answer was not what was expected ({where}: {first['msg']})."


def _bad_page_message(response: requests.Response, problem: UnreadablePage) -> str:
    if _is_web_page(response):
        return WEB_PAGE_MESSAGE
    if problem.collection is not None:  # one record this console cannot read
        return (
            f"The server sent a {problem.collection} record this console cannot read "
            f"({problem.where}: {problem.message}). Sync stops here until that is fixed; "
            "nothing is lost."
        )
    return f"The server's answer was not what was expected ({problem.where}: {problem.message})."
