"""Starting the SIP peers (one process each) and talking to them from a test."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

PEER_SCRIPT = Path(__file__).with_name("sip_peer.py")
CODEC = "PCMU/8000/1"  # pinned: speex made tone checks flaky


class PeerProcess:
    """One SIP party in its own process: a tone it plays, calls it answers or makes."""

    def __init__(
        self,
        name: str,
        tone: int,
        on_call: str = "answer",
        answer_after: float = 0.0,
        registrar: str = "",
    ) -> None:
        self.name = name
        self.tone = tone
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(PEER_SCRIPT),
                "--name",
                name,
                "--tone",
                str(tone),
                "--on-call",
                on_call,
                "--answer-after",
                str(answer_after),
                "--codec",
                CODEC,
                "--registrar",
                registrar,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
        )
        self._reader = threading.Thread(target=self._read, name=f"peer-{name}", daemon=True)
        self._reader.start()
        self.uri = self.wait_for("ready", timeout_s=30)["uri"]
        if registrar:  # reachable through the registrar from now on
            self.wait_for("registered", timeout_s=20)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("{"):  # PJSIP prints a few lines of its own before start-up
                self.events.put(json.loads(line))

    def send(self, command: str) -> None:
        """One command line to the peer."""
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def wait_for(self, event: str, timeout_s: float = 20.0, **fields: Any) -> dict[str, Any]:
        """The next event named ``event`` whose fields match ``fields``."""
        for seen in self.seen:
            if seen["event"] == event and all(seen.get(k) == v for k, v in fields.items()):
                self.seen.remove(seen)
                return seen
        deadline = time.monotonic() + timeout_s
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"peer {self.name}: no {event} {fields} in {timeout_s} s")
            try:
                found = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if found["event"] == event and all(found.get(k) == v for k, v in fields.items()):
                return found
            self.seen.append(found)

    def seen_no(self, event: str, **fields: Any) -> bool:
        """True when no such event has arrived yet (reads what is waiting, never blocks)."""
        while True:
            try:
                self.seen.append(self.events.get_nowait())
            except queue.Empty:
                break
        return not any(
            seen["event"] == event and all(seen.get(k) == v for k, v in fields.items())
            for seen in self.seen
        )

    def forget(self) -> None:
        """Drop every event seen so far (a test sharing the peer starts afresh)."""
        self.seen_no("")
        self.seen.clear()

    def record(self, path: Path) -> None:
        """Start recording what the peer hears, from now on."""
        self.send(f"record {path}")

    def finish_recording(self) -> None:
        """Close the WAV and wait until it is complete."""
        self.send("stop-recording")
        self.wait_for("recorded")

    def stop(self) -> None:
        """Quit the peer (it hangs up and destroys PJSIP), killing it if it hangs."""
        if self.process.poll() is None:
            try:
                self.send("quit")
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=5)
