"""advocate-central's commands: messages and exit statuses, good and bad."""

from __future__ import annotations

import io

import pytest

from advocate_console.central import cli
from advocate_console.central.auth.service import sign_in
from advocate_console.central.core.database import Database


def _run(monkeypatch, argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(argv)


def test_create_user_reads_the_password_from_stdin_and_refuses_a_duplicate(
    monkeypatch, capsys, tmp_path
):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    argv = ["create-user", "pat", "--role", "lead", "--display-name", "Pat Lee", "--database", url]
    assert _run(monkeypatch, argv, "s3cret\nignored\n") == 0
    assert "Created lead" in capsys.readouterr().err
    db = Database(url)
    token = sign_in(db, "pat", "s3cret", __import__("datetime").timedelta(minutes=5))
    assert token.advocate.display_name == "Pat Lee"
    db.dispose()

    assert _run(monkeypatch, argv, "other\n") == 1
    assert "already a user called" in capsys.readouterr().err


def test_create_user_refuses_an_empty_password(monkeypatch, capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    assert (
        _run(monkeypatch, ["create-user", "pat", "--role", "admin", "--database", url], "\n") == 1
    )
    assert "password" in capsys.readouterr().err


@pytest.mark.parametrize(
    "url",
    ["not a url", "postgresql+psycopg://nobody@127.0.0.1:1/none", "nosuchdriver://x/y"],
)
def test_a_bad_or_unreachable_database_exits_2_with_a_message(monkeypatch, capsys, url):
    status = _run(monkeypatch, ["create-user", "pat", "--role", "admin", "--database", url], "pw\n")
    assert status == 2
    assert capsys.readouterr().err.startswith("advocate-central: ")


def test_an_unknown_role_is_a_usage_error(monkeypatch):
    with pytest.raises(SystemExit) as exit_:
        _run(monkeypatch, ["create-user", "pat", "--role", "boss"])
    assert exit_.value.code == 2


@pytest.mark.parametrize(
    "argv", [["serve", "--port", "0"], ["seed", "--customers", "1"]], ids=["serve", "seed"]
)
def test_serve_and_seed_also_report_an_unreachable_database(monkeypatch, capsys, argv):
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    assert _run(monkeypatch, [*argv, "--database", url]) == 2
    assert "Cannot reach the database" in capsys.readouterr().err


def test_the_default_database_is_a_sqlite_file_in_the_user_data_dir(monkeypatch, tmp_path):
    from advocate_console.central.core.settings import default_database_url

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_database_url() == f"sqlite:///{tmp_path / 'advocate-console' / 'central.sqlite'}"


def test_seeding_twice_is_refused_with_exit_1(monkeypatch, capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    assert _run(monkeypatch, ["seed", "--customers", "5", "--database", url]) == 0
    assert _run(monkeypatch, ["seed", "--customers", "5", "--database", url]) == 1
    assert "already holds" in capsys.readouterr().err
