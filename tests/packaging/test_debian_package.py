"""The Debian package, end to end: freeze the app with the spec, build the .deb, publish it
in a signed apt repository served on loopback, install it from there with apt on a
minimal Debian 12 (which must resolve every library it needs from the package's
Depends), run the installed ``advocate-console --self-test``, publish a newer version and
upgrade with ``apt-get upgrade``, remove and purge.

Needs root, debootstrap and the Debian archive (the first run makes the base system,
~2 min; later runs reuse it). Under CI a missing tool fails instead of skipping.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from advocate_console import __version__
from tests.packaging.conftest import (
    PACKAGING,
    debian_base,
    frozen_build,
    need_root,
    need_tool,
)
from tests.packaging.debian_root import DebianBase, DebianRoot
from tests.packaging.repository import ThrowawayKey, build_repo, served

pytestmark = pytest.mark.slow

APP_ID = "org.advocateconsole.AdvocateConsole"
UPGRADE_VERSION = f"{__version__}-2"  # the same app, packaged again: newer for dpkg
USER_DATA = "/home/advocate/.local/share/advocate-console/local.sqlite"
MANAGED_SETTINGS = "/etc/advocate-console/settings.toml"
PRESEED = """\
advocate-console advocate-console/api_url string https://advocates.example.com
advocate-console advocate-console/dial_mode string handoff
advocate-console advocate-console/locked multiselect api_url, dial_mode
"""


@dataclass(frozen=True)
class Debs:
    """This version's package, and a later one to upgrade to."""

    current: Path
    upgrade: Path


@pytest.fixture(scope="module", name="debian_base")
def debian_base_fixture() -> DebianBase:
    """The minimal Debian base, made (or found) in the background while the app builds."""
    need_root("debootstrap, chroot and dpkg need it")
    for tool, package in (
        ("debootstrap", "debootstrap"),
        ("unshare", "util-linux"),
        ("chroot", "coreutils"),
        ("dpkg-deb", "dpkg"),
    ):
        need_tool(tool, package)
    return debian_base()


@pytest.fixture(scope="module")
def frozen_app(debian_base) -> Path:
    """The one-folder app, built by PyInstaller from packaging/advocate-console.spec."""
    return frozen_build().wait()


@pytest.fixture(scope="module")
def debs(frozen_app, tmp_path_factory) -> Debs:
    """build-deb's package of the frozen app, at this version and at a later one."""
    out = tmp_path_factory.mktemp("debs")

    def build(version: str) -> Path:
        options = ["--frozen", str(frozen_app), "--out", str(out), "--version", version]
        result = subprocess.run(
            [str(PACKAGING / "linux" / "build-deb"), *options],
            env=os.environ | {"PYTHON": sys.executable},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        return Path(result.stdout.strip().splitlines()[-1])

    return Debs(build(__version__), build(UPGRADE_VERSION))


@pytest.fixture(scope="module")
def signing_key() -> Iterator[ThrowawayKey]:
    """IT's repository signing key: a throwaway one, gone after the tests."""
    need_tool("apt-ftparchive", "apt-utils")
    need_tool("gpg", "gnupg")
    with ThrowawayKey() as key:
        yield key


@pytest.fixture
def debian(debian_base, tmp_path) -> Iterator[DebianRoot]:
    """A fresh minimal Debian 12 (in memory when there is room) with a user ``advocate``."""
    memory = Path("/dev/shm")
    folder = memory if memory.is_dir() and os.access(memory, os.W_OK) else tmp_path
    place = Path(tempfile.mkdtemp(prefix="advocate-debian-", dir=folder))
    try:
        root = DebianRoot(debian_base.wait(), place / "debian")
        root.run("useradd --create-home advocate")
        yield root
    finally:
        subprocess.run(["rm", "-rf", "--one-file-system", str(place)], check=False)


def as_advocate(command: str) -> str:
    """``command`` run by the advocate (no display, no session bus: as over SSH)."""
    return f"runuser -u advocate -- env HOME=/home/advocate {command}"


def test_install_from_the_signed_repository_self_test_upgrade_and_purge(
    debian, debs, signing_key, tmp_path
):
    """One package's life on one machine, in the order IT lives it."""
    repo = tmp_path / "repo"
    published = build_repo(repo, signing_key, debs.current)
    assert published.returncode == 0, published.stderr
    with served(repo) as url:
        # A repository signed with another key is refused: nothing installs from it.
        with ThrowawayKey() as stranger:
            debian.use_repository(url, stranger.public_keyring(tmp_path / "stranger.gpg"))
            refused = debian.update_repository(check=False)
        assert refused.returncode != 0 and "NO_PUBKEY" in refused.stdout + refused.stderr
        assert debian.run("apt-cache policy advocate-console").stdout == ""

        # A silent install from IT's repository, the server preset through debconf: apt
        # brings every library from the Depends, the answers land in IT's file.
        debian.use_repository(url, repo / "advocate-console-archive-keyring.gpg")
        debian.run(f"debconf-set-selections <<'EOF'\n{PRESEED}EOF")
        debian.run(
            "apt-get update -qq && apt-get install -y -qq --no-install-recommends advocate-console",
            timeout=600,
        )
        managed = tomllib.loads(debian.run(f"cat {MANAGED_SETTINGS}").stdout)
        assert managed == {
            "schema_version": 1,
            "api_url": "https://advocates.example.com",
            "dial_mode": "handoff",
            "locked": ["api_url", "dial_mode"],
        }
        check_the_installed_console(debian, url)
        answers = debian.run("debconf-show advocate-console").stdout
        assert "advocate-console/api_url: https://advocates.example.com" in answers

        # Upgrade: IT publishes a newer version, the system's updates bring it; the
        # advocate's data and IT's settings stay as they were.
        debian.run(
            as_advocate(f"sh -c 'mkdir -p {Path(USER_DATA).parent} && echo cases > {USER_DATA}'")
        )
        # IT moves the server by editing its file: the upgrade's debconf must not undo it.
        debian.run(f"sed -i 's#//advocates.example#//moved.example#' {MANAGED_SETTINGS}")
        kept = debian.run(f"cat {USER_DATA} {MANAGED_SETTINGS}").stdout
        assert "https://moved.example.com" in kept
        published = build_repo(repo, signing_key, debs.upgrade)
        assert published.returncode == 0, published.stderr
        debian.update_repository()
        debian.run("apt-get upgrade -y -qq", timeout=600)

    status = debian.run("dpkg-query -W -f='${Version}' advocate-console")
    assert status.stdout == UPGRADE_VERSION
    assert debian.run(f"cat {USER_DATA} {MANAGED_SETTINGS}").stdout == kept
    assert debian.run("advocate-console --version").returncode == 0

    # Remove, then purge: none of the package's files stay; the user's and IT's do.
    files = debian.run("dpkg -L advocate-console").stdout.split()
    debian.run("apt-get remove -y -qq advocate-console")
    for path in ("/opt/advocate-console", "/usr/bin/advocate-console"):
        assert debian.run(f"test -e {path} || echo gone").stdout == "gone\n", path

    debian.run("apt-get purge -y -qq advocate-console")
    state = debian.run("dpkg-query -W -f='${db:Status-Status}' advocate-console", check=False)
    assert state.stdout in ("", "not-installed")
    left = debian.run(
        "for p in " + " ".join(files) + '; do [ -e "$p" ] && [ ! -d "$p" ] && echo "$p"; done; '
        "for d in /opt/advocate-console /usr/share/doc/advocate-console; do "
        '[ -e "$d" ] && echo "$d"; done; true'
    )
    assert left.stdout == ""
    assert debian.run(f"cat {USER_DATA} {MANAGED_SETTINGS}").stdout == kept
    assert debian.run("debconf-show advocate-console", check=False).stdout == ""  # forgotten


def check_the_installed_console(debian: DebianRoot, repository: str) -> None:
    """The advocate's self-test passes and knows where updates come from; every library
    is there; the files are where desktops look, none in /etc, no caches written."""
    version = debian.run("advocate-console --version")
    assert version.stdout.strip() == f"advocate-console {__version__}"
    test = debian.run(as_advocate("advocate-console --self-test"), check=False)
    assert test.returncode == 0, test.stdout + test.stderr
    lines = test.stdout.splitlines()
    assert len(lines) == 1, test.stdout
    assert lines[0].startswith(f"advocate-console {__version__} self-test passed: qt offscreen;")
    assert "with Caveat embedded" in lines[0]
    assert "printing cups" in lines[0]
    assert "keyring fail.Keyring: not secure" in lines[0]  # no Secret Service here: a warning
    assert f"updates with the system's (apt {repository}" in lines[0]
    assert f"managed settings {MANAGED_SETTINGS}, 2 locked" in lines[0]
    missing = debian.run(
        "find /opt/advocate-console -type f -name '*.so*' -exec ldd {} + | grep 'not found' || true"
    )
    assert missing.stdout == "", "a library the bundle links is in no Depends"

    files = debian.run("dpkg -L advocate-console").stdout.split()
    for path in (
        "/usr/bin/advocate-console",
        f"/usr/share/applications/{APP_ID}.desktop",
        f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"/usr/share/icons/hicolor/48x48/apps/{APP_ID}.png",
        "/usr/share/doc/advocate-console/settings.toml.example",
    ):
        assert path in files
    assert not any(path.startswith("/etc") for path in files)
    # Running it wrote nothing into its own folder (no Python caches for dpkg to trip on).
    assert debian.run("find /opt/advocate-console -name __pycache__").stdout == ""
