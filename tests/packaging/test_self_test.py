"""``advocate-console --self-test``: in this process, and as the installed console script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from advocate_console import __version__
from advocate_console.self_test import (
    _card_pdf,
    _settings,
    check_installation,
    pdf_embeds_font,
    report,
)
from advocate_console.settings import MANAGED_SETTINGS_ENV
from tests.packaging.conftest import ROOT, need_tool

CONSOLE_SCRIPT = Path(sys.executable).with_name("advocate-console")


def run_console(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The venv's ``advocate-console`` script, as IT would run it."""
    return subprocess.run(
        [str(CONSOLE_SCRIPT), *args], env=env, capture_output=True, text=True, timeout=120
    )


def headless_environment(**extra: str) -> dict[str, str]:
    """This environment without a display, a session bus or a Qt platform chosen."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS"}
    }
    return env | extra


def test_every_check_passes_in_a_running_app(qapp):
    results = check_installation([sys.argv[0]])

    assert [r.name for r in results if not r.passed] == []
    assert {r.name for r in results} == {
        "qt",
        "settings",
        "window",
        "fonts",
        "card",
        "printing",
        "icons",
        "sync",
        "keyring",
        "encryption",
    }
    line = report(results)
    assert line.startswith(f"advocate-console {__version__} self-test passed: qt offscreen;")
    assert "\n" not in line
    assert "window shown; store migrated to " in line
    assert "fonts Caveat, Kalam, Dancing Script" in line
    assert "with Caveat embedded" in line
    assert "pages read in worker processes" in line


def test_the_card_pdf_embeds_the_handwriting_font(qapp, tmp_path):
    pdffonts = need_tool("pdffonts", "poppler-utils")
    pdf = tmp_path / "card.pdf"

    fact = _card_pdf(pdf)

    fonts = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=True)
    caveat = [line.split() for line in fonts.stdout.splitlines() if line.startswith("Caveat")]
    assert caveat, fonts.stdout
    assert caveat[0][-5] == "yes", fonts.stdout  # the "emb" column
    assert "with Caveat embedded" in fact
    assert pdf_embeds_font(pdf.read_bytes(), "Caveat")
    assert not pdf_embeds_font(pdf.read_bytes(), "Comic Neue")  # a font it does not use


def test_the_console_script_passes_without_a_display_and_warns_of_a_missing_keyring():
    env = headless_environment(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")

    result = run_console("--self-test", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith(f"advocate-console {__version__} self-test passed: qt offscreen;")
    assert "keyring fail.Keyring: not secure" in lines[0]
    assert lines[0].endswith("(warning)")


def test_require_keyring_fails_and_names_the_keyring_when_there_is_none():
    env = headless_environment(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")

    result = run_console("--self-test", "--require-keyring", env=env)

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith(
        f"advocate-console {__version__} self-test FAILED: keyring: keyring fail.Keyring"
    )
    assert len(result.stdout.splitlines()) == 1


def test_a_real_secret_service_satisfies_require_keyring(secret_service):
    env = dict(os.environ)  # the fixture put the private session bus there
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.SecretService.Keyring"

    result = run_console("--self-test", "--require-keyring", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "; keyring SecretService.Keyring" in result.stdout
    assert "(warning)" not in result.stdout


def test_version_answers_without_qt():
    result = run_console("--version", env=headless_environment())

    assert result.returncode == 0
    assert result.stdout.strip() == f"advocate-console {__version__}"


@pytest.mark.parametrize("option", ["--self-test", "--require-keyring", "--check-settings"])
def test_the_options_are_in_the_help(option):
    result = run_console("--help", env=headless_environment())

    assert option in result.stdout


# -- IT's managed settings -----------------------------------------------------------------


def test_a_broken_managed_file_fails_the_settings_check_naming_line_and_column(
    tmp_path, monkeypatch
):
    managed = tmp_path / "settings.toml"
    managed.write_text('locked = ["api_url"]\napi_url = https://advocates.example.com\n')
    monkeypatch.setenv(MANAGED_SETTINGS_ENV, str(managed))

    result = _settings()

    assert not result.passed
    assert result.fact.startswith(f"{managed}, line 2: is not valid TOML (")
    assert "column 11" in result.fact
    assert "held at its default and locked until IT fixes this file" in result.fact


def test_a_locked_printer_that_is_not_here_fails_the_settings_check(qapp, tmp_path, monkeypatch):
    managed = tmp_path / "settings.toml"
    managed.write_text('locked = ["default_printer"]\ndefault_printer = "Nowhere Card Printer"\n')
    monkeypatch.setenv(MANAGED_SETTINGS_ENV, str(managed))

    result = _settings()

    assert not result.passed
    assert result.fact == (
        "default_printer is locked to “Nowhere Card Printer”, but there is no such printer here"
    )


def test_a_good_managed_file_passes_and_says_how_much_it_locks(qapp, monkeypatch):
    template = ROOT / "packaging" / "managed-settings.example.toml"
    monkeypatch.setenv(MANAGED_SETTINGS_ENV, str(template))

    result = _settings()

    assert result.passed, result.fact
    assert result.fact == f"managed settings {template}, 5 locked"


def test_a_build_without_the_phone_fails_when_it_locks_the_built_in_phone(tmp_path):
    # A build without pjsua2, for real: its import fails in the console's own process.
    without = tmp_path / "without-sip"
    without.mkdir()
    (without / "pjsua2.py").write_text("raise ImportError('not in this build')\n")
    managed = tmp_path / "settings.toml"
    managed.write_text('locked = ["dial_mode"]\ndial_mode = "sip"\n')
    env = headless_environment(
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONPATH=str(without),
        **{MANAGED_SETTINGS_ENV: str(managed)},
    )

    result = run_console("--self-test", env=env)

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith(
        f"advocate-console {__version__} self-test FAILED: settings: dial_mode is locked to "
        "“sip”, but this build has no built-in phone (pjsua2)"
    )
