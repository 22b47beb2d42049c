"""Whether an address answers like an Advocate Console API, asked before any password
goes there: and if not, what kind of wrong it is (each kind is said in its own words).

One ``GET /api/v1/health``, never retried (someone is waiting at the sign-in dialog) and
without a token. It looks below the errors :class:`CentralClient` maps for sync (all of
them "offline" there) to tell a refused connection from an unknown name or a certificate
that is not trusted.
"""

from __future__ import annotations

import enum
import errno
import json
import socket
from typing import Any

import requests
from pydantic import ValidationError

from .errors import ApiError
from .schemas import API_PREFIX, Health

TIMEOUT = (5.0, 10.0)
HEALTH_PATH = f"{API_PREFIX}/health"


class AddressProblem(enum.StrEnum):
    """What is wrong with a server address (the sign-in dialog words each)."""

    REFUSED = "refused"  # the computer is there, nothing listens at that port
    UNKNOWN_NAME = "unknown_name"  # no computer by that name
    UNREACHABLE = "unreachable"  # no route, or no answer in time
    TLS = "tls"  # the certificate is not trusted, or the other end does not speak TLS
    WEB_PAGE = "web_page"  # a web page (a web server, a Wi-Fi sign-in page, a proxy)
    NOT_FOUND = "not_found"  # an HTTP server, but nothing at /api/v1/health
    WRONG_ANSWER = "wrong_answer"  # something answers, but not as our API does
    SERVER_ERROR = "server_error"  # our API, perhaps, but failing (5xx)


class NotAnAdvocateServer(ApiError):
    """The address does not answer like an Advocate Console API; ``problem`` says how,
    ``detail`` the technical reason (for the tooltip and the log)."""

    def __init__(self, problem: AddressProblem, detail: str, status: int | None = None) -> None:
        super().__init__(f"{problem.value}: {detail}")
        self.problem = problem
        self.detail = detail
        self.status = status


def check_address(base_url: str, ca_bundle: str | None = None) -> Health:
    """The server's health when ``base_url`` is an Advocate Console API; else raises
    :class:`NotAnAdvocateServer` saying what kind of wrong address it is."""
    url = base_url.rstrip("/") + HEALTH_PATH
    try:
        response = requests.get(
            url,
            headers={"Accept": "application/json"},
            timeout=TIMEOUT,
            verify=ca_bundle or True,
            allow_redirects=False,  # a redirect to a sign-in page is not our API
        )
    except requests.exceptions.SSLError as error:
        raise NotAnAdvocateServer(AddressProblem.TLS, _first_line(error)) from None
    except requests.exceptions.ConnectionError as error:
        raise NotAnAdvocateServer(_connection_problem(error), _first_line(error)) from None
    except requests.RequestException as error:  # a timeout, a URL requests cannot use
        raise NotAnAdvocateServer(AddressProblem.UNREACHABLE, _first_line(error)) from None
    return _read_health(response)


def _read_health(response: requests.Response) -> Health:
    status = response.status_code
    kind = response.headers.get("Content-Type", "")
    if status == 404:
        raise NotAnAdvocateServer(AddressProblem.NOT_FOUND, f"{HEALTH_PATH}: 404", status)
    if "html" in kind or response.content.lstrip()[:1] == b"<":
        raise NotAnAdvocateServer(AddressProblem.WEB_PAGE, f"{status}, {kind}", status)
    if status >= 500:
        raise NotAnAdvocateServer(AddressProblem.SERVER_ERROR, f"{status}", status)
    if status != 200:
        raise NotAnAdvocateServer(AddressProblem.WRONG_ANSWER, f"{status}, {kind}", status)
    body = _json(response.content)
    if not isinstance(body, dict) or not {"status", "version"} <= body.keys():
        raise NotAnAdvocateServer(
            AddressProblem.WRONG_ANSWER, f"not a health answer: {response.text[:80]!r}", status
        )
    try:
        return Health.model_validate(body)
    except ValidationError as error:
        raise NotAnAdvocateServer(AddressProblem.WRONG_ANSWER, str(error), status) from None


def _json(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return None


def _connection_problem(error: Exception) -> AddressProblem:
    for cause in _causes(error):
        if isinstance(cause, ConnectionRefusedError) or (
            isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED
        ):
            return AddressProblem.REFUSED
        if isinstance(cause, socket.gaierror):
            return AddressProblem.UNKNOWN_NAME
    return AddressProblem.UNREACHABLE


def _causes(error: BaseException) -> list[BaseException]:
    """The error and everything behind it: requests wraps urllib3's, which wraps the OS's."""
    seen: list[BaseException] = []
    waiting: list[object] = [error]
    while waiting and len(seen) < 20:
        found = waiting.pop()
        if not isinstance(found, BaseException) or found in seen:
            continue
        seen.append(found)
        waiting += [found.__cause__, found.__context__, getattr(found, "reason", None)]
        waiting += list(found.args)
    return seen


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0][:300]
