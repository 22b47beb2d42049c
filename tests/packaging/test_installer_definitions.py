"""What can be checked here of every installer: the Linux desktop files, the scripts, and
the Windows and macOS definitions that only build on their own systems."""

from __future__ import annotations

import plistlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from advocate_console import __version__
from advocate_console.settings import LOCKABLE
from tests.packaging.conftest import PACKAGING, ROOT, need_tool

APP_ID = "org.advocateconsole.AdvocateConsole"
LINUX = PACKAGING / "linux"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
WXS = PACKAGING / "windows" / "advocate-console.wxs"
WIX = "{http://wixtoolset.org/schemas/v4/wxs}"
SHELL_SCRIPTS = [
    LINUX / "build-deb",
    LINUX / "build-apt-repo",
    LINUX / "debian" / "config",
    LINUX / "debian" / "postinst",
    LINUX / "debian" / "postrm",
    PACKAGING / "macos" / "build-dmg.sh",
    ROOT / "scripts" / "bootstrap",
]


def desktop_entry() -> dict[str, str]:
    """The [Desktop Entry] group of the .desktop file."""
    lines = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_desktop_entry_validates():
    validate = need_tool("desktop-file-validate", "desktop-file-utils")

    result = subprocess.run([validate, str(DESKTOP_FILE)], capture_output=True, text=True)

    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_desktop_entry_opens_advocate_console_links():
    entry = desktop_entry()

    assert entry["Exec"] == "advocate-console %u"
    assert "x-scheme-handler/advocate-console" in entry["MimeType"].split(";")
    assert entry["Icon"] == APP_ID


def test_the_metainfo_validates_and_names_this_release():
    appstreamcli = need_tool("appstreamcli", "appstream")

    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP_FILE.name
    versions = [release.get("version") for release in component.iter("release")]
    assert versions[0] == __version__, "add a <release> for the new version to the metainfo"


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda path: path.name)
def test_shell_scripts_pass_shellcheck(script):
    shellcheck = need_tool("shellcheck", "shellcheck")

    result = subprocess.run([shellcheck, str(script)], capture_output=True, text=True)

    assert result.returncode == 0, result.stdout


def test_the_wix_definition_is_a_per_machine_package_with_the_it_properties():
    package = ET.parse(WXS).getroot().find(f"{WIX}Package")

    assert package is not None and package.get("Scope") == "perMachine"
    properties = {p.get("Id"): p for p in package.iter(f"{WIX}Property")}
    for name in ("API_URL", "CA_BUNDLE"):
        assert properties[name].get("Secure") == "yes", f"{name} must reach the elevated install"
    command = next(
        p.get("Value")
        for p in package.iter(f"{WIX}SetProperty")
        if p.get("Id") == "WriteManagedSettings"
    )
    assert '-ApiUrl "[API_URL]"' in command.replace("&quot;", '"')
    assert '-CaBundle "[CA_BUNDLE]"' in command
    action = next(a for a in package.iter(f"{WIX}CustomAction"))
    assert (action.get("Execute"), action.get("Impersonate")) == ("deferred", "no")
    assert package.find(f"{WIX}MajorUpgrade") is not None


def test_the_managed_settings_writer_writes_the_agreed_lines():
    script = (PACKAGING / "windows" / "write-managed-settings.ps1").read_text(encoding="utf-8")

    assert re.search(r'Join-Path \$env:ProgramData "Advocate Console"', script)
    assert '"settings.toml"' in script
    assert 'Set-Setting "api_url" $ApiUrl' in script
    assert 'Set-Setting "ca_bundle" $CaBundle' in script
    assert "UTF8Encoding $false" in script  # no byte-order mark: TOML readers choke on it


def test_the_macos_entitlements_are_a_valid_plist():
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as file:
        entitlements = plistlib.load(file)

    assert entitlements["com.apple.security.cs.allow-unsigned-executable-memory"] is True


def test_the_spec_takes_its_version_from_the_package():
    spec = (PACKAGING / "advocate-console.spec").read_text(encoding="utf-8")

    assert "from advocate_console import __version__" in spec
    assert not re.search(r"version\s*=\s*['\"]\d", spec)


def test_the_debconf_questions_are_the_settings_it_may_lock():
    made = subprocess.run(
        [sys.executable, str(LINUX / "debconf.py"), "templates"],
        capture_output=True,
        text=True,
        check=True,
    )
    stanzas = [s for s in made.stdout.split("\n\n") if s.strip()]
    fields = [
        {
            line.partition(":")[0]: line.partition(":")[2].strip()
            for line in s.splitlines()
            if not line.startswith(" ")
        }
        for s in stanzas
    ]
    names = [f["Template"].removeprefix("advocate-console/") for f in fields]
    assert names == [*LOCKABLE, "locked"]
    assert all(f["Type"] == "string" for f in fields[:-1])
    assert fields[-1]["Type"] == "multiselect" and fields[-1]["Choices"] == ", ".join(LOCKABLE)
    for stanza in stanzas:  # the long description: every line indented, none empty
        long = stanza.split("\nDescription: ", 1)[1].splitlines()[1:]
        assert long and all(line.startswith(" ") and line.strip() for line in long), stanza
    keys = subprocess.run(
        [sys.executable, str(LINUX / "debconf.py"), "keys"], capture_output=True, text=True
    )
    assert keys.stdout.split() == list(LOCKABLE)
