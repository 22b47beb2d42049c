"""Tokens in a real Secret Service keyring, and never anywhere else."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring.backends.fail
import pytest

from advocate_console.auth import SavedSession, TokenVault, is_secure
from advocate_console.domain import Advocate

ADVOCATE = Advocate(
    id="00000000-0000-4000-8000-000000000001", username="demo", display_name="Maya Castellanos"
)


def saved(token: str = "t0ken-secret-value", hours: float = 12) -> SavedSession:
    return SavedSession(
        server_url="https://advocates.example.com",
        username="demo",
        token=token,
        expires_at=datetime.now(UTC) + timedelta(hours=hours),
        advocate=ADVOCATE,
    )


def test_a_token_round_trips_through_the_secret_service(secret_service):
    vault = TokenVault(secret_service)
    assert vault.secure and vault.warning is None
    vault.save(saved())

    again = TokenVault(secret_service).load("https://advocates.example.com/", "demo")

    assert again.token == "t0ken-secret-value" and again.advocate == ADVOCATE
    assert "t0ken" not in repr(again)


def test_one_entry_per_server_and_user(secret_service):
    vault = TokenVault(secret_service)
    vault.save(saved("first"))
    vault.save(
        SavedSession("https://other.example.com", "demo", "second", saved().expires_at, ADVOCATE)
    )
    assert vault.load("https://advocates.example.com", "demo").token == "first"
    assert vault.load("https://other.example.com", "demo").token == "second"
    assert vault.load("https://advocates.example.com", "someone-else") is None


def test_sign_out_deletes_the_entry(secret_service):
    vault = TokenVault(secret_service)
    vault.save(saved())
    vault.delete("https://advocates.example.com", "demo")
    assert TokenVault(secret_service).load("https://advocates.example.com", "demo") is None
    vault.delete("https://advocates.example.com", "demo")  # twice is fine


def test_an_expired_token_is_not_returned_and_is_removed(secret_service):
    vault = TokenVault(secret_service)
    vault.save(saved(hours=-1))
    assert vault.load("https://advocates.example.com", "demo") is None
    assert (
        secret_service.get_password("advocate-console", "demo@https://advocates.example.com")
        is None
    )


def test_the_keyring_keeps_the_token_encrypted_on_disk(secret_service):
    TokenVault(secret_service).save(saved("needle-5f3a9c"))
    home = os.environ["HOME"]  # the private keyring's home, set by the fixture
    assert list(Path(home).rglob("*.keyring")), "the keyring wrote no file to check"
    found = subprocess.run(["grep", "-rl", "needle-5f3a9c", home], capture_output=True, text=True)
    assert found.stdout == ""


def test_without_a_secure_keyring_the_token_stays_in_memory_only():
    vault = TokenVault(keyring.backends.fail.Keyring())
    assert not vault.secure
    assert "sign in each time" in vault.warning
    vault.save(saved())
    assert vault.load("https://advocates.example.com", "demo").token == "t0ken-secret-value"
    assert (
        TokenVault(keyring.backends.fail.Keyring()).load("https://advocates.example.com", "demo")
        is None
    )


@pytest.mark.parametrize(
    ("module", "secure"),
    [
        ("keyring.backends.fail", False),
        ("keyrings.alt.file", False),
        ("keyring.backends.SecretService", True),
        ("keyring.backends.macOS", True),
    ],
)
def test_plaintext_and_fail_backends_are_not_secure(module, secure):
    fake = type("Keyring", (), {"__module__": module, "priority": 1})()
    assert is_secure(fake) is secure
