"""The change feed clients sync from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from advocate_console.api.schemas import MAX_CHANGES_PAGE, ChangePage, ErrorBody
from advocate_console.central.auth.dependencies import CurrentAdvocate
from advocate_console.central.core.deps import DatabaseDep
from advocate_console.central.core.http import MAX_INT64

from .service import read_changes

router = APIRouter(tags=["changes"])


@router.get(
    "/changes",
    name="list_changes",
    response_model=ChangePage,
    responses={code: {"model": ErrorBody} for code in (401, 422)},
)
def changes(
    db: DatabaseDep,
    _who: CurrentAdvocate,
    since: Annotated[
        int, Query(ge=0, le=MAX_INT64, description="next_cursor of the last page")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_CHANGES_PAGE)] = 100,
) -> Response:
    """Every create and update after ``since``, in commit order."""
    # Written from the stored records, never re-validated here; response_model above
    # still documents the shape, which is exactly ChangePage's.
    return Response(read_changes(db, since, limit), media_type="application/json")
