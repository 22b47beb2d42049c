"""Each kind of wrong server address gets its own plain message in the sign-in dialog,
tested against a real server of that kind; the password never goes to one of them, and
nothing says "it will retry" where nothing does."""

from __future__ import annotations

import pytest

from advocate_console.api.address import AddressProblem, check_address
from advocate_console.auth import TokenVault
from advocate_console.ui.sign_in_dialog import SignInDialog
from tests.plumbing import free_port
from tests.wrong_servers import wrong_server

NOT_OURS = "That address answers, but not as an Advocate Console server: check the address."


def try_signing_in(qtbot, url: str) -> SignInDialog:
    dialog = SignInDialog(TokenVault(memory_only=True), url, "demo")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.password.setText("demo")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=20_000)
    return dialog


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("html", "That address answers with a web page, not as an Advocate Console server"),
        ("not_found", NOT_OURS),  # python -m http.server: 404 at /api/v1/health
        ("json", NOT_OURS),
        ("tls", "cannot be made secure: its certificate is not trusted"),
    ],
)
def test_a_server_that_is_not_ours_is_named_for_what_it_is(qtbot, tmp_path, kind, words):
    with wrong_server(kind, tmp_path) as (url, requests_seen):
        dialog = try_signing_in(qtbot, url)
        said = dialog.message.text()
        assert words in said
        assert "retry" not in said and "(501)" not in said
        assert dialog.focusWidget() is dialog.server  # the address is what to fix
        # The password went nowhere: the only request asked for the API's health.
        assert "POST" not in requests_seen.read_text()
        if kind != "tls":  # the TLS one never got as far as a request
            assert requests_seen.read_text().split("\n")[0] == "GET /api/v1/health"


def test_a_closed_port_says_nothing_listens_there(qtbot):
    port = free_port()
    dialog = try_signing_in(qtbot, f"http://127.0.0.1:{port}")
    said = dialog.message.text()
    assert said.startswith(f"Nothing answers at 127.0.0.1:{port}: the computer is there")
    assert "retry" not in said


def test_a_name_no_computer_has_says_so(qtbot):
    dialog = try_signing_in(qtbot, "https://advocates.example.invalid")
    assert dialog.message.text().startswith("There is no computer called advocates.example.invalid")


def test_https_to_a_plain_http_server_is_a_tls_problem(qtbot, server):
    url = server.url.replace("http://", "https://")
    assert check_address(server.url).version  # the real server answers as ours
    with pytest.raises(Exception) as refused:
        check_address(url)
    assert refused.value.problem is AddressProblem.TLS


def test_a_failing_server_at_sign_in_does_not_promise_a_retry(qtbot, proxy):
    proxy.set("respond", canned="503")
    dialog = try_signing_in(qtbot, proxy.url)
    said = dialog.message.text()
    assert said.startswith("The server at 127.0.0.1:")
    assert "try again in a few minutes" in said and "retry" not in said
