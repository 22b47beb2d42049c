"""The change feed clients sync from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from advocate_console.api.schemas import MAX_CHANGES_PAGE, ChangePage, ErrorBody
from advocate_console.central.auth.dependencies import BearerToken, advocate_on
from advocate_console.central.core.http import MAX_INT64
from advocate_console.central.core.reads import read_now

from .service import long_to_read, read_changes, read_changes_at_once

router = APIRouter(tags=["changes"])


@router.get(
    "/changes",
    name="list_changes",
    response_model=ChangePage,
    responses={code: {"model": ErrorBody} for code in (401, 422)},
)
async def changes(
    request: Request,
    token: BearerToken,
    since: Annotated[
        int, Query(ge=0, le=MAX_INT64, description="next_cursor of the last page")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_CHANGES_PAGE)] = 100,
) -> Response:
    """Every create and update after ``since``, in commit order."""
    # On the event loop, as caller search is (see customers/routes.py): two short indexed
    # reads. A page with a hole to wait out is read again on a thread (it may wait for
    # writers to commit). Written from the stored records, never re-validated here;
    # response_model above still documents the shape, which is exactly ChangePage's.
    db = request.app.state.database
    clock = request.app.state.settings.clock

    def check(connection) -> None:
        advocate_on(connection, token, clock)

    if long_to_read(db, since, limit):  # (the token checked on the thread's connection)
        page = await run_in_threadpool(read_changes, db, since, limit, check)
        return Response(page, media_type="application/json")

    def read() -> bytes | None:
        with db.connect() as connection:
            check(connection)
            return read_changes_at_once(db, connection, since, limit)

    page = await read_now(db, read)
    if page is None:
        page = await run_in_threadpool(read_changes, db, since, limit)
    return Response(page, media_type="application/json")
