"""How this copy of the console gets its updates: on Linux, from an apt repository with
the system's own updates when the Debian package was installed from one (IT's signed
repository, see packaging/README.md); otherwise by hand, after the update notice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

PACKAGE = "advocate-console"
INSTALL_FOLDER = Path("/opt/advocate-console")  # where the .deb puts the frozen app
_SOURCE = re.compile(r"^\s+\d+\s+(\w[\w+.-]*:\S+)\s")  # "  500 https://apt.example.com stable/…"


@cache
def apt_source() -> str | None:
    """The apt repository the installed console updates from, or None (not installed by
    the Debian package, or from a file rather than a repository). Asks ``apt-cache``
    once per process: call it off the UI thread."""
    if not sys.platform.startswith("linux") or not running_from_the_package():
        return None
    apt_cache = shutil.which("apt-cache")
    if apt_cache is None:
        return None
    try:
        policy = subprocess.run(
            [apt_cache, "policy", PACKAGE],
            capture_output=True,
            text=True,
            timeout=20,
            env=os.environ | {"LC_ALL": "C"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in policy.stdout.splitlines():
        found = _SOURCE.match(line)
        if found is not None:
            return found[1]
    return None


def running_from_the_package() -> bool:
    """True when this process is the console the Debian package installed."""
    executable = Path(sys.executable).resolve()
    listed = Path("/var/lib/dpkg/info") / f"{PACKAGE}.list"
    return executable.is_relative_to(INSTALL_FOLDER) and listed.is_file()
