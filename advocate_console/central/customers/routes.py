"""Caller search, a customer's history, and bulk import."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response

from advocate_console.api.schemas import CREATE_BODIES, MAX_PAGE, ErrorBody, ImportResult, Page
from advocate_console.central.auth.dependencies import BearerToken, LeadOrAdmin, advocate_on
from advocate_console.central.core.deps import DatabaseDep, SettingsDep
from advocate_console.central.core.http import check_idempotency_key
from advocate_console.central.core.reads import read_now
from advocate_console.central.idempotency.service import answer_once, fingerprint
from advocate_console.central.records.routes import IdempotencyKey
from advocate_console.domain import Collection, Customer, History
from advocate_console.domain.search import MAX_QUERY_LENGTH

from . import service
from .search import search_page

router = APIRouter(tags=["customers"])
CustomerCreate = CREATE_BODIES[Collection.CUSTOMERS]


# The token is checked in the route, on the connection it reads with, not by
# CurrentAdvocate (see auth.dependencies.advocate_on). These routes run on the event
# loop: a few short indexed reads (a millisecond on the database), where handing each
# request to a thread and back cost more CPU than the whole read (py-spy: 15% of a
# search-only worker in Condition.notify alone; CPU a search 2.17 -> 1.86 ms). Anything
# that may wait (the feed's settling, writes) stays on threads. response_model documents
# the answer, which is written from the stored records (search.py, service.py).
@router.get(
    "/customers",
    name="search_customers",
    response_model=Page[Customer],
    responses={code: {"model": ErrorBody} for code in (400, 401, 422)},
)
async def search(
    request: Request,
    token: BearerToken,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_QUERY_LENGTH,
            description="A phone number (any format, vanity letters too), e-mail, serial"
            " number, case number or the start of a name; empty lists every customer.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
) -> Response:
    """Find the caller by whatever they told the advocate."""
    state = request.app.state

    def read() -> bytes:
        with state.database.connect() as connection:
            advocate_on(connection, token, state.settings.clock)
            return search_page(connection, q, limit, cursor)

    return _json(await read_now(state.database, read))


@router.get(
    "/customers/{customer_id}/history",
    name="get_customer_history",
    response_model=History,
    responses={code: {"model": ErrorBody} for code in (401, 404, 422)},
)
async def history(customer_id: UUID, request: Request, token: BearerToken) -> Response:
    """The customer with products, cases, interactions, resolutions, follow-ups and cards."""
    state = request.app.state

    def read() -> bytes:
        with state.database.connect() as connection:
            advocate_on(connection, token, state.settings.clock)
            return service.history_json(connection, customer_id)

    return _json(await read_now(state.database, read))


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


@router.post(
    "/customers/import",
    name="import_customers",
    status_code=201,
    response_model=ImportResult,
    responses={code: {"model": ErrorBody} for code in (400, 401, 403, 409, 413, 422)},
)
def import_customers(
    body: list[CustomerCreate],  # type: ignore[valid-type]
    db: DatabaseDep,
    settings: SettingsDep,
    who: LeadOrAdmin,
    idempotency_key: IdempotencyKey = None,
):
    """Create many customers at once, all or none (leads and admins)."""
    key = check_idempotency_key(idempotency_key)
    request = fingerprint(
        "POST",
        "/customers/import",
        "[" + ",".join(b.model_dump_json(exclude_unset=True) for b in body) + "]",
    )
    answer = answer_once(
        db,
        who.id,
        key,
        request,
        lambda s: service.import_customers(s, body, settings.max_import, who),
    )
    return answer.response()
