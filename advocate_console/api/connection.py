"""The connection under every call of the central API: timeouts, retries, sign-in, and
what an answer that is not the data asked for means (:mod:`.answers`).

Blocking by design (``requests``): it runs on worker threads only, never the UI thread.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, ValidationError

from .answers import bad_response, error_for, offline_code, offline_message
from .errors import Offline, SignedOut

M = TypeVar("M", bound=BaseModel)

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
RETRY_STATUSES = frozenset({429, 502, 503, 504})
MAX_RETRY_AFTER = 30.0


class CentralConnection:
    """One central API server as one signed-in advocate: every call goes through
    :meth:`_request`, and its answer through :meth:`_parse`."""

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
                raise SignedOut("You are signed out. Sign in to continue.").coded("signed_out")
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
                raise Offline(f"The server's certificate was not trusted: {error}").coded(
                    "untrusted_certificate", self.base_url
                ) from None
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,  # the line dropped mid-answer
                requests.exceptions.ContentDecodingError,
            ) as error:
                if last:
                    raise Offline(offline_message(self.base_url, error)).coded(
                        "unreachable", self.base_url, offline_code(error)
                    ) from None
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
            raise error_for(response)
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
            raise bad_response(response, error) from None
