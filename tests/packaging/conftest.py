"""Packaging test set-up: the tools a check needs (which CI must have), and the frozen
app's build, started in the background as soon as the session knows it will be needed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.packaging.debian_root import DebianBase
from tests.plumbing import need_part

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def need_tool(tool: str, package: str) -> str:
    """The path of ``tool``; skips without it, but fails under CI, which must run every check."""
    path = shutil.which(tool)
    need_part(None if path else f"{tool} is not installed (apt-get install {package})")
    return path


def need_root(why: str) -> None:
    """Skip unless root (failing under CI, which runs as root)."""
    need_part(None if os.geteuid() == 0 else f"it needs root: {why}")


class FrozenBuild:
    """PyInstaller building the one-folder app from the spec, in a child process.

    Started when collection ends, so the ~1.5 min build overlaps the tests before the
    packaging ones instead of adding to the run; :meth:`wait` hands over the result.
    """

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="advocate-frozen-"))
        self.log = self.folder / "pyinstaller.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("ADVOCATE_")}
        folders = [
            "--distpath",
            str(self.folder / "dist"),
            "--workpath",
            str(self.folder / "build"),
        ]
        spec = str(PACKAGING / "advocate-console.spec")
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "PyInstaller",
                    "--noconfirm",
                    "--log-level",
                    "WARN",
                    *folders,
                    spec,
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def wait(self, timeout_s: float = 900) -> Path:
        """The frozen app's folder, once PyInstaller succeeded."""
        code = self.process.wait(timeout_s)
        assert code == 0, self.log.read_text()[-5000:]
        return self.folder / "dist" / "advocate-console"

    def discard(self) -> None:
        """Stop the build if it still runs, and delete everything it made."""
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)
        shutil.rmtree(self.folder, ignore_errors=True)


_build: FrozenBuild | None = None
_base: DebianBase | None = None


def frozen_build() -> FrozenBuild:
    """The session's build of the frozen app (started now if collection did not)."""
    global _build
    if _build is None:
        _build = FrozenBuild()
    return _build


def debian_base() -> DebianBase:
    """The session's minimal Debian base (made in the background the first time)."""
    global _base
    if _base is None:
        _base = DebianBase()
    return _base


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start building the frozen app when a test that installs it was selected (in a run
    of one process: under pytest-xdist every worker collects every test, and only the
    one that runs it builds, when it starts)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    wanted = any("test_debian_package.py" in item.nodeid for item in session.items)
    # Without root or dpkg-deb that test skips (or fails under CI) before it waits.
    if wanted and shutil.which("dpkg-deb") and os.geteuid() == 0:
        frozen_build()
        if shutil.which("debootstrap"):
            debian_base()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Leave no build behind."""
    if _build is not None:
        _build.discard()
