"""The health check (the process is up) and the readiness check (its database answers)."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

import advocate_console
from advocate_console.api.schemas import ErrorBody, Health
from advocate_console.central.core.deps import DatabaseDep
from advocate_console.central.core.errors import ApiError

log = logging.getLogger(__name__)

router = APIRouter(tags=["health"])


@router.get("/health", name="health", response_model=Health)
def health() -> Health:
    """The server is up; which version it runs."""
    return Health(status="ok", version=advocate_console.__version__)


@router.get(
    "/ready",
    name="ready",
    response_model=Health,
    responses={503: {"model": ErrorBody, "description": "The database is not reachable"}},
)
def ready(db: DatabaseDep) -> Health:
    """The server can answer: its database takes a query (for load balancers and systemd)."""
    try:
        with db.read() as session:
            session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        log.warning("not ready: %s", error)
        raise ApiError(503, "The database is not reachable; this server cannot answer.") from None
    return Health(status="ready", version=advocate_console.__version__)
