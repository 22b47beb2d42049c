"""Signing in against the real server, with the token kept in a real keyring."""

from __future__ import annotations

import pytest

from advocate_console.auth import (
    SignInError,
    TokenVault,
    check_server_url,
    resume,
    sign_in,
    sign_out,
)


def test_sign_in_keeps_the_token_and_the_next_start_resumes(server, secret_service):
    vault = TokenVault(secret_service)
    signed = sign_in(server.url + "/", "demo", "demo", vault)
    assert signed.session.advocate.username == "demo"
    signed.client.close()

    again = resume(server.url, "demo", TokenVault(secret_service))

    assert again is not None and again.client.me().username == "demo"
    sign_out(again, vault)
    assert resume(server.url, "demo", TokenVault(secret_service)) is None


def test_a_token_revoked_elsewhere_brings_the_sign_in_back(server, secret_service):
    vault = TokenVault(secret_service)
    signed = sign_in(server.url, "demo", "demo", vault)
    signed.client.sign_out()  # revoked on the server, still in the keyring

    assert resume(server.url, "demo", vault) is None
    assert vault.load(server.url, "demo") is None


def test_offline_a_saved_token_is_trusted(server, secret_service, proxy):
    vault = TokenVault(secret_service)
    sign_in(proxy.url, "demo", "demo", vault).client.close()
    proxy.set("refuse")

    offline = resume(proxy.url, "demo", vault)

    assert offline is not None and offline.session.advocate.username == "demo"


@pytest.mark.parametrize(
    ("user", "password", "words"),
    [("demo", "wrong", "do not match"), ("nobody", "demo", "do not match"), ("", "x", "Enter")],
)
def test_bad_credentials_say_so(server, user, password, words):
    with pytest.raises(SignInError, match=words):
        sign_in(server.url, user, password, TokenVault())


def test_an_unreachable_server_says_so(proxy):
    proxy.set("refuse")
    with pytest.raises(SignInError, match="Cannot reach"):
        sign_in(proxy.url, "demo", "demo", TokenVault())


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://advocates.example.com/", True),
        ("http://127.0.0.1:8765", True),
        ("http://localhost:8765", True),
        ("http://advocates.example.com", False),
        ("advocates.example.com", False),
        ("ftp://x", False),
    ],
)
def test_server_addresses_must_be_encrypted_off_this_computer(url, ok):
    if ok:
        assert check_server_url(url) == url.rstrip("/")
    else:
        with pytest.raises(SignInError):
            check_server_url(url)
