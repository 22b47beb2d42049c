"""FastAPI dependencies every feature shares: the database, the settings and the clock."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from .clock import Clock
from .database import Database
from .settings import CentralSettings


# async: FastAPI runs a plain def dependency on its thread pool, a hand-over to a thread
# and back for what is only an attribute read (py-spy: a tenth of the workers' CPU went
# to those hand-overs).
async def get_database(request: Request) -> Database:
    """The database of the app serving this request."""
    return request.app.state.database


async def get_settings(request: Request) -> CentralSettings:
    """The settings of the app serving this request."""
    return request.app.state.settings


async def get_clock(request: Request) -> Clock:
    """What "now" is for the app serving this request (tests may set it)."""
    return request.app.state.settings.clock


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[CentralSettings, Depends(get_settings)]
ClockDep = Annotated[Clock, Depends(get_clock)]
