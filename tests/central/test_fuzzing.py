"""Schemathesis throws generated valid and invalid requests at every operation: no 5xx,
on SQLite and on PostgreSQL (each generated request goes to a server on each)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from advocate_console.central.app import create_app
from advocate_console.central.core.settings import CentralSettings
from advocate_console.domain import Role

from .conftest import USERS, mint_tokens

EXAMPLES_PER_MODE = 25


@dataclass
class Server:
    """One server the generated requests go to, with an admin token per operation (fuzzing
    sign-out revokes its own token, nobody else's)."""

    app: FastAPI
    tokens: list[str]

    @classmethod
    def on(cls, database_url: str) -> Server:
        """A server on ``database_url`` (tokens come once the operations are known)."""
        settings = CentralSettings(database_url=database_url, migrate_on_startup=False)
        return cls(create_app(settings), [])

    def mint(self, operations: int) -> None:
        """An admin token for each of ``operations`` operations."""
        admin = [USERS[Role.ADMIN]] * operations
        self.tokens = mint_tokens(self.app.state.database, admin, timedelta(hours=1))


@pytest.mark.slow
@pytest.mark.postgres
def test_no_generated_request_gets_a_server_error(sqlite_url, postgresql_url):
    # The same requests to both dialects: generating them is most of the work.
    servers = [Server.on(url) for url in (sqlite_url, postgresql_url)]
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", servers[0].app)
    # The event stream answers forever by design; its own tests cover it.
    operations = [
        op
        for op in (result.ok() for result in schema.get_all_operations())
        if not op.path.endswith("/events/stream")
    ]
    assert len(operations) > 30
    for server in servers:
        server.mint(len(operations))
    failures: list[str] = []
    for index, operation in enumerate(operations):
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _fuzz(operation, mode, servers, index, failures)
            except Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE  # nothing in it can be made invalid
    assert failures == []


def _fuzz(operation, mode, servers: list[Server], index: int, failures: list[str]) -> None:
    @given(case=operation.as_strategy(mode))
    @settings(
        max_examples=EXAMPLES_PER_MODE,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def call(case) -> None:
        for server in servers:
            headers = {"Authorization": f"Bearer {server.tokens[index]}"}
            response = case.call(headers=headers, app=server.app)
            if response.status_code >= 500:
                dialect = server.app.state.database.writer.dialect.name
                failures.append(
                    f"{operation.label} on {dialect}: {response.status_code} {response.text[:200]}"
                )

    call()
