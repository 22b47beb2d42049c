"""How one central server is set up: where its database is and how long tokens live."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

import platformdirs
from pydantic import ValidationError

from advocate_console.domain.authority import AuthorityLimits

from .clock import Clock

APP_NAME = "advocate-console"


def default_database_url() -> str:
    """A SQLite file in the user data dir, the server's database when none is given."""
    path = Path(platformdirs.user_data_dir(APP_NAME)) / "central.sqlite"
    return f"sqlite:///{path}"


@dataclass(frozen=True, slots=True)
class CentralSettings:
    """Everything a central server needs to know at start-up."""

    database_url: str
    token_lifetime: timedelta = timedelta(hours=12)
    # A bulk import of 1000 customers is well under this; anything larger is refused with 413.
    max_body_bytes: int = 2 * 1024 * 1024
    max_import: int = 1000
    # Tests start from an already migrated template database and skip this.
    migrate_on_startup: bool = True
    # What "now" is for tokens and sign-in throttling; tests move a SettableClock forward.
    clock: Clock = field(default_factory=Clock)
    # Database connections each worker process may hold (PostgreSQL): a pool of this
    # size plus as many again in bursts. Size it so that workers × 2 × pool_size stays
    # under PostgreSQL's max_connections.
    pool_size: int = 10
    # Idempotency keys older than this are pruned (a client retries within minutes), as
    # are tokens this long past their expiry or revocation.
    retention: timedelta = timedelta(days=7)
    # How often a console may be told "changes are waiting" while writes keep coming.
    changes_waiting_gap: timedelta = timedelta(seconds=3)
    # Every advocate's authority until a lead sets their own (PUT /users/{id}/authority).
    authority_defaults: AuthorityLimits = field(default_factory=AuthorityLimits)


# How `advocate-central serve` hands its settings to worker processes (and how a systemd
# unit may set them): the database URL may carry a password, so never on a command line
# that every user of the machine can read in `ps`.
ENV_DATABASE = "ADVOCATE_CENTRAL_DATABASE"
ENV_POOL_SIZE = "ADVOCATE_CENTRAL_POOL_SIZE"
ENV_RETENTION_DAYS = "ADVOCATE_CENTRAL_RETENTION_DAYS"
# JSON of the limits to change, e.g. {"per_case_cents": 30000, "monthly_cents": 300000}.
ENV_AUTHORITY = "ADVOCATE_CENTRAL_AUTHORITY_DEFAULTS"


def settings_from_environment(environ: Mapping[str, str] | None = None) -> CentralSettings:
    """The settings named by ``ADVOCATE_CENTRAL_*`` variables (the database is required)."""
    environ = os.environ if environ is None else environ
    url = environ.get(ENV_DATABASE) or default_database_url()
    settings = CentralSettings(database_url=url, migrate_on_startup=False)
    if environ.get(ENV_POOL_SIZE):
        settings = replace(settings, pool_size=int(environ[ENV_POOL_SIZE]))
    if environ.get(ENV_RETENTION_DAYS):
        days = float(environ[ENV_RETENTION_DAYS])
        settings = replace(settings, retention=timedelta(days=days))
    if environ.get(ENV_AUTHORITY):
        try:
            defaults = AuthorityLimits.model_validate_json(environ[ENV_AUTHORITY])
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "the value"
            raise ValueError(f"{ENV_AUTHORITY}: {where}: {first['msg']}") from None
        settings = replace(settings, authority_defaults=defaults)
    return settings
