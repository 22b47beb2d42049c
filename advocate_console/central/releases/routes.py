"""``GET /releases/{channel}``: what the update notice compares the console's version with."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from advocate_console.api.schemas import ErrorBody, Release
from advocate_console.central.auth.dependencies import CurrentAdvocate
from advocate_console.central.core.deps import DatabaseDep
from advocate_console.domain.releases import CHANNEL_PATTERN

from .service import current_release

router = APIRouter(tags=["releases"])


@router.get(
    "/releases/{channel}",
    name="current_release",
    response_model=Release,
    responses={code: {"model": ErrorBody} for code in (401, 404, 422)},
)
def release(
    db: DatabaseDep,
    _who: CurrentAdvocate,
    channel: Annotated[
        str, Path(pattern=CHANNEL_PATTERN, max_length=64, description="e.g. stable, beta")
    ],
) -> Release:
    """The current release on ``channel``; consoles check it after sign-in and daily."""
    return current_release(db, channel)
