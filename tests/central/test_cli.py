"""advocate-central's commands: messages and exit statuses, good and bad."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from advocate_console.central import cli
from advocate_console.central.auth.service import bearer_for_token, sign_in
from advocate_console.central.core.database import Database
from advocate_console.central.core.errors import ApiError

PASSWORD = "a long enough passphrase"


def _run(monkeypatch, argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(argv)


def test_create_user_reads_the_password_from_stdin_and_refuses_a_duplicate(
    monkeypatch, capsys, tmp_path
):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    argv = ["create-user", "pat", "--role", "lead", "--display-name", "Pat Lee", "--database", url]
    assert _run(monkeypatch, argv, f"{PASSWORD}\nignored\n") == 0
    assert "Created lead" in capsys.readouterr().err
    db = Database(url)
    token = sign_in(db, "pat", PASSWORD, timedelta(minutes=5))
    assert token.advocate.display_name == "Pat Lee"
    db.dispose()

    assert _run(monkeypatch, argv, "another long passphrase\n") == 1
    assert "already a user called" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("password", "reason"),
    [("", "cannot be empty"), ("s3cret", "at least 12"), ("qwerty123456", "most common")],
)
def test_create_user_refuses_a_weak_password_saying_why(
    monkeypatch, capsys, tmp_path, password, reason
):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    argv = ["create-user", "pat", "--role", "admin", "--database", url]
    assert _run(monkeypatch, argv, f"{password}\n") == 1
    assert reason in capsys.readouterr().err


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


def test_account_commands_list_change_reset_and_sign_out_users(monkeypatch, capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    db_option = ["--database", url]
    for name, role in (("ann", "admin"), ("pat", "advocate")):
        assert _run(monkeypatch, ["create-user", name, "--role", role, *db_option], PASSWORD) == 0
    db = Database(url)
    pats_token = sign_in(db, "pat", PASSWORD, timedelta(hours=1)).access_token
    capsys.readouterr()

    assert _run(monkeypatch, ["list-users", *db_option]) == 0
    assert capsys.readouterr().out.splitlines() == ["ann\tadmin\tann", "pat\tadvocate\tpat"]

    changes = ["--display-name", "Pat Lee", "--role", "lead", "--disable"]
    assert _run(monkeypatch, ["change-user", "pat", *changes, *db_option]) == 0
    assert "pat\tlead\tPat Lee (disabled)" in capsys.readouterr().err
    assert _run(monkeypatch, ["change-user", "ann", "--disable", *db_option]) == 1
    assert "only active admin" in capsys.readouterr().err
    assert _run(monkeypatch, ["change-user", "nobody", "--enable", *db_option]) == 1
    assert "no user called" in capsys.readouterr().err
    assert _run(monkeypatch, ["change-user", "pat", "--enable", *db_option]) == 0

    assert _run(monkeypatch, ["reset-password", "pat", *db_option], "short\n") == 1
    assert "at least 12" in capsys.readouterr().err
    assert _run(monkeypatch, ["reset-password", "pat", *db_option], "given by the admin\n") == 0
    token = sign_in(db, "pat", "given by the admin", timedelta(hours=1))
    assert token.password_change_required

    assert _run(monkeypatch, ["sign-out-everywhere", "pat", "--wipe", *db_option]) == 0
    assert "out of 1 session; their consoles erase" in capsys.readouterr().err
    for old in (pats_token, token.access_token):
        with pytest.raises(ApiError) as refused:
            bearer_for_token(db, old)
        assert refused.value.wipe
    db.dispose()


def test_seed_makes_the_demo_logins_only_when_asked_and_never_beside_real_users(
    monkeypatch, capsys, tmp_path
):
    plain = f"sqlite:///{tmp_path / 'plain.sqlite'}"
    assert _run(monkeypatch, ["seed", "--customers", "2", "--database", plain]) == 0
    assert _run(monkeypatch, ["list-users", "--database", plain]) == 0
    assert capsys.readouterr().out == ""

    real = f"sqlite:///{tmp_path / 'real.sqlite'}"
    assert (
        _run(monkeypatch, ["create-user", "ann", "--role", "admin", "--database", real], PASSWORD)
        == 0
    )
    argv = ["seed", "--customers", "2", "--demo-users", "--database", real]
    assert _run(monkeypatch, argv) == 1
    assert "already has 1 user besides the demo logins" in capsys.readouterr().err

    demo = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert _run(monkeypatch, ["seed", "--customers", "2", "--demo-users", "--database", demo]) == 0
    db = Database(demo)
    assert sign_in(db, "demo", "demo", timedelta(hours=1)).advocate.role == "advocate"
    assert sign_in(db, "lead", "lead", timedelta(hours=1)).advocate.role == "lead"
    db.dispose()


def test_seeding_twice_is_refused_with_exit_1(monkeypatch, capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    assert _run(monkeypatch, ["seed", "--customers", "5", "--database", url]) == 0
    assert _run(monkeypatch, ["seed", "--customers", "5", "--database", url]) == 1
    assert "already holds" in capsys.readouterr().err
