"""What the central server's answers mean when they are not the data asked for: the
error each status stands for, and why an answer or a page of the feed could not be read."""

from __future__ import annotations

from typing import TYPE_CHECKING

import requests
from pydantic import ValidationError

from .errors import (
    ApiError,
    BadResponse,
    Conflict,
    Rejected,
    ServerError,
    SignedOut,
    TooManyAttempts,
    WipeOrdered,
)

if TYPE_CHECKING:
    from .feed import UnreadablePage

WEB_PAGE_MESSAGE = (
    "The server answered with a web page instead of data: a Wi-Fi sign-in page or "
    "a proxy may be in the way."
)


def error_for(response: requests.Response) -> ApiError:
    """The error a refused or failed answer stands for, with the server's reason."""
    error = _error_without_code(response)
    error.code, error.values = _code(response)
    if not error.code and isinstance(error, SignedOut) and not isinstance(error, WipeOrdered):
        error.code = "session_ended"  # what a 401 means to the console, whatever its words
    return error


def _error_without_code(response: requests.Response) -> ApiError:
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


def _code(response: requests.Response) -> tuple[str, tuple[str, ...]]:
    """The answer's code and values (a server that sends none: ""), or, for a refusal
    beyond authority, each limit passed as ``kind limit amount`` and what is wrong with
    the approval it names (as its problems say them)."""
    try:
        body = response.json()
    except ValueError:
        return "", ()
    if not isinstance(body, dict):
        return "", ()
    code, values = body.get("code"), body.get("values")
    if isinstance(code, str) and code:
        return code, tuple(str(value) for value in values or ())
    problems = [p for p in body.get("problems") or [] if isinstance(p, dict)]
    if response.status_code == 422 and problems and problems[0].get("code"):
        return _not_valid(problems)
    over = [
        f"{p.get('kind')} {p.get('limit')} {p.get('amount')}"
        for p in problems
        if p.get("code") == "over_authority"
    ]
    if not over:
        return "", ()
    trouble = [str(p.get("code")) for p in problems if p.get("field") == "approval_id"]
    return "beyond_authority", (*over, *trouble[:1])


def _not_valid(problems: list[dict]) -> tuple[str, tuple[str, ...]]:
    """A request the server found not valid, as ``not_valid`` with how many more problems
    there are, then the first one's field, message, code and values."""
    first = problems[0]
    values = [str(value) for value in first.get("values") or ()]
    said = (str(first.get("field", "")), str(first.get("message", "")), str(first["code"]))
    return "not_valid", (str(len(problems) - 1), *said, *values)


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


def offline_message(base_url: str, error: Exception) -> str:
    """Why the server at ``base_url`` could not be reached (the console works offline)."""
    why = _why_offline(error)[1]
    return f"Cannot reach the central server at {base_url} ({why}). Working offline."


def _why_offline(error: Exception) -> tuple[str, str]:
    if isinstance(error, requests.Timeout):
        return "timeout", "it did not answer in time"
    if isinstance(error, requests.ConnectionError):
        return "no_connection", "no connection"
    return "dropped", "the connection dropped mid-answer"


def offline_code(error: Exception) -> str:
    """Why the server could not be reached, as a code: ``timeout``, ``no_connection``,
    ``dropped`` (the values of an ``unreachable`` :class:`Offline`)."""
    return _why_offline(error)[0]


def _is_web_page(response: requests.Response) -> bool:
    return "html" in response.headers.get("Content-Type", "")


def bad_response(response: requests.Response, error: ValidationError) -> BadResponse:
    """Why an answer was not what was expected (the first problem found), with its code:
    ``web_page``, or ``unexpected_answer`` with where and pydantic's (English) words."""
    if _is_web_page(response):
        return BadResponse(WEB_PAGE_MESSAGE).coded("web_page")
    first = error.errors(include_url=False)[0]
    where = ".".join(str(p) for p in first["loc"]) or "the answer"
    message = f"The server's answer was not what was expected ({where}: {first['msg']})."
    return BadResponse(message).coded("unexpected_answer", f"{where}: {first['msg']}")


def bad_page(response: requests.Response, problem: UnreadablePage) -> BadResponse:
    """Why a page of the change feed could not be read (``unreadable_record`` with the
    collection and what is wrong, when one record is the trouble)."""
    if _is_web_page(response):
        return BadResponse(WEB_PAGE_MESSAGE).coded("web_page")
    what = f"{problem.where}: {problem.message}"
    if problem.collection is not None:  # one record this console cannot read
        return BadResponse(
            f"The server sent a {problem.collection} record this console cannot read "
            f"({what}). Sync stops here until that is fixed; nothing is lost."
        ).coded("unreadable_record", problem.collection, what)
    message = f"The server's answer was not what was expected ({what})."
    return BadResponse(message).coded("unexpected_answer", what)
