"""The health check load balancers and the embedded server's start-up poll."""

from __future__ import annotations

from fastapi import APIRouter

import advocate_console
from advocate_console.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", name="health", response_model=Health)
def health() -> Health:
    """The server is up; which version it runs."""
    return Health(status="ok", version=advocate_console.__version__)
