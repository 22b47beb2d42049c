"""Settings: IT's managed file and the user's, their precedence, and broken files."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from advocate_console.settings import (
    LOCKABLE,
    MANAGED_SETTINGS_ENV,
    OPTIONS,
    SCHEMA_VERSION,
    Settings,
    check_value,
    default_text,
    load_layers,
    load_settings,
    managed_settings_file,
)
from advocate_console.settings_file import save_user_settings

MANAGED = """\
# Deployed by IT to every advocate laptop.
schema_version = 1
locked = ["api_url", "dial_mode"]
api_url = "https://advocates.example.com"
ca_bundle = "/etc/ssl/certs/corp-ca.pem"
dial_mode = "sip"
sip_registrar = "sip:pbx.example.com"
sip_domain = "example.com"
default_printer = "CardPrinter"
card_stock = "a7-flat"
update_channel = "beta"
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path):
    """Where a test's user and managed files go (neither exists until written)."""
    return tmp_path / "user.toml", tmp_path / "managed.toml"


# -- where IT's file is --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {}, PurePosixPath("/etc/advocate-console/settings.toml")),
        (
            "win32",
            {"ProgramData": r"C:\ProgramData"},
            PureWindowsPath(r"C:\ProgramData\Advocate Console\settings.toml"),
        ),
        (
            "win32",
            {"ProgramData": r"D:\Shared"},
            PureWindowsPath(r"D:\Shared\Advocate Console\settings.toml"),
        ),
        ("win32", {}, PureWindowsPath(r"C:\ProgramData\Advocate Console\settings.toml")),
        (
            "darwin",
            {},
            PurePosixPath("/Library/Application Support/Advocate Console/settings.toml"),
        ),
    ],
)
def test_the_managed_file_is_where_each_platform_keeps_machine_settings(
    platform, environ, expected
):
    path = managed_settings_file(platform, environ)
    assert path == expected
    assert type(path) is type(expected) or path == Path(str(expected))


@pytest.mark.parametrize(
    ("platform", "other", "kind"),
    [
        ("linux", "/srv/it/trial.toml", PurePosixPath),
        ("darwin", "/Users/Shared/trial.toml", PurePosixPath),
        ("win32", r"\\fileserver\it\trial.toml", PureWindowsPath),
    ],
)
def test_an_environment_variable_names_another_managed_file(platform, other, kind):
    path = managed_settings_file(platform, {MANAGED_SETTINGS_ENV: other, "ProgramData": "C:"})
    assert path == kind(other)


def test_on_this_computer_the_managed_path_is_a_real_path():
    assert isinstance(managed_settings_file(environ={}), Path)
    assert managed_settings_file(environ={}) == Path(str(managed_settings_file(sys.platform, {})))


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.encode(), id="linux-lf"),
        pytest.param(lambda text: text.replace("\n", "\r\n").encode(), id="windows-crlf"),
        pytest.param(
            lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), id="notepad-bom"
        ),
    ],
)
def test_the_managed_file_reads_the_same_whichever_platform_wrote_it(files, encode):
    user, managed = files
    managed.write_bytes(encode(MANAGED))
    layers = load_layers(user, managed)
    assert layers.problems == ()
    assert layers.locked == {"api_url", "dial_mode"}
    assert layers.settings.api_url == "https://advocates.example.com"
    assert layers.settings.card_stock == "a7-flat"
    assert layers.settings.update_channel == "beta"


def test_the_app_reads_the_managed_file_named_in_the_environment(files, monkeypatch):
    user, managed = files
    write(managed, MANAGED)
    monkeypatch.setenv(MANAGED_SETTINGS_ENV, str(managed))
    settings, problems = load_settings(user)
    assert problems == []
    assert settings.dial_mode == "sip"
    assert settings.default_printer == "CardPrinter"


# -- precedence ----------------------------------------------------------------------------


def test_no_files_at_all_means_the_defaults(files):
    layers = load_layers(*files)
    assert layers.settings == Settings()
    assert layers.problems == ()
    assert all(layers.source(key) == "default" for key in OPTIONS)


def test_unlocked_managed_values_are_defaults_the_user_may_override(files):
    user, managed = files
    write(managed, MANAGED)
    write(user, 'card_stock = "a6-folded"\ndefault_printer = "HomeInkjet"\n')
    layers = load_layers(user, managed)
    assert layers.problems == ()
    assert layers.settings.card_stock == "a6-folded"
    assert layers.settings.default_printer == "HomeInkjet"
    assert layers.settings.update_channel == "beta"  # IT's, not overridden
    assert layers.source("card_stock") == "user"
    assert layers.source("update_channel") == "managed"
    assert layers.inherited("card_stock") == "a7-flat"


def test_a_locked_key_wins_over_the_user_who_is_told_why(files):
    user, managed = files
    write(managed, MANAGED)
    write(user, '# mine\ndefault_region = "GB"\napi_url = "https://elsewhere.example.org"\n')
    layers = load_layers(user, managed)
    assert layers.settings.api_url == "https://advocates.example.com"
    assert layers.settings.default_region == "GB"
    assert layers.source("api_url") == "locked"
    [note] = layers.problems
    assert note.path == user and note.line == 3
    assert "set by your IT department" in note.message and "api_url" in note.message
    assert str(note).startswith(f"{user}, line 3: ")


def test_the_same_value_as_the_lock_needs_no_note(files):
    user, managed = files
    write(managed, MANAGED)
    write(user, 'dial_mode = "sip"\n')
    assert load_layers(user, managed).problems == ()


def test_a_key_locked_without_a_value_is_locked_to_the_built_in_default(files):
    user, managed = files
    write(managed, 'locked = ["dial_mode"]\n')
    write(user, 'dial_mode = "sip"\n')
    layers = load_layers(user, managed)
    assert layers.settings.dial_mode == "handoff"
    assert layers.source("dial_mode") == "locked"
    assert "IT department" in layers.problems[0].message


def test_only_the_managed_file_can_lock(files):
    user, managed = files
    write(user, 'locked = ["api_url"]\napi_url = "https://mine.example.com"\n')
    layers = load_layers(user, managed)
    assert layers.locked == frozenset()
    assert layers.settings.api_url == "https://mine.example.com"
    [problem] = layers.problems
    assert problem.line == 1 and "only your IT department" in problem.message


def test_locking_an_unknown_setting_names_the_line_and_locks_everything_it_may(files):
    # "api_ur" may be a typo of a lock IT meant: no lock is lost, IT's values still hold.
    user, managed = files
    write(managed, 'api_url = "https://a.example.com"\nlocked = ["api_url", "colour"]\n')
    write(user, 'default_region = "GB"\naudio_capture = "Jabra"\n')
    layers = load_layers(user, managed)
    assert layers.fail_closed
    assert layers.locked == set(LOCKABLE)
    assert layers.settings.api_url == "https://a.example.com"
    assert layers.settings.default_region == "US"  # locked: the user's GB is not used
    assert layers.settings.audio_capture == "Jabra"  # the advocate's own, never locked
    [problem] = layers.problems
    assert (problem.line, problem.column) == (2, 10) and "colour" in problem.message
    assert problem.message.endswith("locked until IT fixes this file")


def test_locked_must_be_a_list_of_names_or_everything_it_may_lock_is(files):
    user, managed = files
    write(managed, 'locked = "api_url"\n')
    layers = load_layers(user, managed)
    assert layers.fail_closed and layers.locked == set(LOCKABLE)
    assert layers.problems[0].line == 1 and "list" in layers.problems[0].message


# -- malformed files -----------------------------------------------------------------------


def test_a_user_file_that_is_not_toml_names_the_line_and_is_left_out(files):
    user, managed = files
    write(managed, MANAGED)
    write(user, 'default_region = "GB"\n\ncard_stock = a6-folded\n')
    layers = load_layers(user, managed)
    assert layers.settings.default_region == "US"  # nothing of the broken file is used
    assert layers.settings.card_stock == "a7-flat"  # IT's values still are
    assert layers.user_file_broken
    [problem] = layers.problems
    assert problem.path == user and problem.line == 3
    assert "not valid TOML" in problem.message and "column" in problem.message


def test_a_managed_file_that_is_not_toml_holds_what_it_may_lock_at_the_defaults(files):
    user, managed = files
    write(managed, 'locked = ["api_url"\napi_url = "https://advocates.example.com"\n')
    write(user, 'default_region = "GB"\n')
    layers = load_layers(user, managed)
    assert layers.fail_closed
    assert layers.locked == set(LOCKABLE)
    assert layers.settings == Settings()
    [problem] = layers.problems  # said once, not for each of the user's values
    assert problem.path == managed and problem.line in (1, 2) and problem.column
    assert "not valid TOML" in problem.message
    assert "held at its default and locked until IT fixes this file" in problem.message


def test_one_typo_in_the_managed_file_never_lets_the_advocate_choose_the_server(files):
    user, managed = files
    write(managed, MANAGED.replace('update_channel = "beta"', "update_channel = beta"))
    write(user, 'api_url = "https://evil.example.net"\n')
    layers = load_layers(user, managed)
    assert layers.settings.api_url == ""  # held at the default: no server at all
    assert "api_url" in layers.locked
    [problem] = layers.problems
    assert (problem.line, problem.column) == (11, 18)
    with pytest.raises(ValueError, match="IT department"):
        save_user_settings(layers, {"api_url": "https://evil.example.net"})


def test_a_file_that_is_not_utf8_names_the_line(files):
    user, managed = files
    user.write_bytes(b'default_region = "GB"\nsip_user = "Jos\xe9"\n')
    layers = load_layers(user, managed)
    assert layers.settings.default_region == "US"
    assert layers.problems[0].line == 2 and "UTF-8" in layers.problems[0].message


def test_an_unreadable_file_is_reported_not_fatal(files):
    user, managed = files
    managed.mkdir()  # reading a folder fails like a file IT left unreadable
    layers = load_layers(user, managed)
    assert layers.settings == Settings()
    assert "cannot be read" in layers.problems[0].message
    assert layers.fail_closed and layers.locked == set(LOCKABLE)


def test_an_unreadable_user_file_locks_nothing(files):
    user, managed = files
    user.mkdir()
    layers = load_layers(user, managed)
    assert not layers.fail_closed and layers.locked == frozenset()
    assert "cannot be read" in layers.problems[0].message


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("update_channel = 3", "must be text in quotes"),
        ("dial_mode = true", "must be text in quotes"),
        ('dial_mode = "telepathy"', "must be one of handoff, sip"),
        ('default_region = "Narnia"', "two-letter region"),
        ('api_url = "advocates.example.com"', "https://"),
        ('sip_registrar = "pbx.example.com"', "sip:"),
        ('card_stock = "A6 flat!"', "short name"),
        ("[api_url]\nhost = 'x'", "must be text in quotes"),
    ],
)
def test_a_wrong_value_names_its_line_and_the_rest_of_the_file_is_used(files, line, says):
    user, _managed = files
    write(user, f'# a comment\nsip_user = "maya"\n{line}\n')
    layers = load_layers(*files)
    assert layers.settings.sip_user == "maya"
    [problem] = layers.problems
    assert problem.line == 3, problem
    assert says in problem.message


def test_a_wrong_value_in_the_managed_file_falls_back_to_the_default(files):
    user, managed = files
    write(managed, 'locked = ["dial_mode"]\n\ndial_mode = "carrier pigeon"\n')
    layers = load_layers(user, managed)
    assert layers.settings.dial_mode == "handoff"
    assert layers.problems[0].path == managed and layers.problems[0].line == 3


def test_passwords_are_refused_in_any_settings_file(files):
    user, managed = files
    write(managed, 'sip_password = "hunter2"\n')
    write(user, 'sip_user = "maya"\napi_token = "abc"\n')
    layers = load_layers(user, managed)
    assert [(p.path, p.line) for p in layers.problems] == [(managed, 1), (user, 2)]
    assert all("keyring" in p.message for p in layers.problems)
    assert "hunter2" not in str(layers)


def test_unknown_settings_are_named_with_their_line(files):
    user, _ = files
    write(user, 'sip_user = "maya"\ncolour = "blue"\n')
    [problem] = load_layers(*files).problems
    assert problem.line == 2 and "unknown setting “colour”" in problem.message


def test_a_newer_schema_is_read_as_far_as_it_is_understood(files):
    user, _ = files
    write(user, f'schema_version = {SCHEMA_VERSION + 1}\nsip_user = "maya"\n')
    layers = load_layers(*files)
    assert layers.settings.sip_user == "maya"
    assert "newer" in layers.problems[0].message and layers.problems[0].line == 1


# -- checks --------------------------------------------------------------------------------


def test_every_setting_has_a_check_and_a_default_that_passes_it():
    for key in OPTIONS:
        assert check_value(key, default_text(key)) is None, key


# -- writing -------------------------------------------------------------------------------


def test_saving_keeps_comments_unknown_keys_and_tables(files):
    user, managed = files
    write(managed, MANAGED)
    write(
        user,
        "# Maya's settings\n"
        'sip_user = "maya"\n'
        "colour = 'blue'  # not ours, kept\n"
        "\n[plugins.weather]\ncity = 'Leeds'\n",
    )
    layers = load_layers(user, managed)
    saved = save_user_settings(
        layers, {"sip_user": "maya.c", "default_printer": "Card Printer (upstairs)"}
    )
    text = user.read_text(encoding="utf-8")
    assert text.startswith("# Maya's settings\nschema_version = 1\n")
    assert "colour = 'blue'  # not ours, kept\n" in text
    assert tomllib.loads(text)["plugins"] == {"weather": {"city": "Leeds"}}
    assert saved.settings.sip_user == "maya.c"
    assert saved.settings.default_printer == "Card Printer (upstairs)"
    assert text.index("default_printer") < text.index("[plugins.weather]")


def test_a_value_equal_to_what_it_would_be_anyway_leaves_the_file(files):
    user, managed = files
    write(managed, MANAGED)
    write(user, 'card_stock = "a6-folded"\nupdate_channel = "stable"\n')
    layers = load_layers(user, managed)
    saved = save_user_settings(layers, {"card_stock": "a7-flat"})  # IT's default again
    assert "card_stock" not in tomllib.loads(user.read_text())
    assert saved.source("card_stock") == "managed"
    assert saved.settings.update_channel == "stable"  # untouched: still the user's


def test_windows_paths_and_quotes_survive_a_round_trip(files):
    user, managed = files
    bundle = r'C:\Users\Maya\certs\"corp" ca.pem'
    saved = save_user_settings(load_layers(user, managed), {"ca_bundle": bundle})
    assert saved.settings.ca_bundle == bundle
    assert saved.problems == ()


def test_saving_a_locked_or_wrong_value_is_refused_and_the_file_untouched(files):
    user, managed = files
    write(managed, MANAGED)
    write(user, 'sip_user = "maya"\n')
    layers = load_layers(user, managed)
    with pytest.raises(ValueError, match="IT department"):
        save_user_settings(layers, {"api_url": "https://elsewhere.example.org"})
    with pytest.raises(ValueError, match="two-letter"):
        save_user_settings(layers, {"default_region": "Narnia"})
    assert user.read_text() == 'sip_user = "maya"\n'


def test_saving_over_a_broken_file_keeps_it_beside(files):
    user, managed = files
    write(user, "default_region = GB\n")
    layers = load_layers(user, managed)
    assert layers.user_file_broken
    saved = save_user_settings(layers, {"default_region": "GB"})
    assert saved.problems == ()
    assert saved.settings.default_region == "GB"
    assert (user.parent / "user.toml.bak").read_text() == "default_region = GB\n"


def test_saving_creates_the_folder_and_leaves_no_temporary_file(tmp_path):
    user = tmp_path / "new" / "folder" / "settings.toml"
    save_user_settings(load_layers(user, tmp_path / "none.toml"), {"sip_user": "maya"})
    assert sorted(p.name for p in user.parent.iterdir()) == ["settings.toml"]
    assert tomllib.loads(user.read_text()) == {"schema_version": 1, "sip_user": "maya"}


def test_a_crlf_file_stays_crlf(files):
    user, managed = files
    user.write_bytes(b'# windows\r\nsip_user = "maya"\r\n')
    save_user_settings(load_layers(user, managed), {"sip_user": "maya.c"})
    assert user.read_bytes() == b'# windows\r\nschema_version = 1\r\nsip_user = "maya.c"\r\n'


def test_something_left_open_at_the_end_names_the_last_line(files):
    user, managed = files
    write(managed, 'api_url = "https://advocates.example.com"\nlocked = [\n  "api_url",\n')
    [problem] = load_layers(user, managed).problems
    assert problem.line == 3 and "at the end of the file" in problem.message


def test_the_template_for_it_reads_without_problems(files):
    from pathlib import Path as _Path

    template = _Path(__file__).parents[1] / "packaging" / "managed-settings.example.toml"
    layers = load_layers(files[0], template)
    assert layers.problems == ()
    assert layers.locked == {"api_url", "ca_bundle", "dial_mode", "sip_registrar", "sip_domain"}
    assert layers.settings.dial_mode == "handoff"  # what the build without the phone can do
