"""A throwaway minimal Debian 12 root, where ``apt install ./advocate-console_*.deb`` runs
as on a fresh laptop: apt resolves the package's Depends from Debian's archive.

The base system (debootstrap's minbase, ~200 MB) is made once per machine and kept as a
tarball in the user's cache folder; each test unpacks a fresh copy (~1 s). Commands run
through ``unshare`` in their own mount and PID namespaces, so the /proc mounted for them
vanishes with them and nothing is left mounted when a test dies.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

SUITE = "bookworm"
MIRROR = os.environ.get("ADVOCATE_DEBIAN_MIRROR", "http://deb.debian.org/debian")
REBUILD_AFTER_S = 30 * 24 * 3600  # a month-old base still upgrades, but slowly
REPOSITORY_LIST = "/etc/apt/sources.list.d/advocate-console.list"


def cache_dir() -> Path:
    """Where the base tarball and downloaded .debs are kept between runs."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "advocate-console-tests"


class DebianBase:
    """The base tarball, prepared on a thread so it overlaps with building the app."""

    def __init__(self) -> None:
        self.tarball = cache_dir() / f"debian-{SUITE}-minbase.tar"
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._prepare, name="debootstrap", daemon=True)
        self._thread.start()

    def wait(self, timeout_s: float = 600) -> Path:
        """The tarball, once it is there; raises what went wrong making it."""
        self._thread.join(timeout_s)
        if self._thread.is_alive():
            raise TimeoutError(f"debootstrap of Debian {SUITE} took longer than {timeout_s} s")
        if self._error is not None:
            raise self._error
        return self.tarball

    def _prepare(self) -> None:
        try:
            fresh = self.tarball.exists() and (
                time.time() - self.tarball.stat().st_mtime < REBUILD_AFTER_S
            )
            if not fresh:
                self._debootstrap()
        except BaseException as error:  # handed to the test thread by wait()
            self._error = error

    def _debootstrap(self) -> None:
        self.tarball.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="debootstrap-", dir=self.tarball.parent) as work:
            target = Path(work) / "root"
            result = subprocess.run(
                ["debootstrap", "--variant=minbase", SUITE, str(target), MIRROR],
                capture_output=True,
                text=True,
                timeout=900,
            )
            if result.returncode != 0:
                raise RuntimeError(f"debootstrap failed:\n{result.stdout[-2000:]}{result.stderr}")
            partial = Path(work) / "base.tar"
            subprocess.run(["tar", "-C", str(target), "-cf", str(partial), "."], check=True)
            partial.replace(self.tarball)  # atomic: a half-made tarball is never used


class DebianRoot:
    """One fresh copy of the base system in ``path``; run commands in it with :meth:`run`."""

    def __init__(self, tarball: Path, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True)
        subprocess.run(["tar", "-C", str(path), "-xf", str(tarball)], check=True)
        shutil.copy("/etc/resolv.conf", path / "etc" / "resolv.conf")
        self.apt_cache = cache_dir() / "apt-archives"
        (self.apt_cache / "partial").mkdir(parents=True, exist_ok=True)

    def run(
        self, script: str, *, check: bool = True, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        """``sh -c script`` as root inside, with /proc, /dev/shm and a shared .deb download
        cache."""
        archives = self.path / "var" / "cache" / "apt" / "archives"
        inner = (
            f"mount --bind {self.apt_cache} {archives} && "
            # As on any Debian: a /dev/shm for POSIX shared memory (multiprocessing's locks).
            f"mkdir -p {self.path}/dev/shm && "
            f"mount -t tmpfs -o mode=1777,size=64m tmpfs {self.path}/dev/shm && "
            f"exec chroot {self.path} /usr/bin/env -i HOME=/root LANG=C.UTF-8 "
            "PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "
            '/bin/sh -c "$0"'
        )
        namespaces = ["unshare", "--mount", "--pid", "--fork", f"--mount-proc={self.path}/proc"]
        result = subprocess.run(
            [*namespaces, "/bin/sh", "-c", inner, script],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"in the Debian root, `{script}` exited {result.returncode}:\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        return result

    def use_repository(self, url: str, keyring: Path) -> None:
        """Add IT's apt repository, trusted only with ``keyring``, as packaging/README.md says."""
        (self.path / "etc" / "apt" / "keyrings").mkdir(parents=True, exist_ok=True)
        shutil.copy(keyring, self.path / "etc" / "apt" / "keyrings" / "advocate-console.gpg")
        (self.path / REPOSITORY_LIST.lstrip("/")).write_text(
            f"deb [signed-by=/etc/apt/keyrings/advocate-console.gpg] {url} stable main\n"
        )

    def update_repository(self, *, check: bool = True) -> subprocess.CompletedProcess[str]:
        """``apt-get update`` of IT's repository only (Debian's lists are read already)."""
        return self.run(
            f"apt-get update -qq -o Dir::Etc::SourceList={REPOSITORY_LIST} "
            "-o Dir::Etc::SourceParts=- -o APT::Get::List-Cleanup=0",
            check=check,
        )

    def install(self, deb: Path) -> subprocess.CompletedProcess[str]:
        """``apt-get install ./the.deb``, as IT would on a fresh machine."""
        shutil.copy(deb, self.path / "tmp" / deb.name)
        return self.run(
            f"apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/{deb.name}",
            timeout=600,
        )
