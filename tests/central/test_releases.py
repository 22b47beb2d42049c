"""Releases: published with the admin command, read by consoles over loopback HTTP."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from advocate_console.api import CentralClient, Rejected, SignedOut
from advocate_console.central import cli


def publish(monkeypatch, server, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    return cli.main(["publish-release", "--database", server.database_url, *args])


def test_a_published_release_is_what_consoles_read(monkeypatch, capsys, server, client):
    before = datetime.now(UTC)
    notes = "https://advocates.example.com/releases/0.2.0"
    assert (
        publish(
            monkeypatch, server, "--channel", "beta", "--version", "0.2.0", "--notes-url", notes
        )
        == 0
    )
    assert "Published 0.2.0 on “beta”" in capsys.readouterr().err

    release = client.current_release("beta")
    assert (release.channel, release.version, release.notes_url) == ("beta", "0.2.0", notes)
    assert before <= release.published_at <= datetime.now(UTC)

    # Publishing again replaces the channel's release; other channels are untouched.
    assert (
        publish(
            monkeypatch, server, "--channel", "beta", "--version", "0.2.1", "--notes-url", notes
        )
        == 0
    )
    assert client.current_release("beta").version == "0.2.1"
    assert client.current_release("nightly-unpublished") is None


def test_a_channel_that_cannot_exist_is_refused_with_a_reason(client):
    with pytest.raises(Rejected) as refused:
        client.current_release("Not A Channel!")
    assert refused.value.status == 422
    assert "channel" in str(refused.value)


def test_only_signed_in_consoles_may_ask(server):
    anonymous = CentralClient(server.url, token="not-a-token", retries=0)
    with pytest.raises(SignedOut):
        anonymous.current_release("stable")
    anonymous.close()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["--channel", "Stable", "--version", "1.0", "--notes-url", "https://x.example/n"],
            "--channel",
        ),
        (
            ["--channel", "stable", "--version", "v1", "--notes-url", "https://x.example/n"],
            "--version",
        ),
        (["--channel", "stable", "--version", "1.0", "--notes-url", "notes.txt"], "--notes-url"),
        (
            ["--channel", "stable", "--version", "1.0", "--notes-url", "http://x.example/n"],
            "https://",
        ),
        (
            ["--channel", "stable", "--version", "1.0", "--notes-url", "javascript:alert(1)"],
            "https://",
        ),
    ],
)
def test_publishing_refuses_bad_input_and_says_which(
    monkeypatch, capsys, server, client, args, says
):
    assert publish(monkeypatch, server, *args) == 1
    assert says in capsys.readouterr().err
    assert client.current_release("stable") is None
