"""Schemathesis throws generated valid and invalid requests at every operation: no 5xx."""

from __future__ import annotations

from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from advocate_console.central.app import create_app
from advocate_console.central.core.settings import CentralSettings
from advocate_console.domain import Role

from .conftest import USERS, mint_tokens

EXAMPLES_PER_MODE = 25


@pytest.mark.slow
def test_no_generated_request_gets_a_server_error(database_url):
    app = create_app(CentralSettings(database_url=database_url, migrate_on_startup=False))
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    # The event stream answers forever by design; its own tests cover it.
    operations = [
        op
        for op in (result.ok() for result in schema.get_all_operations())
        if not op.path.endswith("/events/stream")
    ]
    assert len(operations) > 30
    # One token per operation: fuzzing sign-out revokes its own token, nobody else's.
    admin = USERS[Role.ADMIN]
    tokens = mint_tokens(app.state.database, [admin] * len(operations), timedelta(hours=1))
    failures: list[str] = []
    for operation, token in zip(operations, tokens, strict=True):
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _fuzz(operation, mode, {"Authorization": f"Bearer {token}"}, failures)
            except Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE  # nothing in it can be made invalid
    assert failures == []


def _fuzz(operation, mode: GenerationMode, headers: dict[str, str], failures: list[str]) -> None:
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
        response = case.call(headers=headers)
        if response.status_code >= 500:
            failures.append(f"{operation.label}: {response.status_code} {response.text[:200]}")

    call()
