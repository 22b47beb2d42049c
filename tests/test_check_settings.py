"""``advocate-console --check-settings``: a settings file checked before IT rolls it out."""

from __future__ import annotations

import io
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from advocate_console.check_settings import run_check, run_preset
from advocate_console.settings import LOCKABLE, MANAGED_SETTINGS_ENV
from advocate_console.settings_layers import load_layers

CONSOLE_SCRIPT = Path(sys.executable).with_name("advocate-console")
GOOD = """\
schema_version = 1
locked = ["api_url", "dial_mode"]
api_url = "https://advocates.example.com"
dial_mode = "handoff"
update_channel = "beta"
"""


def check(file: str | Path = "") -> tuple[int, list[str]]:
    """The exit code and the printed lines."""
    out = io.StringIO()
    code = run_check(str(file), out)
    return code, out.getvalue().splitlines()


def test_a_good_managed_file_passes_and_lists_what_it_locks(tmp_path):
    managed = tmp_path / "settings.toml"
    managed.write_text(GOOD)
    code, lines = check(managed)
    assert code == 0
    assert lines == [
        f"{managed}: good; locked:",
        '  api_url = "https://advocates.example.com"',
        '  dial_mode = "handoff"',
    ]


def test_one_unquoted_value_fails_with_line_and_column_and_everything_is_locked(tmp_path):
    managed = tmp_path / "settings.toml"
    managed.write_text(GOOD.replace('"beta"', "beta"))
    code, lines = check(managed)
    assert code == 1
    assert lines[0].startswith(f"{managed}:5:18: is not valid TOML (")
    assert lines[0].endswith("held at its default and locked until IT fixes this file")
    assert lines[1] == f"{managed}: 1 problem; locked:"
    assert [line.split(" = ")[0].strip() for line in lines[2:]] == list(LOCKABLE)
    assert '  api_url = ""' in lines  # held at the default: no server


def test_each_wrong_value_is_named_where_it_is(tmp_path):
    managed = tmp_path / "settings.toml"
    managed.write_text(
        'locked = ["api_url", "colour"]\n'
        'api_url = "advocates.example.com"\n'
        "default_region = 44\n"
        '  sip_password = "hunter2"\n'
    )
    code, lines = check(managed)
    assert code == 1
    problems = [line for line in lines if line.startswith(f"{managed}:")][:-1]
    assert [line.split(": ")[0] for line in problems] == [
        f"{managed}:1:10",
        f"{managed}:2:11",
        f"{managed}:3:1",
        f"{managed}:4:3",
    ]
    assert "unknown settings: “colour”" in problems[0]
    assert "https://" in problems[1] and "text in quotes" in problems[2]
    assert "hunter2" not in "\n".join(lines)


def test_the_users_own_file_is_checked_as_the_users(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    mine = tmp_path / "advocate-console" / "settings.toml"
    mine.parent.mkdir()
    mine.write_text('locked = ["api_url"]\nsip_user = "maya"\n')
    code, lines = check(mine)
    assert code == 1
    assert lines == [
        f"{mine}:1:1: only your IT department's settings file can lock settings; ignored",
        f"{mine}: 1 problem; nothing locked",
    ]


def test_without_a_file_this_computers_files_are_checked_as_merged(tmp_path, monkeypatch):
    managed = tmp_path / "managed.toml"
    managed.write_text(GOOD)
    monkeypatch.setenv(MANAGED_SETTINGS_ENV, str(managed))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    mine = tmp_path / "advocate-console" / "settings.toml"
    mine.parent.mkdir()
    mine.write_text('api_url = "https://elsewhere.example.org"\n')
    code, lines = check()
    assert code == 1
    assert lines[0] == (
        f"{mine}:1:1: “api_url” is set by your IT department; your value is ignored"
    )
    assert lines[1] == "this computer's settings: 1 problem; locked:"


def test_a_file_that_is_not_there_is_a_problem(tmp_path):
    assert check(tmp_path / "nope.toml") == (
        1,
        [f"{tmp_path / 'nope.toml'}:1:1: there is no such file"],
    )


@pytest.mark.parametrize(("text", "code"), [(GOOD, 0), ("api_url = nope\n", 1)])
def test_the_command_answers_without_loading_qt(tmp_path, text, code):
    managed = tmp_path / "settings.toml"
    managed.write_text(text)
    script = (
        "import sys; from advocate_console.app import main; "
        f"code = main(['advocate-console', '--check-settings', {str(managed)!r}]); "
        "print('qt' if any(m.startswith('PySide6') for m in sys.modules) else 'no qt'); "
        "sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == code, result.stderr
    assert result.stdout.splitlines()[-1] == "no qt"
    installed = subprocess.run(
        [str(CONSOLE_SCRIPT), "--check-settings", str(managed)], capture_output=True, text=True
    )
    assert installed.returncode == code
    assert installed.stdout == result.stdout.rsplit("no qt", 1)[0]


# -- --preset-managed: what the Debian package does with IT's debconf answers ---------------


def preset(file: Path, *pairs: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_preset([str(file), *pairs], out)
    return code, out.getvalue().splitlines()


def test_preset_writes_a_new_managed_file_readable_by_everyone(tmp_path):
    managed = tmp_path / "etc" / "settings.toml"
    code, lines = preset(
        managed, "api_url=https://advocates.example.com", "locked=api_url, dial_mode"
    )
    assert (code, lines) == (0, [f"{managed}: written"])
    layers = load_layers(tmp_path / "user.toml", managed)
    assert layers.problems == ()
    assert layers.settings.api_url == "https://advocates.example.com"
    assert layers.locked == {"api_url", "dial_mode"}
    assert managed.stat().st_mode & 0o777 == 0o644


def test_preset_keeps_the_files_other_lines_and_replaces_a_long_locked_list(tmp_path):
    managed = tmp_path / "settings.toml"
    managed.write_text(
        '# Ours: keep me\nlocked = [\n  "api_url",  # the server\n  "card_stock",\n]\n'
        'api_url = "https://old.example.com"\ncard_stock = "a7-flat"\n'
    )
    code, _lines = preset(managed, "api_url=https://new.example.com", "locked=api_url")
    assert code == 0
    text = managed.read_text()
    assert text.startswith("# Ours: keep me\n") and 'card_stock = "a7-flat"' in text
    assert tomllib.loads(text)["locked"] == ["api_url"]
    assert tomllib.loads(text)["api_url"] == "https://new.example.com"


def test_preset_of_what_the_file_says_already_writes_nothing(tmp_path):
    managed = tmp_path / "settings.toml"
    managed.write_text(GOOD)
    before = managed.stat().st_mtime_ns
    code, lines = preset(
        managed, "api_url=https://advocates.example.com", "locked=dial_mode,api_url"
    )
    assert (code, lines) == (0, [f"{managed}: already so"])
    assert managed.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("pair", "says"),
    [
        ("api_url=advocates.example.com", ":3:11: “api_url” must be an address like https://"),
        ("dial_mode=telepathy", "“dial_mode” must be one of handoff, sip"),
        ("locked=api_url,colour", "locked names unknown settings: “colour”"),
        ("colour=blue", "no setting is called “colour”"),
    ],
)
def test_a_wrong_answer_is_refused_naming_it_and_the_file_stays(tmp_path, pair, says):
    managed = tmp_path / "settings.toml"
    managed.write_text(GOOD)
    code, lines = preset(managed, pair)
    assert code == 1
    assert any(says in line for line in lines), lines
    assert managed.read_text() == GOOD
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]  # no temporary left


def test_a_managed_file_that_is_broken_already_is_left_for_it_to_fix(tmp_path):
    managed = tmp_path / "settings.toml"
    managed.write_text('api_url = "https://old.example.com"\ncard_stock = a7\n')
    code, lines = preset(managed, "api_url=https://advocates.example.com")
    assert code == 1 and lines[0].startswith(f"{managed}:2:14: is not valid TOML")
    assert managed.read_text() == 'api_url = "https://old.example.com"\ncard_stock = a7\n'


def test_an_upgrade_handing_back_a_wrong_value_already_there_changes_nothing(tmp_path):
    # config reads the file's own lines as the answers; postinst must not fail on them.
    managed = tmp_path / "settings.toml"
    text = 'locked = ["api_url",]\napi_url = "x"  # IT moved it\ncard_stock = a7\n'
    managed.write_text(text)
    code, lines = preset(managed, "api_url=x", "locked=api_url")
    assert (code, lines) == (0, [f"{managed}: already so"])
    assert managed.read_text() == text
