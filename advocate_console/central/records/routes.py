"""Get, create and patch for every collection, made by one small router factory."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Header, Query, Request, Response
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from advocate_console.api.schemas import (
    CREATE_BODIES,
    MAX_PAGE,
    PATCH_BODIES,
    CaseReopen,
    ErrorBody,
    Page,
    RecordAudit,
)
from advocate_console.central.audit.service import record_audit
from advocate_console.central.auth.dependencies import BearerToken, CurrentAdvocate, advocate_on
from advocate_console.central.core.database import Database
from advocate_console.central.core.deps import DatabaseDep
from advocate_console.central.core.errors import ApiError
from advocate_console.central.core.http import check_idempotency_key, etag, parse_if_match
from advocate_console.central.idempotency.service import (
    Answer,
    Checked,
    answer_checked,
    answer_once,
    fingerprint,
)
from advocate_console.domain import RECORD_TYPES, Case, Collection, Resource, Role
from advocate_console.domain.permissions import ADVOCATE_FIELDS, LEADS_WRITE
from advocate_console.domain.reasons import Reason
from advocate_console.domain.records import STAMPED_FIELDS, Advocate

from . import service
from .ranking import ResourceHelp, help_counts
from .refusals import Refused
from .reopening import reopen_case
from .service import NOUNS, PATHS

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="Any unique string (a UUID); a retry with the same key replays the answer.",
    ),
]
IfMatch = Annotated[
    str | None, Header(alias="If-Match", description='The version you last read, like "3".')
]


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorBody} for code in (401, *codes)}


def _check_advocate_fields(
    who: Advocate, body: Any, allowed: frozenset[str], *, creating: bool
) -> None:
    if who.role in (Role.LEAD, Role.ADMIN):
        return
    fields = type(body).model_fields
    refused = sorted(
        name
        for name in set(body.model_fields_set) - allowed - STAMPED_FIELDS
        # A new record may spell out the defaults (a standard tier, no value yet).
        if not creating
        or getattr(body, name) != fields[name].get_default(call_default_factory=True)
    )
    if refused:
        listed = ", ".join(refused)
        raise Refused(
            403,
            Reason(
                f"Only a lead or admin may set {listed}; you are signed in as {who.role}.",
                "leads_only_fields",
                (listed, who.role.value),
            ),
        )


class _Writer:
    """Who writes, by the request's bearer token, checked on the write's own connection
    (``answer_checked``) as ``CurrentAdvocate`` checks it: the same answers, without a
    connection and a read of their own before the write's."""

    def __init__(self, request: Request, token: str | None) -> None:
        self.db: Database = request.app.state.database
        self._clock = request.app.state.settings.clock
        self._token = token
        self.who: Advocate

    def check(
        self, connection: Connection, body: Any, allowed: frozenset[str] | None, *, creating: bool
    ) -> Advocate:
        """The writer (401 or 403 with the reason), who may set the fields ``body`` sets
        when ``allowed`` names those an advocate may (403 when not)."""
        self.who = advocate_on(connection, self._token, self._clock)
        if allowed is not None:
            _check_advocate_fields(self.who, body, allowed, creating=creating)
        return self.who


def record_router(
    collection: Collection, *, advocate_fields: frozenset[str] | None = None
) -> APIRouter:
    """Routes for one collection: GET by id, POST to create, PATCH with If-Match, and the
    audit.

    Who may write what is ``domain.permissions``' to say (403 with its reason); with
    ``advocate_fields``, advocates may set only those fields."""
    router = APIRouter(tags=[PATHS[collection]])
    path = f"/{PATHS[collection]}"
    noun = NOUNS[collection].replace("-", "_").replace(" ", "_")
    record_type = RECORD_TYPES[collection]
    get_one, audit_one = _reading(collection)
    create_one, patch_one = _writing(collection, advocate_fields)
    router.add_api_route(
        f"{path}/{{record_id}}",
        get_one,
        methods=["GET"],
        name=f"get_{noun}",
        response_model=record_type,
        responses=_errors(404, 422),
    )
    router.add_api_route(
        f"{path}/{{record_id}}/audit",
        audit_one,
        methods=["GET"],
        name=f"audit_{noun}",
        response_model=RecordAudit,
        responses=_errors(403, 404, 422),
    )
    router.add_api_route(
        path,
        create_one,
        methods=["POST"],
        name=f"create_{noun}",
        status_code=201,
        response_model=record_type,
        responses=_errors(403, 400, 409, 413, 422),
    )
    router.add_api_route(
        f"{path}/{{record_id}}",
        patch_one,
        methods=["PATCH"],
        name=f"update_{noun}",
        response_model=record_type,
        responses=_errors(403, 400, 404, 409, 412, 413, 422, 428),
    )
    return router


def _reading(collection: Collection) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """The endpoints reading one record of ``collection``: itself, and its audit."""

    def get_one(record_id: UUID, db: DatabaseDep, _who: CurrentAdvocate, response: Response):
        record = service.get_record(db, collection, record_id)
        response.headers["ETag"] = etag(record.version)
        return record

    def audit_one(record_id: UUID, db: DatabaseDep, who: CurrentAdvocate) -> RecordAudit:
        if who.role not in (Role.LEAD, Role.ADMIN):
            raise ApiError(
                403,
                f"Only a lead or admin may read the audit of a {NOUNS[collection]};"
                f" you are signed in as {who.role}.",
            )
        return record_audit(db, collection, record_id, NOUNS[collection])

    get_one.__doc__ = f"One {NOUNS[collection]} by id, with its version as ETag."
    audit_one.__doc__ = (
        f"Every version of a {NOUNS[collection]}, oldest first, with who changed it and"
        " when, from the change feed (leads and admins)."
    )
    return get_one, audit_one


def _writing(
    collection: Collection, advocate_fields: frozenset[str] | None
) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """The endpoints writing records of ``collection``: create, and patch with If-Match;
    each answers a retry with the same Idempotency-Key as it answered the first time."""
    path = f"/{PATHS[collection]}"
    patchable = None if advocate_fields is None else advocate_fields - {"id"}

    def create_one(
        body, request: Request, token: BearerToken, idempotency_key: IdempotencyKey = None
    ):
        writer = _Writer(request, token)

        def check(connection: Connection) -> Checked:
            who = writer.check(connection, body, advocate_fields, creating=True)
            key = check_idempotency_key(idempotency_key)
            return who.id, key, fingerprint("POST", path, body.model_dump_json(exclude_unset=True))

        answer = answer_checked(
            writer.db, check, lambda session: service.create(session, collection, body, writer.who)
        )
        return answer.response()

    def patch_one(
        record_id: UUID,
        body,
        request: Request,
        token: BearerToken,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ):
        writer = _Writer(request, token)
        expected = 0

        def check(connection: Connection) -> Checked:
            nonlocal expected
            who = writer.check(connection, body, patchable, creating=False)
            key = check_idempotency_key(idempotency_key)
            expected = parse_if_match(if_match)
            changes = body.model_dump_json(exclude_unset=True)
            return who.id, key, fingerprint("PATCH", f"{path}/{record_id}", changes, expected)

        def write(session: Session) -> Answer:
            return service.patch(session, collection, record_id, body, expected, writer.who)

        return answer_checked(writer.db, check, write).response()

    # The body types are made at run time, so their annotations are set here.
    create_one.__annotations__.update(body=CREATE_BODIES[collection])
    patch_one.__annotations__.update(body=PATCH_BODIES[collection])
    who_writes = " Leads and admins only." if collection in LEADS_WRITE else ""
    create_one.__doc__ = (
        f"Create a {NOUNS[collection]}; the body may carry the id to use. Its author is"
        f" stamped from the token.{who_writes}"
    )
    patch_one.__doc__ = (
        f"Change some fields of a {NOUNS[collection]} (If-Match: its version); who changed"
        f" it is stamped from the token.{who_writes}"
    )
    return create_one, patch_one


resources_router = APIRouter(tags=["resources"])


@resources_router.get(
    "/resources", name="list_resources", response_model=Page[Resource], responses=_errors(400, 422)
)
def list_resources(
    db: DatabaseDep,
    _who: CurrentAdvocate,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Page[Resource]:
    """The internal people and desks an advocate can dial in, a page at a time."""
    return service.list_records(db, Collection.RESOURCES, limit, cursor)


@resources_router.get(
    "/resources/ranking",
    name="rank_resources",
    response_model=list[ResourceHelp],
    responses=_errors(422),
)
def rank_resources(
    db: DatabaseDep,
    who: CurrentAdvocate,
    category: Annotated[str, Query(min_length=1, max_length=200)],
    product_model: Annotated[str, Query(max_length=200)] = "",
) -> list[ResourceHelp]:
    """How often each resource helped on this category and product model before."""
    return help_counts(db, category, product_model, who.display_name)


cases_router = APIRouter(tags=["cases"])


@cases_router.post(
    "/cases/{record_id}/reopen",
    name="reopen_case",
    response_model=Case,
    responses=_errors(400, 403, 404, 409, 412, 413, 422),
)
def reopen(
    record_id: UUID,
    body: CaseReopen,
    db: DatabaseDep,
    who: CurrentAdvocate,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
):
    """Open a resolved case again, saying why: the resolution that stood is superseded
    (kept, stamped with who and when), so another may be saved. Advocates reopen their
    own and unassigned cases; leads and admins any. If-Match is optional."""
    key = check_idempotency_key(idempotency_key)
    expected = parse_if_match(if_match) if if_match is not None else None
    request = fingerprint("POST", f"/cases/{record_id}/reopen", body.model_dump_json(), expected)
    answer = answer_once(
        db, who.id, key, request, lambda s: reopen_case(s, record_id, body.reason, who, expected)
    )
    return answer.response()


@functools.cache
def all_record_routers() -> tuple[APIRouter, ...]:
    """The routers of every collection, customers' lookups and resources' list included.

    Made once per process: FastAPI's analysis of 36 routes took half a second, paid by
    every app made (each test's server), while the routers hold nothing of an app's own
    (its database and settings come with each request), as the module-level ones do."""
    routers = [resources_router, cases_router]
    routers += [record_router(c, advocate_fields=ADVOCATE_FIELDS.get(c)) for c in Collection]
    return tuple(routers)
