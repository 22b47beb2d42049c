"""``advocate-central serve --workers N`` as a real child process, for tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import requests

from tests.plumbing import free_port, wait_until


class ServedWorkers:
    """The server with ``workers`` processes on ``database_url``, on a free port."""

    def __init__(self, database_url: str, workers: int, log: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log.open("wb")
        command = [sys.executable, "-m", "advocate_console.central.cli", "serve"]
        command += ["--database", database_url, "--port", str(self.port)]
        command += ["--workers", str(workers), "--pool-size", "3", *extra]
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env={**os.environ}
        )
        self.log = log
        try:
            # Two workers each import and build the app: 35 s at load 8-10 on 2 cores.
            wait_until(self._ready, timeout=120, what="the workers to answer /ready")
        except BaseException:
            self.stop()
            raise

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"serve exited: {self.log.read_text()[-2000:]}")
        try:
            return requests.get(f"{self.url}/api/v1/ready", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def stop(self) -> None:
        """SIGINT, as systemd's stop would send SIGTERM: workers finish and exit."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
