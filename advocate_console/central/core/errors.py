"""Every error answer is an ErrorBody with a reason; nothing leaks out as a bare 500."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from advocate_console.api.schemas import ErrorBody, ProblemOut
from advocate_console.domain.validation import Problem, explain

from .logs import describe_sql_error

log = logging.getLogger(__name__)

# FastAPI names where a value came from; the advocate only needs the field itself.
_SOURCES = frozenset({"body", "query", "path", "header", "cookie"})


class ApiError(Exception):
    """An answer other than success, with its status, reason and per-field problems."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        problems: Iterable[tuple[str, str] | ProblemOut] = (),
        current: dict[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        wipe: bool = False,
        code: str | None = None,
        values: Iterable[object] = (),
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.problems = [
            p if isinstance(p, ProblemOut) else ProblemOut(field=p[0], message=p[1])
            for p in problems
        ]
        self.current = current
        self.headers = dict(headers or {})
        self.wipe = wipe
        # What ``detail`` says, as a code and values for a console to word (ErrorBody.code).
        self.code = code
        self.values = [str(value) for value in values]

    def body(self) -> ErrorBody:
        """The ErrorBody this error answers with."""
        return ErrorBody(
            detail=self.detail,
            problems=self.problems,
            current=self.current,
            wipe=self.wipe,
            code=self.code,
            values=self.values,
        )


def error_response(
    status: int,
    detail: str,
    problems: list[ProblemOut] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """A JSON ErrorBody response."""
    body = ErrorBody(detail=detail, problems=problems or [])
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


class _Errors:
    # domain.validation.explain reads pydantic's error list; FastAPI hands us the same list.
    def __init__(self, items: list[dict[str, Any]]) -> None:
        self._items = items

    def errors(self, include_url: bool = False) -> list[dict[str, Any]]:
        return self._items


def problems_from(items: Iterable[Mapping[str, Any]]) -> list[ProblemOut]:
    """Per-field problems, worded as domain.validation.explain words them."""
    cleaned = []
    for item in items:
        loc = list(item.get("loc", ()))
        if loc and loc[0] in _SOURCES:
            loc = loc[1:]
        cleaned.append({**item, "loc": tuple(loc)})
    explained = explain(cast(ValidationError, _Errors(cleaned)))
    return [_problem_out(problem) for problem in explained]


def _problem_out(problem: Problem) -> ProblemOut:
    """The problem as answered; with pydantic's code and its values (the field first) for a
    console to word, where the problem has one."""
    if not problem.code:
        return ProblemOut(field=problem.field, message=problem.message)
    coded = {"code": problem.code, "values": list(problem.values)}
    return ProblemOut(field=problem.field, message=problem.message, **coded)


def _summary(problems: list[ProblemOut]) -> str:
    if not problems:
        return "The request is not valid."
    first = problems[0]
    text = f"{first.field}: {first.message}" if first.field else first.message
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"The request is not valid: {text}{more}."


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error, expected or not, with a JSON ErrorBody."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse(
            error.body().model_dump(mode="json"), status_code=error.status, headers=error.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        items = list(error.errors())
        if any(item.get("type") == "json_invalid" for item in items):
            return error_response(400, "The body is not valid JSON.")
        problems = problems_from(items)
        return error_response(422, _summary(problems), problems)

    @app.exception_handler(ValidationError)
    async def _invalid_record(_request: Request, error: ValidationError) -> JSONResponse:
        problems = problems_from(error.errors(include_url=False))
        return error_response(422, _summary(problems), problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        detail = error.detail if isinstance(error.detail, str) else "The request failed."
        if error.status_code == 404 and detail == "Not Found":
            detail = "There is nothing at this address."
        elif error.status_code == 405:
            detail = "This address does not take that method."
        return error_response(error.status_code, detail, headers=error.headers)

    @app.exception_handler(OperationalError)
    async def _database_down(request: Request, error: OperationalError) -> JSONResponse:
        log.error(
            "database unavailable on %s %s: %s",
            request.method,
            request.url.path,
            describe_sql_error(error),
        )
        return error_response(503, "The database is not reachable; try again shortly.")

    @app.exception_handler(DBAPIError)
    async def _database_refused(request: Request, error: DBAPIError) -> JSONResponse:
        # Input the checks let through but the database refuses is still the client's.
        log.warning(
            "database refused %s %s: %s",
            request.method,
            request.url.path,
            describe_sql_error(error),
        )
        return error_response(422, "The database refused a value in this request.")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "Something went wrong on the server; it has been logged.")
