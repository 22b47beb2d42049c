"""For the apt repository tests: a throwaway GPG signing key (made in a temporary
GNUPGHOME, never committed; its agent stopped and its folder removed afterwards), the
repository script, and a web server for the repository on loopback."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.packaging.conftest import PACKAGING

BUILD_APT_REPO = PACKAGING / "linux" / "build-apt-repo"


class ThrowawayKey:
    """An ed25519 signing key valid for a day, in a GNUPGHOME of its own."""

    def __init__(self, name: str = "Advocate Console test archive <test@example.invalid>") -> None:
        # Short path: gpg-agent's socket lives here and socket paths are limited to ~100 bytes.
        self.home = Path(tempfile.mkdtemp(prefix="gpg-", dir="/tmp"))
        self.home.chmod(0o700)
        self._gpg("--passphrase", "", "--quick-gen-key", name, "ed25519", "sign", "1d")
        listed = self._gpg("--list-secret-keys", "--with-colons").stdout
        self.fingerprint = next(
            line.split(":")[9] for line in listed.splitlines() if line.startswith("fpr:")
        )

    def environ(self) -> dict[str, str]:
        """This environment with GNUPGHOME pointing at the key."""
        return os.environ | {"GNUPGHOME": str(self.home)}

    def public_keyring(self, path: Path) -> Path:
        """Write the public key as a binary keyring (what signed-by= takes) to ``path``."""
        path.write_bytes(self._gpg("--export", self.fingerprint, text=False).stdout)
        return path

    def _gpg(self, *arguments: str, text: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["gpg", "--batch", *arguments],
            env=self.environ(),
            capture_output=True,
            text=text,
            check=True,
        )

    def close(self) -> None:
        """Stop the agent gpg started for this home, and remove it."""
        subprocess.run(["gpgconf", "--kill", "gpg-agent"], env=self.environ(), check=False)
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> ThrowawayKey:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def build_repo(
    repo: Path, key: ThrowawayKey | None, *debs: Path, **options: str
) -> subprocess.CompletedProcess[str]:
    """``packaging/linux/build-apt-repo`` run as IT would (``key`` None: without --key)."""
    arguments = [str(BUILD_APT_REPO), "--repo", str(repo)]
    if key is not None:
        arguments += ["--key", key.fingerprint]
    for option, value in options.items():
        arguments += [f"--{option}", value]
    environ = key.environ() if key is not None else dict(os.environ)
    return subprocess.run(
        [*arguments, *map(str, debs)], env=environ, capture_output=True, text=True, timeout=120
    )


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` over HTTP on 127.0.0.1 (a free port) while the block runs; its URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="apt-repository", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
