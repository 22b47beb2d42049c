"""One version everywhere: build-deb labels the package with the frozen app's own version
(or a Debian revision of it) and refuses any other, or a metainfo naming another release.

The frozen app here is a stand-in that only answers ``--version`` (the real one is frozen
by test_debian_package.py, whose packages go through the same checks): what is tested is
build-deb's reading of it, in a couple of seconds instead of a freeze.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from advocate_console import __version__
from tests.packaging.conftest import PACKAGING, need_tool

BUILD_DEB = PACKAGING / "linux" / "build-deb"


def frozen_app(folder: Path, version: str) -> Path:
    """A folder whose advocate-console says ``advocate-console VERSION``, as the real one."""
    app = folder / f"frozen-{version}" / "advocate-console"
    app.mkdir(parents=True)
    (app / "advocate-console").write_text(f'#!/bin/sh\necho "advocate-console {version}"\n')
    (app / "advocate-console").chmod(0o755)
    return app


def build(frozen: Path, out: Path, *version: str) -> subprocess.CompletedProcess[str]:
    need_tool("dpkg-deb", "dpkg")
    options = ["--version", *version] if version else []
    return subprocess.run(
        [str(BUILD_DEB), "--frozen", str(frozen), "--out", str(out), *options],
        env=os.environ | {"PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=120,
    )


def package_version(deb: Path) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_package_takes_the_frozen_apps_version(tmp_path):
    made = build(frozen_app(tmp_path, __version__), tmp_path / "out")
    assert made.returncode == 0, made.stderr
    deb = Path(made.stdout.strip())
    assert deb.name == f"advocate-console_{__version__}_amd64.deb"
    assert package_version(deb) == __version__


def test_a_debian_revision_of_the_same_app_is_a_newer_package(tmp_path):
    made = build(frozen_app(tmp_path, __version__), tmp_path / "out", f"{__version__}-2")
    assert made.returncode == 0, made.stderr
    assert package_version(Path(made.stdout.strip())) == f"{__version__}-2"


@pytest.mark.parametrize("asked", ["0.1.1", f"{__version__}.1", f"{__version__}+upgrade1", "9"])
def test_another_version_than_the_apps_is_refused(tmp_path, asked):
    made = build(frozen_app(tmp_path, __version__), tmp_path / "out", asked)
    assert made.returncode == 1
    assert f"the frozen app is version {__version__}; --version {asked}" in made.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_an_app_the_metainfo_does_not_name_is_refused(tmp_path):
    made = build(frozen_app(tmp_path, "9.9.9"), tmp_path / "out")
    assert made.returncode == 1
    assert "metainfo's newest release is" in made.stderr and "not 9.9.9" in made.stderr
