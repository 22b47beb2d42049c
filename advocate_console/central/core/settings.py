"""How one central server is set up: where its database is and how long tokens live."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import platformdirs

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
