"""Sign-in throttling: five failures, then 429 with Retry-After growing to 15 minutes,
counted per user name and per client address in the database (so every server process
sees them), and forgotten on success. Time passes by the server's clock, not by waiting."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from advocate_console.central.app import create_app
from advocate_console.central.auth.throttle import lock_for
from advocate_console.central.core.settings import CentralSettings

from .conftest import PASSWORD

TOKEN = "/api/v1/auth/token"


def _try(client, username: str = "ada", password: str = "wrong password"):
    return client.post(TOKEN, data={"username": username, "password": password})


def test_five_failures_then_429_even_for_the_right_password_until_the_lock_ends(api):
    for _ in range(5):
        assert _try(api.client).status_code == 401
    locked = _try(api.client, password=PASSWORD)
    assert locked.status_code == 429
    assert locked.headers["Retry-After"] == "60"
    assert locked.json()["detail"] == "Too many failed sign-ins; try again in 1 minute."

    api.clock.advance(timedelta(seconds=30))
    assert _try(api.client, password=PASSWORD).headers["Retry-After"] == "30"
    api.clock.advance(timedelta(seconds=30))
    assert _try(api.client, password=PASSWORD).status_code == 200

    # The success forgot the failures: five more before the next lock.
    for _ in range(5):
        assert _try(api.client).status_code == 401
    assert _try(api.client).status_code == 429


def test_each_failure_after_a_lock_doubles_it_up_to_fifteen_minutes(api):
    for _ in range(5):
        _try(api.client)
    waits = []
    for _ in range(6):
        refused = _try(api.client)
        seconds = int(refused.headers["Retry-After"])
        waits.append(seconds)
        api.clock.advance(timedelta(seconds=seconds))
        assert _try(api.client).status_code == 401  # one more guess once the lock ends
    assert waits == [60, 120, 240, 480, 900, 900]
    assert _try(api.client).json()["detail"] == "Too many failed sign-ins; try again in 15 minutes."
    assert [lock_for(n) for n in (4, 5, 9, 40)] == [
        None,
        timedelta(minutes=1),
        timedelta(minutes=15),
        timedelta(minutes=15),
    ]


def test_an_hour_without_failures_forgets_them(api):
    for _ in range(4):
        _try(api.client)
    api.clock.advance(timedelta(hours=1))
    for _ in range(4):
        assert _try(api.client).status_code == 401
    assert _try(api.client, password=PASSWORD).status_code == 200


def test_failures_from_one_address_count_across_user_names(api):
    # Five names, one wrong password each, from the same address (password spraying).
    for name in ("ada", "lee", "ann", "nobody", "somebody"):
        assert _try(api.client, name).status_code == 401
    refused = _try(api.client, "lee", PASSWORD)
    assert refused.status_code == 429
    assert "Retry-After" in refused.headers


def test_every_server_process_sees_the_same_counts(api):
    other = create_app(
        CentralSettings(database_url=api.url, migrate_on_startup=False, clock=api.clock)
    )
    with TestClient(other) as second:
        for client in (api.client, second, api.client, second, api.client):
            assert _try(client).status_code == 401
        assert _try(second, password=PASSWORD).status_code == 429


def test_a_wrong_current_password_counts_as_a_failed_sign_in(api):
    for _ in range(5):
        wrong = api.client.post(
            "/api/v1/me/password",
            json={"current_password": "guess", "new_password": "a new long passphrase"},
            headers=api.auth(),
        )
        assert wrong.status_code == 403
    assert _try(api.client, password=PASSWORD).status_code == 429


def test_thirty_wrong_passwords_in_a_row_are_not_all_answered(api):
    statuses = [_try(api.client).status_code for _ in range(30)]
    assert statuses == [401] * 5 + [429] * 25
